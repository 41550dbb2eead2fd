namespace Buurtzorg.HubBench;

/// <summary>
/// One target's figures. Latencies are from the HTTP answer of a change: <see cref="Event"/> to
/// its ScheduleChanged on each watcher, <see cref="CatchUp"/> to the sampled page's catch-up
/// read that covers it completing. <see cref="LostDeliveries"/> counts (watcher, version) pairs
/// never heard after the drain; <see cref="VersionsNoneSaw"/> versions no watcher of the team heard.
/// </summary>
public sealed record StreamResult(
    string Target,
    int Connections,
    int Teams,
    double OfferedRate,
    double Seconds,
    LatencyHistogram Change,
    LatencyHistogram Event,
    LatencyHistogram EventFromRequest,
    LatencyHistogram CatchUp,
    LatencyHistogram CatchUpRead,
    long ChangesTimed,
    long ChangesSkipped,
    long ChangeErrors,
    long ChangesWithoutNewVersion,
    string ErrorKinds,
    long Deliveries,
    double DeliveriesPerSecond,
    long VersionsProduced,
    long LostDeliveries,
    long VersionsNoneSaw,
    string LostSample,
    long EventsBeforeAnswer,
    long CatchUpErrors,
    int Disconnects,
    bool Drained,
    double DrainSeconds,
    MachineLoad.Figures Machine);
