namespace Buurtzorg.Grains.Teams;

/// <summary>Stored form of the team directory; a schema like <see cref="TeamState"/>.</summary>
public sealed class TeamDirectoryState
{
    public int Schema { get; set; } = 1;

    public List<TeamDirectoryEntry> Teams { get; set; } = [];
}

public sealed class TeamDirectoryEntry
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset FoundedAt { get; set; }
}
