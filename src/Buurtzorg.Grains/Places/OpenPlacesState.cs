using Buurtzorg.Contracts.Places;

namespace Buurtzorg.Grains.Places;

/// <summary>The latest line of every team with open places or waiting join requests (a schema: add, never rename).</summary>
public sealed class OpenPlacesState
{
    public int Schema { get; set; } = 1;

    public Dictionary<Guid, TeamPlacesReport> Teams { get; set; } = [];
}
