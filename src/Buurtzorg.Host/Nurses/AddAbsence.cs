using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Nurses;

/// <summary>Leave, illness or training: whole days when the weekly availability does not hold.</summary>
public sealed record AddAbsence(Guid NurseId, DateOnly? From, DateOnly? To, AbsenceReason? Reason, string? Note, DateOnly Today)
    : ICommand<NurseRecord>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        if (From is not { } from || To is not { } to || to < from || to.DayNumber - from.DayNumber > 366)
        {
            errors.Add("to", "'from' and 'to' are required (yyyy-mm-dd), 'to' on or after 'from', at most a year apart.", FieldCodes.EndBeforeStart);
        }
        else if (to < Today.AddYears(-1) || from > Today.AddYears(2))
        {
            errors.Add("from", "An absence lies within a year back and two years ahead.", FieldCodes.OutOfRange);
        }

        errors.RequireDefined("reason", Reason);
        errors.OptionalMultiLine("note", Note, FieldRules.MaxTextLength);
    }
}

public sealed class AddAbsenceHandler(IGrainFactory grains) : ICommandHandler<AddAbsence, NurseRecord>
{
    public async ValueTask<NurseRecord> Handle(AddAbsence command, CancellationToken cancellationToken)
    {
        var absence = new Absence(Guid.NewGuid(), command.From!.Value, command.To!.Value, command.Reason!.Value,
            FieldRules.CleanOptional(command.Note));
        return (await grains.GetGrain<INurseGrain>(command.NurseId).AddAbsence(absence)).OrThrow(command.NurseId);
    }
}
