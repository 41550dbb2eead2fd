using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans.Omaha;

namespace Buurtzorg.Contracts.CarePlans;

/// <summary>Who took a step in a plan: a nurse, the client, or someone from the client's network.</summary>
[GenerateSerializer, Alias("Buurtzorg.CarePlans.PlanActorKind")]
public enum PlanActorKind
{
    /// <summary>Zero, so that every log entry stored before the circle existed reads as a nurse's.</summary>
    Nurse = 0,
    Client = 1,
    NetworkMember = 2,
}

/// <summary>A nurse by her id, the client by theirs, a relative by their entry in the client's network.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.PlanActor")]
public sealed record PlanActor(
    [property: Id(0)] PlanActorKind Kind,
    [property: Id(1)] Guid Id);

[GenerateSerializer, Alias("Buurtzorg.CarePlans.CircleTaskStatus")]
public enum CircleTaskStatus
{
    /// <summary>Waiting for the team's answer; the proposer may still withdraw it.</summary>
    Proposed = 1,

    /// <summary>The team agreed as proposed: it is an intervention of the plan.</summary>
    Agreed = 2,

    /// <summary>The team agreed with changes made with the family: it is an intervention of the plan.</summary>
    Adjusted = 3,

    /// <summary>The team explained why a professional must do it.</summary>
    Declined = 4,

    /// <summary>The proposer took it back before the team answered.</summary>
    Withdrawn = 5,
}

/// <summary>
/// When a task of the circle is done: on these days of the week, at a time of day or in a part of
/// the day (ochtend, middag, avond), or some time that day when neither is given.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CircleTaskTiming")]
public sealed record CircleTaskTiming(
    [property: Id(0)] IReadOnlyList<DayOfWeek> Days,
    [property: Id(1)] TimeOnly? At,
    [property: Id(2)] PartOfDay? PartOfDay)
{
    /// <summary>Days in the Dutch week's order (Monday first), each once.</summary>
    public static IReadOnlyList<DayOfWeek> Ordered(IEnumerable<DayOfWeek> days) => [.. days.Distinct().OrderBy(d => ((int)d + 6) % 7)];

    /// <summary>Equal in what it says (lists compare by content, not by reference).</summary>
    public bool SameAs(CircleTaskTiming? other) =>
        other is not null && Days.SequenceEqual(other.Days) && At == other.At && PartOfDay == other.PartOfDay;

    /// <summary>
    /// The time window of the intervention it becomes: an hour from the time given, the part of
    /// the day, or the waking day (07:00-23:00).
    /// </summary>
    public (TimeOnly From, TimeOnly To) Window()
    {
        if (At is { } at)
        {
            var end = at.AddHours(1);
            return (at, end < at ? TimeOnly.MaxValue : end);
        }

        if (PartOfDay is not { } part)
        {
            return (new TimeOnly(7, 0), new TimeOnly(23, 0));
        }

        // The night runs past midnight; a task of the circle is said in the day's parts.
        var (from, to) = PartsOfDay.Minutes(part);
        return (TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from)), to >= 24 * 60 ? TimeOnly.MaxValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(to)));
    }

    /// <summary>
    /// The schedule of the intervention: weekly on its days. The circle's time is not the team's to
    /// plan (no visit is ever made of it), so the duration only has to fit the window.
    /// </summary>
    public InterventionSchedule ToSchedule()
    {
        var (from, to) = Window();
        var minutes = (int)Math.Min(30, (to - from).TotalMinutes);
        return new InterventionSchedule(Days.Count, SchedulePeriod.Week, from, to, Math.Max(minutes, 1), null, false, Days);
    }
}

/// <summary>What the client, or a relative with care-plan access, proposes to do themselves.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CircleTaskProposal")]
public sealed record CircleTaskProposal(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] CircleTaskTiming When,
    [property: Id(3)] Guid? NetworkMemberId);

/// <summary>
/// The team agrees: the task becomes an intervention of <see cref="ProblemCode"/> (which must be
/// in the plan). A <see cref="Text"/> or <see cref="When"/> that differs from the proposal makes it
/// "adjusted with the family"; null keeps what was proposed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CircleTaskAgreement")]
public sealed record CircleTaskAgreement(
    [property: Id(0)] int ProblemCode,
    [property: Id(1)] InterventionCategory Category,
    [property: Id(2)] int TargetCode,
    [property: Id(3)] string? Text,
    [property: Id(4)] CircleTaskTiming? When,
    [property: Id(5)] string? Note);

/// <summary>
/// A task the client's circle takes on, from its proposal to the team's answer. <see cref="Text"/>
/// and <see cref="When"/> are as agreed; an adjusted task keeps what was proposed in
/// <see cref="ProposedText"/> and <see cref="ProposedWhen"/>. <see cref="NetworkMemberId"/> null:
/// the client themself does it. <see cref="Version"/> is the plan's version of its last step.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.CarePlans.CircleTask")]
public sealed record CircleTask(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] CircleTaskTiming When,
    [property: Id(3)] Guid? NetworkMemberId,
    [property: Id(4)] PlanActor ProposedBy,
    [property: Id(5)] DateTimeOffset ProposedAt,
    [property: Id(6)] CircleTaskStatus Status,
    [property: Id(7)] PlanActor? AnsweredBy,
    [property: Id(8)] DateTimeOffset? AnsweredAt,
    [property: Id(9)] string? TeamNote,
    [property: Id(10)] int? ProblemCode,
    [property: Id(11)] Guid? InterventionId,
    [property: Id(12)] int Version,
    [property: Id(13)] string? ProposedText,
    [property: Id(14)] CircleTaskTiming? ProposedWhen)
{
    public const int MaxTextLength = 200;

    public bool IsAgreed => Status is CircleTaskStatus.Agreed or CircleTaskStatus.Adjusted;

    public Performer Performer => NetworkMemberId is null ? Performer.Client : Performer.Network;
}
