using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Notes;

/// <summary>The nurse who wrote a note replaces its text; the text replaced stays in the note's history.</summary>
public sealed record CorrectVisitNote(Guid ClientId, Guid NoteId, Guid AuthorId, string? Text) : ICommand<VisitNote>, IValidatedMessage
{
    public void Validate(ValidationErrors errors) => errors.RequireMultiLine("text", Text, ClientLimits.MaxVisitNoteLength);
}

public sealed class CorrectVisitNoteHandler(IGrainFactory grains) : ICommandHandler<CorrectVisitNote, VisitNote>
{
    public async ValueTask<VisitNote> Handle(CorrectVisitNote command, CancellationToken cancellationToken)
    {
        _ = await grains.GetGrain<IClientGrain>(command.ClientId).Get() ?? throw ClientOutcome.ClientNotFound(command.ClientId);
        return (await grains.GetGrain<IClientNotesGrain>(command.ClientId).CorrectNote(command.NoteId, command.AuthorId, FieldRules.Clean(command.Text!))).OrThrow();
    }
}
