using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Host.Tests.Persistence.EarlierRelease;

/// <summary>
/// The care plan as the release before issue 17 stored it: the current problems and the whole
/// log in the plan's one state, each log entry holding the problem with all its ratings.
/// </summary>
public sealed class CarePlanStateV1
{
    public int Schema { get; set; } = 1;

    public int Version { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public List<CarePlanProblem> Problems { get; set; } = [];

    public List<CarePlanLogEntryV1> Log { get; set; } = [];

    public bool ScheduleSyncPending { get; set; }
}

public sealed class CarePlanLogEntryV1
{
    public int Version { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid By { get; set; }

    public CarePlanChangeKind Kind { get; set; }

    public int ProblemCode { get; set; }

    public CarePlanProblem? ProblemAfter { get; set; }
}

/// <summary>The client as the release before issue 17 stored it, without a log of its changes.</summary>
public sealed class ClientStateV1
{
    public int Schema { get; set; } = 1;

    public long Version { get; set; }

    public ClientRegistration? Details { get; set; }

    public ClientStatus Status { get; set; } = ClientStatus.Active;

    public List<NetworkMember> Network { get; set; } = [];

    public bool AdmissionPending { get; set; }
}
