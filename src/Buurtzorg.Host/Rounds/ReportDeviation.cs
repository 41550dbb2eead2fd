using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Rounds;

/// <summary>
/// Only what differs from the plan needs typing: another start or duration, or not done and why.
/// Reported by the nurse who did the visit, or by a team-mate for her (<see cref="OnBehalfOf"/>).
/// </summary>
public sealed record ReportDeviation(
    Guid TeamId, Guid VisitId, Guid RecordedBy, bool? Done, TimeOnly? Start, int? DurationMinutes, string? NotDoneReason, Guid? OnBehalfOf = null, Guid? NamedNurse = null)
    : ICommand<RoundResult>, IValidatedMessage
{
    private const int MaxMinutes = 8 * 60;

    public Guid CaredBy => OnBehalfOf ?? RecordedBy;

    public void Validate(ValidationErrors errors)
    {
        errors.RequireSelf("nurseId", NamedNurse, RecordedBy);
        if (Done is null)
        {
            errors.Add("done", "Say whether the visit took place (true) or not (false).", FieldCodes.Required);
        }
        else if (Done.Value)
        {
            if (Start is null && DurationMinutes is null)
            {
                errors.Add("start", "Give the other start time or duration; a visit done as planned is confirmed instead.");
            }

            if (DurationMinutes is { } minutes && (minutes < 1 || minutes > MaxMinutes))
            {
                errors.Add("durationMinutes", $"The duration is between 1 and {MaxMinutes} minutes.", FieldCodes.OutOfRange);
            }

            if (NotDoneReason is not null)
            {
                errors.Add("notDoneReason", "A reason is only given for a visit that did not take place.");
            }
        }
        else
        {
            errors.RequireMultiLine("notDoneReason", NotDoneReason, FieldRules.MaxTextLength);
            if (Start is not null || DurationMinutes is not null)
            {
                errors.Add("start", "A visit that did not take place has no start or duration.");
            }
        }
    }
}

public sealed class ReportDeviationHandler(IGrainFactory grains) : ICommandHandler<ReportDeviation, RoundResult>
{
    public async ValueTask<RoundResult> Handle(ReportDeviation command, CancellationToken cancellationToken)
    {
        var deviation = new VisitDeviation(command.Done!.Value, command.Start, command.DurationMinutes, FieldRules.CleanOptional(command.NotDoneReason));
        return (await grains.GetGrain<ITeamScheduleGrain>(command.TeamId).Report(command.VisitId, command.CaredBy, deviation, command.RecordedBy)).OrThrow();
    }
}
