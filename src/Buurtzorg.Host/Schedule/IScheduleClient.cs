using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Host.Schedule;

/// <summary>What the server pushes to a browser. Events are past tense and carry a version.</summary>
public interface IScheduleClient
{
    Task TeamChanged(TeamChanged change);
}
