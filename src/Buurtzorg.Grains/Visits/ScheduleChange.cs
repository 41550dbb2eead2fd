using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Grains.Visits;

/// <summary>
/// What one command changed so far, gathered in memory by its steps (claims, hand-overs, round
/// orders) until the schedule stores the whole as one version and publishes it as one event.
/// Besides the visits, it names the clients and nurses the change concerns whom the visits as
/// they are now no longer show: those of visits that left, and nurses a visit was taken from.
/// </summary>
internal sealed class ScheduleChange
{
    public HashSet<Guid> Visits { get; } = [];

    public HashSet<Guid> Clients { get; } = [];

    public HashSet<Guid> Nurses { get; } = [];

    /// <summary>
    /// Days changed besides those of <see cref="Visits"/>: a nurse's order of a day can change
    /// without any visit of that day changing, and is stored with the day.
    /// </summary>
    public HashSet<DateOnly> Days { get; } = [];

    /// <summary>
    /// The command's answer as it will read once stored, kept with the change in the same write
    /// when the command carries an idempotency key (see <see cref="Idempotency.OutcomeLedger"/>).
    /// </summary>
    public Func<object?>? Answer { get; set; }

    public bool IsEmpty => Visits.Count == 0 && Clients.Count == 0 && Nurses.Count == 0;

    public void Left(Visit visit)
    {
        Visits.Add(visit.Id);
        Clients.Add(visit.ClientId);
        Nurses.UnionWith(visit.AssignedNurses);
    }
}
