namespace Buurtzorg.Host.Tests.Persistence.EarlierRelease;

/// <summary>
/// The team state as an earlier release stored it: another namespace and assembly, without the
/// members added since (Schema, FoundedAt, a nurse's JoinedAt).
/// </summary>
public sealed class TeamStateV0
{
    public bool Founded { get; set; }

    public string Name { get; set; } = "";

    public long Version { get; set; }

    public List<TeamNurseStateV0> Nurses { get; set; } = [];
}

public sealed class TeamNurseStateV0
{
    public Guid NurseId { get; set; }

    public string Name { get; set; } = "";
}
