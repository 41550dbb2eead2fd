using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.CarePlans;

/// <summary>Rates a problem on the Problem Rating Scale (Knowledge, Behavior, Status, each 1-5).</summary>
public sealed record RateOutcome(
    Guid ClientId, int ProblemCode, int? ExpectedVersion, Guid? ChangedBy, RatingMoment? Moment, DateOnly? RatedOn,
    int? Knowledge, int? Behavior, int? Status, DateOnly Today) : ICommand<CarePlanSnapshot>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        CarePlanRules.RequireProblemCode(errors, ProblemCode);
        CarePlanRules.RequireEditBasis(errors, ExpectedVersion, ChangedBy);
        errors.RequireDefined("moment", Moment);
        if (RatedOn is not { } on || on > Today || on < Today.AddYears(-5))
        {
            errors.Add("ratedOn", "'ratedOn' must be a date in the last five years, not in the future (yyyy-mm-dd).", FieldCodes.OutOfRange);
        }

        foreach (var (field, rating) in new[] { ("knowledge", Knowledge), ("behavior", Behavior), ("status", Status) })
        {
            if (rating is not { } value || !ProblemRatingScale.IsValid(value))
            {
                errors.Add(field, $"'{field}' must be a rating from {ProblemRatingScale.Lowest} to {ProblemRatingScale.Highest}.", FieldCodes.OutOfRange);
            }
        }
    }
}

public sealed class RateOutcomeHandler(IGrainFactory grains) : ICommandHandler<RateOutcome, CarePlanSnapshot>
{
    public async ValueTask<CarePlanSnapshot> Handle(RateOutcome command, CancellationToken cancellationToken)
    {
        await grains.RequireClient(command.ClientId);
        var rating = new OutcomeRating(command.Moment!.Value, command.RatedOn!.Value, command.Knowledge!.Value, command.Behavior!.Value, command.Status!.Value);
        var result = await grains.GetGrain<ICarePlanGrain>(command.ClientId)
            .RateOutcome(command.ExpectedVersion!.Value, command.ProblemCode, rating, command.ChangedBy!.Value);
        return result.OrThrow();
    }
}
