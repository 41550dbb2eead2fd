using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Grains.Teams.Division;

/// <summary>A nurse of the dividing team: where she lives and the hours a week she is contracted for.</summary>
public sealed record DivisionNurse(Guid Id, GeoPoint Home, double ContractHoursPerWeek);

/// <summary>A client of the dividing team: where they live and the nurse hours a week their care asks.</summary>
public sealed record DivisionClient(Guid Id, GeoPoint Address, double DemandHoursPerWeek);

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
/// clients, a proxy for the driving a compact team saves. Balance: the first half's share of the
/// team's demand against its share of the team's contract hours (the second half's shares are
/// the complements, so its gap is the same).
/// </summary>
public sealed record DivisionQuality(
    int VisitsKept,
    int VisitsTotal,
    int BondsKept,
    int BondsTotal,
    double MeanClientSpreadKm,
    double FirstDemandShare,
    double FirstContractShare)
{
    public double ContinuityKept => VisitsTotal == 0 ? 1 : (double)VisitsKept / VisitsTotal;

    /// <summary>|demand share − contract-hour share| of either half, as a fraction of the team's demand.</summary>
    public double Imbalance => Math.Abs(FirstDemandShare - FirstContractShare);
}

/// <summary>
/// The two new teams. <see cref="Balanced"/>: whether both halves' demand is within the tolerance
/// of their contract hours; false only when no division of the team could be, and this is the
/// least imbalanced one.
/// </summary>
public sealed record Division(TeamHalf First, TeamHalf Second, DivisionQuality Quality, bool Balanced);
