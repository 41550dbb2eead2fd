using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;

namespace Buurtzorg.Contracts.CarePlans;

[GenerateSerializer, Alias("Buurtzorg.CarePlans.SchedulePeriod")]
public enum SchedulePeriod
{
    Day = 1,
    Week = 2,
}

/// <summary>Who carries an intervention out: the team, or someone from the client's own network.</summary>
[GenerateSerializer, Alias("Buurtzorg.CarePlans.Performer")]
public enum Performer
{
    Team = 1,
    Network = 2,

    /// <summary>The client themself: self-care the client takes on, agreed with the team (never a visit).</summary>
    Client = 3,
}

[GenerateSerializer, Alias("Buurtzorg.CarePlans.RatingMoment")]
public enum RatingMoment
{
    Admission = 1,
    Review = 2,
    Discharge = 3,
}

/// <summary>
/// How often and when an intervention is needed: <see cref="TimesPerPeriod"/> times a day or a
/// week, each between <see cref="WindowStart"/> and <see cref="WindowEnd"/>, taking
/// <see cref="DurationMinutes"/>; for the team, possibly with a qualification or two nurses.
/// <see cref="Days"/> names the days of the week of a weekly task the client's circle does
/// ("dinsdag en vrijdag"); absent (as in every plan stored before it) the days are spread.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.InterventionSchedule")]
public sealed record InterventionSchedule(
    [property: Id(0)] int TimesPerPeriod,
    [property: Id(1)] SchedulePeriod Period,
    [property: Id(2)] TimeOnly WindowStart,
    [property: Id(3)] TimeOnly WindowEnd,
    [property: Id(4)] int DurationMinutes,
    [property: Id(5)] Qualification? RequiredQualification,
    [property: Id(6)] bool TwoNurses,
    [property: Id(7)] IReadOnlyList<DayOfWeek>? Days = null);

/// <summary>An Omaha intervention: category, target and a plain description, with its schedule and performer.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.Intervention")]
public sealed record Intervention(
    [property: Id(0)] Guid Id,
    [property: Id(1)] InterventionCategory Category,
    [property: Id(2)] int TargetCode,
    [property: Id(3)] string Description,
    [property: Id(4)] InterventionSchedule Schedule,
    [property: Id(5)] Performer PerformedBy,
    [property: Id(6)] Guid? NetworkMemberId);

/// <summary>A dated rating on the Problem Rating Scale for Outcomes, each concept 1 to 5.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.OutcomeRating")]
public sealed record OutcomeRating(
    [property: Id(0)] RatingMoment Moment,
    [property: Id(1)] DateOnly RatedOn,
    [property: Id(2)] int Knowledge,
    [property: Id(3)] int Behavior,
    [property: Id(4)] int Status);

/// <summary>What a nurse writes about one problem; ratings are added separately and kept.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.ProblemEdit")]
public sealed record ProblemEdit(
    [property: Id(0)] int Code,
    [property: Id(1)] ProblemScope Scope,
    [property: Id(2)] ProblemType Type,
    [property: Id(3)] IReadOnlyList<string> SignsAndSymptoms,
    [property: Id(4)] IReadOnlyList<Intervention> Interventions);

/// <summary>One Omaha problem in a client's plan, with its interventions and its ratings over time.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CarePlanProblem")]
public sealed record CarePlanProblem(
    [property: Id(0)] int Code,
    [property: Id(1)] ProblemScope Scope,
    [property: Id(2)] ProblemType Type,
    [property: Id(3)] IReadOnlyList<string> SignsAndSymptoms,
    [property: Id(4)] IReadOnlyList<Intervention> Interventions,
    [property: Id(5)] IReadOnlyList<OutcomeRating> Ratings);

/// <summary>A client's care plan as it was at <see cref="Version"/> (0: nothing written yet).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CarePlanSnapshot")]
public sealed record CarePlanSnapshot(
    [property: Id(0)] Guid ClientId,
    [property: Id(1)] int Version,
    [property: Id(2)] DateTimeOffset? ChangedAt,
    [property: Id(3)] IReadOnlyList<CarePlanProblem> Problems,
    [property: Id(4)] IReadOnlyList<CircleTask> CircleTasks);

[GenerateSerializer, Alias("Buurtzorg.CarePlans.CarePlanChangeKind")]
public enum CarePlanChangeKind
{
    ProblemWritten = 1,
    ProblemRemoved = 2,
    OutcomeRated = 3,
    CircleTaskProposed = 4,
    CircleTaskAgreed = 5,
    CircleTaskAdjusted = 6,
    CircleTaskDeclined = 7,
    CircleTaskWithdrawn = 8,
}

/// <summary>
/// One entry of a plan's history: who changed what, when, giving which version. <see cref="By"/>
/// is a nurse, unless <see cref="ByKind"/> says it was the client or someone from their network
/// (the circle's steps); <see cref="CircleTaskId"/> names the circle's task a step was about.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CarePlanChange")]
public sealed record CarePlanChange(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Guid By,
    [property: Id(3)] CarePlanChangeKind Kind,
    [property: Id(4)] int ProblemCode,
    [property: Id(5)] PlanActorKind ByKind = PlanActorKind.Nurse,
    [property: Id(6)] Guid? CircleTaskId = null);
