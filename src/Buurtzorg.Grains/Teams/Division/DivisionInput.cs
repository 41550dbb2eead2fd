using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Grains.Teams.Division;

public sealed record DivisionNurse(Guid Id, GeoPoint Home);

public sealed record DivisionClient(Guid Id, GeoPoint Address);

/// <summary>How often a nurse visited a client recently: the continuity bond between them.</summary>
public sealed record CareBond(Guid NurseId, Guid ClientId, int Visits);

public sealed record DivisionInput(
    IReadOnlyList<DivisionNurse> Nurses,
    IReadOnlyList<DivisionClient> Clients,
    IReadOnlyList<CareBond> Bonds);

public sealed record TeamHalf(IReadOnlyList<Guid> NurseIds, IReadOnlyList<Guid> ClientIds);

/// <summary>
/// How good a division is. Continuity: the visits (and bonds) whose nurse and client end in the
/// same team. Travel: the mean distance from each client to the centre of its new team's
/// clients, a proxy for the driving a compact team saves.
/// </summary>
public sealed record DivisionQuality(int VisitsKept, int VisitsTotal, int BondsKept, int BondsTotal, double MeanClientSpreadKm)
{
    public double ContinuityKept => VisitsTotal == 0 ? 1 : (double)VisitsKept / VisitsTotal;
}

public sealed record Division(TeamHalf First, TeamHalf Second, DivisionQuality Quality);
