using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Rounds;

namespace Buurtzorg.Contracts.Visits;

[GenerateSerializer, Alias("Buurtzorg.Visits.VisitStatus")]
public enum VisitStatus
{
    Open = 1,
    Done = 2,
    Cancelled = 3,

    /// <summary>Reported as not done, with the reason.</summary>
    NotDone = 4,
}

/// <summary>Why a visit looks different from when it was planned; shown to the team, never silent.</summary>
[GenerateSerializer, Alias("Buurtzorg.Visits.VisitMark")]
public enum VisitMark
{
    None = 0,

    /// <summary>The care plan changed its time window, duration, qualification or number of nurses.</summary>
    ChangedByCarePlan = 1,

    /// <summary>The care plan no longer asks for it; kept (cancelled) because a nurse had it.</summary>
    NoLongerInCarePlan = 2,
}

/// <summary>
/// One visit a client's care plan asks of the team: the <see cref="Occurrence"/>-th time on
/// <see cref="Date"/> that intervention <see cref="InterventionId"/> is due, with the client's
/// other interventions due in the same time slot (<see cref="WithInterventionIds"/>): one trip to
/// the door for all of them. Its
/// <see cref="Version"/> is the schedule version of its last change, <see cref="ChangedBy"/> the
/// nurse who made it (null for a change the care plan made).
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.Visit")]
public sealed record Visit(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ClientId,
    [property: Id(2)] Guid InterventionId,
    [property: Id(3)] DateOnly Date,
    [property: Id(4)] int Occurrence,
    [property: Id(5)] TimeOnly WindowStart,
    [property: Id(6)] TimeOnly WindowEnd,
    [property: Id(7)] int DurationMinutes,
    [property: Id(8)] Qualification? RequiredQualification,
    [property: Id(9)] int NursesNeeded,
    [property: Id(10)] IReadOnlyList<Guid> AssignedNurses,
    [property: Id(11)] VisitStatus Status,
    [property: Id(12)] VisitMark Mark,
    [property: Id(13)] long Version,
    [property: Id(14)] VisitReport? Report = null,
    [property: Id(15)] Guid? ChangedBy = null,
    [property: Id(16)] IReadOnlyList<Guid>? WithInterventionIds = null);

/// <summary>The visits of a team between two dates, at a schedule version.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.ScheduleView")]
public sealed record ScheduleView(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] long Version,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To,
    [property: Id(4)] IReadOnlyList<Visit> Visits);

/// <summary>
/// One stored change to a team's schedule: the visits it touched, the clients and nurses those
/// visits concern (so each watcher hears of what is theirs) and the new version.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.ScheduleChanged")]
public sealed record ScheduleChanged(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<Guid> VisitIds,
    [property: Id(3)] IReadOnlyList<Guid> ClientIds,
    [property: Id(4)] IReadOnlyList<Guid> NurseIds);

/// <summary>How many visits a nurse made or has for a client.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.CareBondCount")]
public sealed record CareBondCount(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] Guid ClientId,
    [property: Id(2)] int Visits);

/// <summary>The nurse hours a week a client's care plan asks of the team.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Visits.ClientDemand")]
public sealed record ClientDemand(
    [property: Id(0)] Guid ClientId,
    [property: Id(1)] decimal HoursPerWeek);
