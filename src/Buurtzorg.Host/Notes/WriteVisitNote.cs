using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Notes;

/// <summary>The signed-in nurse writes what she saw at one of the client's visits of today or the days before.</summary>
public sealed record WriteVisitNote(Guid ClientId, Guid AuthorId, Guid? VisitId, string? Text, DateOnly Today) : ICommand<VisitNote>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireId("visitId", VisitId);
        errors.RequireMultiLine("text", Text, ClientLimits.MaxVisitNoteLength);
    }
}

public sealed class WriteVisitNoteHandler(IGrainFactory grains) : ICommandHandler<WriteVisitNote, VisitNote>
{
    public async ValueTask<VisitNote> Handle(WriteVisitNote command, CancellationToken cancellationToken)
    {
        var visits = await grains.RecentVisits(command.ClientId, command.Today);
        if (visits.FirstOrDefault(v => v.Id == command.VisitId) is not { } visit)
        {
            var errors = new ValidationErrors();
            errors.Add("visitId", $"'visitId' must be a visit of this client of today or the {ClientLimits.VisitNoteDaysBack} days before.", FieldCodes.NotAnOption);
            throw new RequestValidationException(errors.ToDictionary());
        }

        // The time the visit began, as reported; the planned window's start until it is.
        var time = visit.Report?.Start ?? visit.WindowStart;
        var author = (await grains.GetGrain<INurseGrain>(command.AuthorId).Get())?.Profile.Name ?? "";
        var draft = new VisitNoteDraft(visit.Id, visit.Date, time, command.AuthorId, author, FieldRules.Clean(command.Text!));
        return (await grains.GetGrain<IClientNotesGrain>(command.ClientId).WriteNote(Guid.NewGuid(), draft)).OrThrow();
    }
}
