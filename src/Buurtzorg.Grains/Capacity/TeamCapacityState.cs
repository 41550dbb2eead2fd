using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Grains.Capacity;

/// <summary>What a team's capacity is made of, as last reported (a schema: add, never rename).</summary>
public sealed class TeamCapacityState
{
    /// <summary>2: supply is contract hours (<see cref="Supply"/>), with the rota and the horizon's needs.</summary>
    public int Schema { get; set; } = 2;

    public string Name { get; set; } = "";

    public string Region { get; set; } = "";

    public int Nurses { get; set; }

    public bool Divided { get; set; }

    /// <summary>Schema 1: each nurse's available hours, which were counted as supply. Read once to find the nurses, then emptied.</summary>
    public Dictionary<Guid, decimal> SupplyByNurse { get; set; } = [];

    public Dictionary<Guid, NurseSupply> Supply { get; set; } = [];

    /// <summary>The schedule's horizon as counted needs, for coverage per part of the day.</summary>
    public List<VisitNeed> Needs { get; set; } = [];

    public decimal DemandHoursPerWeek { get; set; }

    public decimal OpenVisitHours { get; set; }

    public decimal ConfirmedHoursThisWeek { get; set; }

    /// <summary>Direct client hours of the week, as the schedule last reported them.</summary>
    public decimal VisitHoursThisWeek { get; set; }

    public Dictionary<Guid, ClientCapacityState> Clients { get; set; } = [];
}

public sealed class ClientCapacityState
{
    public ClientStatus Status { get; set; }

    public bool Waiting { get; set; }
}
