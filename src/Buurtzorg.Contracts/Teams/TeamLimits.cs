namespace Buurtzorg.Contracts.Teams;

public static class TeamLimits
{
    /// <summary>Buurtzorg teams stay small: past twelve nurses a team divides in two.</summary>
    public const int MaxNurses = 12;

    public const int MaxNameLength = 100;

    /// <summary>The region of a team founded without one: central staff group it later.</summary>
    public const string UnassignedRegion = "Niet ingedeeld";
}
