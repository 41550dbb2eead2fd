using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Grains.Capacity;

/// <summary>What a team's capacity is made of, as last reported (a schema: add, never rename).</summary>
public sealed class TeamCapacityState
{
    public int Schema { get; set; } = 1;

    public string Name { get; set; } = "";

    public string Region { get; set; } = "";

    public int Nurses { get; set; }

    public bool Divided { get; set; }

    public Dictionary<Guid, decimal> SupplyByNurse { get; set; } = [];

    public decimal DemandHoursPerWeek { get; set; }

    public decimal OpenVisitHours { get; set; }

    public decimal ConfirmedHoursThisWeek { get; set; }

    public Dictionary<Guid, ClientCapacityState> Clients { get; set; } = [];
}

public sealed class ClientCapacityState
{
    public ClientStatus Status { get; set; }

    public bool Waiting { get; set; }
}
