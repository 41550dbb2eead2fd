using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Contracts.Nurses;

/// <summary>Hours a nurse can work on a day of the week.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Nurses.AvailabilitySlot")]
public sealed record AvailabilitySlot(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly From,
    [property: Id(2)] TimeOnly To);

[GenerateSerializer, Alias("Buurtzorg.Nurses.AbsenceReason")]
public enum AbsenceReason
{
    Leave = 1,
    Sick = 2,
    Training = 3,
    Other = 4,
}

/// <summary>Whole days on which the weekly availability does not hold (leave, illness, training).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Nurses.Absence")]
public sealed record Absence(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] AbsenceReason Reason,
    [property: Id(4)] string? Note);

[GenerateSerializer, Immutable, Alias("Buurtzorg.Nurses.NurseProfile")]
public sealed record NurseProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<Qualification> Qualifications,
    [property: Id(2)] decimal ContractHoursPerWeek,
    [property: Id(3)] GeoPoint Home,
    [property: Id(4)] IReadOnlyList<AvailabilitySlot> WeeklyAvailability);

/// <summary>A period in one team; <see cref="Until"/> is null for the team she is in now.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Nurses.TeamMembership")]
public sealed record TeamMembership(
    [property: Id(0)] Guid TeamId,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] DateTimeOffset? Until);

[GenerateSerializer, Immutable, Alias("Buurtzorg.Nurses.NurseRecord")]
public sealed record NurseRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long Version,
    [property: Id(2)] NurseProfile Profile,
    [property: Id(3)] IReadOnlyList<Absence> Absences,
    [property: Id(4)] Guid? TeamId,
    [property: Id(5)] IReadOnlyList<TeamMembership> Memberships);
