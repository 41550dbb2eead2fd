using Buurtzorg.Grains.Idempotency;
namespace Buurtzorg.Grains.Teams;

/// <summary>
/// The stored form of a team. This is a schema: it is stored as System.Text.Json without type
/// names, so members may be added (with defaults) and the class may move, but a member is never
/// renamed or given another meaning.
/// </summary>
public sealed class TeamState
{
    /// <summary>Outcomes of recent keyed commands, stored with the changes they made.</summary>
    public OutcomeLedger Outcomes { get; set; } = new();

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

    /// <summary>Nurses who asked to join; an accepted one stays here, naming who accepted, until she has arrived.</summary>
    public List<JoinRequestState> JoinRequests { get; set; } = [];

    /// <summary>The last nurse left and no client was left: the team is no longer listed or counted.</summary>
    public bool Retired { get; set; }

    /// <summary>Places the team offers a colleague, until a member closes them (or the team divides or retires).</summary>
    public List<OpenPlaceState> OpenPlaces { get; set; } = [];
}

public sealed class OpenPlaceState
{
    public Guid Id { get; set; }

    public int HoursPerWeek { get; set; }

    public Contracts.Nurses.Qualification? Qualification { get; set; }

    public string Neighbourhood { get; set; } = "";

    public string? Note { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    public Guid PostedBy { get; set; }
}

public sealed class JoinRequestState
{
    public Guid NurseId { get; set; }

    public string Name { get; set; } = "";

    public string? Message { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    public Guid? AcceptedBy { get; set; }
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

    /// <summary>The member who took her in; null for a founder, a division or an earlier release.</summary>
    public Guid? AcceptedBy { get; set; }
}
