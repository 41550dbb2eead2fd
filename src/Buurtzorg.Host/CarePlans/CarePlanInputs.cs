using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.CarePlans;

/// <summary>An intervention as the API takes it (times as "07:30").</summary>
public sealed record InterventionInput(
    Guid? Id,
    InterventionCategory? Category,
    int? TargetCode,
    string? Description,
    int? TimesPerPeriod,
    SchedulePeriod? Period,
    TimeOnly? WindowStart,
    TimeOnly? WindowEnd,
    int? DurationMinutes,
    Qualification? RequiredQualification,
    bool TwoNurses,
    Performer? PerformedBy,
    Guid? NetworkMemberId,
    IReadOnlyList<DayOfWeek>? Days = null)
{
    public void Validate(ValidationErrors errors, string prefix)
    {
        errors.RequireDefined($"{prefix}.category", Category);
        if (TargetCode is not { } target || !InterventionTargets.TryGet(target, out _))
        {
            errors.Add($"{prefix}.targetCode", $"'{prefix}.targetCode' must be an Omaha intervention target, 1 to {InterventionTargets.All.Count}.", FieldCodes.OutOfRange);
        }

        errors.RequireMultiLine($"{prefix}.description", Description, FieldRules.MaxTextLength);
        var most = Period == SchedulePeriod.Week ? 7 * 24 : 24;
        if (TimesPerPeriod is not { } times || times < 1 || times > most)
        {
            errors.Add($"{prefix}.timesPerPeriod", $"'{prefix}.timesPerPeriod' must be 1 to {most}.", FieldCodes.OutOfRange);
        }

        errors.RequireDefined($"{prefix}.period", Period);
        if (WindowStart is not { } start || WindowEnd is not { } end || end <= start)
        {
            errors.Add($"{prefix}.windowEnd", $"'{prefix}.windowStart' and '{prefix}.windowEnd' are required, the end after the start.", FieldCodes.Required);
        }

        if (DurationMinutes is not { } minutes || minutes < 5 || minutes > 240)
        {
            errors.Add($"{prefix}.durationMinutes", $"'{prefix}.durationMinutes' must be 5 to 240.", FieldCodes.OutOfRange);
        }
        else if (WindowStart is { } from && WindowEnd is { } to && to > from && minutes > (to - from).TotalMinutes)
        {
            errors.Add($"{prefix}.durationMinutes", $"'{prefix}.durationMinutes' does not fit in the time window.", FieldCodes.OutOfRange);
        }

        if (RequiredQualification is { } qualification && !Enum.IsDefined(qualification))
        {
            errors.Add($"{prefix}.requiredQualification", $"'{prefix}.requiredQualification' must be one of: {string.Join(", ", Enum.GetNames<Qualification>())}.", FieldCodes.NotAnOption);
        }

        errors.RequireDefined($"{prefix}.performedBy", PerformedBy);
        if (PerformedBy == Performer.Network && NetworkMemberId is null)
        {
            errors.Add($"{prefix}.networkMemberId", $"'{prefix}.networkMemberId' names who in the client's network does this.", FieldCodes.Required);
        }

        if (PerformedBy == Performer.Team && NetworkMemberId is not null)
        {
            errors.Add($"{prefix}.networkMemberId", $"'{prefix}.networkMemberId' is only for interventions the client's network performs.");
        }

        if (PerformedBy == Performer.Client && NetworkMemberId is not null)
        {
            errors.Add($"{prefix}.networkMemberId", $"'{prefix}.networkMemberId' is only for interventions someone from the client's network performs.");
        }

        if (PerformedBy is Performer.Network or Performer.Client && (TwoNurses || RequiredQualification is not null))
        {
            errors.Add($"{prefix}.performedBy", $"Qualifications and two nurses apply only to interventions the team performs.");
        }

        // Days belong to the circle's weekly tasks; the team's visits are spread over the week by the schedule.
        if (Days is { } days && (PerformedBy == Performer.Team || Period != SchedulePeriod.Week || days.Count != TimesPerPeriod
            || days.Distinct().Count() != days.Count || days.Any(d => !Enum.IsDefined(d))))
        {
            errors.Add($"{prefix}.days", $"'{prefix}.days' names the days of a weekly task of the client or their network, each once, as many as '{prefix}.timesPerPeriod'.", FieldCodes.NotAnOption);
        }
    }

    public Intervention ToIntervention() => new(
        Id is { } id && id != Guid.Empty ? id : Guid.NewGuid(),
        Category!.Value,
        TargetCode!.Value,
        FieldRules.Clean(Description!),
        new InterventionSchedule(
            TimesPerPeriod!.Value, Period!.Value, WindowStart!.Value, WindowEnd!.Value, DurationMinutes!.Value, RequiredQualification, TwoNurses,
            Days is { } days ? CircleTaskTiming.Ordered(days) : null),
        PerformedBy!.Value,
        NetworkMemberId);
}

/// <summary>One problem of the plan as the API takes it.</summary>
public sealed record ProblemInput(
    int? ExpectedVersion,
    Guid? ChangedBy,
    ProblemScope? Scope,
    ProblemType? Type,
    IReadOnlyList<string>? SignsAndSymptoms,
    IReadOnlyList<InterventionInput>? Interventions)
{
    private const int MaxInterventions = 20;

    public void Validate(ValidationErrors errors)
    {
        CarePlanRules.RequireEditBasis(errors, ExpectedVersion, ChangedBy);
        errors.RequireDefined("scope", Scope);
        errors.RequireDefined("type", Type);
        var signs = SignsAndSymptoms ?? [];
        if (Type == ProblemType.Actual && signs.Count == 0)
        {
            errors.Add("signsAndSymptoms", "An actual problem needs its signs and symptoms.", FieldCodes.Required);
        }

        if (Type is not null and not ProblemType.Actual && signs.Count > 0)
        {
            errors.Add("signsAndSymptoms", "Signs and symptoms are recorded for actual problems only.");
        }

        for (var i = 0; i < signs.Count; i++)
        {
            errors.RequireSingleLine($"signsAndSymptoms[{i}]", signs[i], FieldRules.MaxTextLength);
        }

        var interventions = Interventions ?? [];
        if (interventions.Count > MaxInterventions)
        {
            errors.Add("interventions", $"A problem has at most {MaxInterventions} interventions.", FieldCodes.TooLong);
        }

        for (var i = 0; i < interventions.Count; i++)
        {
            if (interventions[i] is null)
            {
                errors.Add($"interventions[{i}]", "An intervention may not be null.");
                continue;
            }

            interventions[i].Validate(errors, $"interventions[{i}]");
        }
    }

    public ProblemEdit ToEdit(int code) => new(
        code,
        Scope!.Value,
        Type!.Value,
        [.. (SignsAndSymptoms ?? []).Select(FieldRules.Clean)],
        [.. (Interventions ?? []).Select(i => i.ToIntervention())]);
}

internal static class CarePlanRules
{
    /// <summary>
    /// Every edit says which version it was made on and who made it. Until sign-in exists the
    /// author is the nurse's id as the caller gives it; the access work replaces it with the
    /// signed-in user.
    /// </summary>
    public static void RequireEditBasis(ValidationErrors errors, int? expectedVersion, Guid? changedBy)
    {
        if (expectedVersion is not >= 0)
        {
            errors.Add("expectedVersion", "'expectedVersion' is the version of the plan the edit was made on (0 for a new plan).", FieldCodes.Required);
        }

        errors.RequireId("changedBy", changedBy);
    }

    public static void RequireProblemCode(ValidationErrors errors, int code)
    {
        if (!OmahaProblems.TryGet(code, out _))
        {
            errors.Add("problemCode", "'problemCode' must be an Omaha System problem, 1 to 42.", FieldCodes.OutOfRange);
        }
    }
}
