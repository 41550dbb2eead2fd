namespace Buurtzorg.Grains.Teams;

/// <summary>
/// The stored form of a team. This is a schema: it is stored as System.Text.Json without type
/// names, so members may be added (with defaults) and the class may move, but a member is never
/// renamed or given another meaning.
/// </summary>
public sealed class TeamState
{
    public const int CurrentSchema = 1;

    public int Schema { get; set; } = CurrentSchema;

    public bool Founded { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The grouping central staff see the team in; no meaning inside the team.</summary>
    public string Region { get; set; } = Contracts.Teams.TeamLimits.UnassignedRegion;

    public DateTimeOffset FoundedAt { get; set; }

    public long Version { get; set; }

    public List<TeamNurseState> Nurses { get; set; } = [];

    public List<Guid> Clients { get; set; } = [];

    public Guid? ParentTeamId { get; set; }

    /// <summary>Set once the team has divided: it then carries on only as these two teams.</summary>
    public List<Guid> ChildTeamIds { get; set; } = [];

    /// <summary>
    /// The division, stored before any of it is carried out, so a silo that stops halfway
    /// leaves a plan the next activation finishes; kept afterwards as the team's lineage.
    /// </summary>
    public TeamDivisionPlan? Division { get; set; }
}

public sealed class TeamDivisionPlan
{
    public List<TeamHalfPlan> Halves { get; set; } = [];
}

public sealed class TeamHalfPlan
{
    public Guid TeamId { get; set; }

    public string Name { get; set; } = "";

    public List<TeamNurseState> Nurses { get; set; } = [];

    public List<Guid> Clients { get; set; } = [];
}

public sealed class TeamNurseState
{
    public Guid NurseId { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset JoinedAt { get; set; }
}
