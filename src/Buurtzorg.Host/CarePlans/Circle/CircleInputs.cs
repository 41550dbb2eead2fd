using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>When a task is done, as the API takes it: days ("Tuesday"), and a time ("18:00") or a part of the day, or neither.</summary>
public sealed record CircleTimingInput(IReadOnlyList<DayOfWeek>? Days, TimeOnly? At, PartOfDay? PartOfDay)
{
    // The last hour the circle's time window can start in and still end the same day.
    private static readonly TimeOnly LatestStart = new(23, 0);

    public void Validate(ValidationErrors errors, string prefix = "")
    {
        if (Days is not { Count: > 0 } days || days.Any(d => !Enum.IsDefined(d)) || days.Distinct().Count() != days.Count)
        {
            errors.Add($"{prefix}days", $"'{prefix}days' names one or more days of the week (Monday to Sunday), each once.", FieldCodes.Required);
        }

        if (At is { } at && at > LatestStart)
        {
            errors.Add($"{prefix}at", $"'{prefix}at' is a time of day until 23:00.", FieldCodes.OutOfRange);
        }

        if (PartOfDay is { } part && part is not (Contracts.Capacity.PartOfDay.Morning or Contracts.Capacity.PartOfDay.Afternoon or Contracts.Capacity.PartOfDay.Evening))
        {
            errors.Add($"{prefix}partOfDay", $"'{prefix}partOfDay' is Morning, Afternoon or Evening.", FieldCodes.NotAnOption);
        }

        if (At is not null && PartOfDay is not null)
        {
            errors.Add($"{prefix}partOfDay", $"Give '{prefix}at' or '{prefix}partOfDay', not both.");
        }
    }

    public CircleTaskTiming ToTiming() => new(CircleTaskTiming.Ordered(Days!), At, PartOfDay);
}

internal static class CircleOutcome
{
    /// <summary>The plan after a step of the circle, or the refusal in HTTP's words.</summary>
    public static CarePlanSnapshot OrThrow(this CarePlanResult result) => result.Error switch
    {
        CarePlanError.CircleTaskNotFound => throw new ResourceNotFoundException("There is no such proposal in the client's care plan."),
        CarePlanError.CircleTaskAnswered => throw new ResourceConflictException(
            "This proposal was already answered.",
            "The proposal was answered otherwise, or withdrawn, before this answer arrived. Nothing was changed: read the proposals again.",
            new Dictionary<string, object?> { ["currentVersion"] = result.Plan.Version },
            RefusalCodes.Conflict),
        CarePlanError.NotTheProposer => throw new ForbiddenActException(
            "Only who proposed a task withdraws it.", "Ask them, or the team, about this proposal."),
        _ => CarePlanOutcome.OrThrow(result),
    };

    /// <summary>The task as the step left it (the plan's answer holds every task).</summary>
    public static CircleTask Task(this CarePlanSnapshot plan, Guid taskId) =>
        plan.CircleTasks.FirstOrDefault(t => t.Id == taskId) ?? throw new ResourceNotFoundException("There is no such proposal in the client's care plan.");
}
