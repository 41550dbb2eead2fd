using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Host.Schedule;

/// <summary>What the server pushes to a browser. Events are past tense and carry a version.</summary>
public interface IScheduleClient
{
    Task TeamChanged(TeamChanged change);

    Task ScheduleChanged(ScheduleChanged change);

    Task CapacityChanged(CapacityChanged change);

    /// <summary>A question to the network was asked, answered or marked: to the nurses following its topics, and to its asker.</summary>
    Task QuestionChanged(QuestionChanged change);

    /// <summary>The caller's rights to a watched group ended (a move, a division, a revoked grant): nothing more comes from it.</summary>
    Task WatchEnded(string group);

    /// <summary>
    /// The client changed what someone in their network may see; whoever watches the client reads
    /// again what they may still see (a care plan can go while the agenda stays, so no watch ends).
    /// </summary>
    Task AccessChanged(Guid clientId);
}
