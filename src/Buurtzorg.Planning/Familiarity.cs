namespace Buurtzorg.Planning;

/// <summary>
/// How much of a stranger each nurse is to each client, from the care history, 0 to 1. A client
/// should see the same few nurses: her circle is the <see cref="CircleSize"/> who visited her
/// most (the first costs nothing, the others a little, so the plan still leans to her own nurse);
/// a nurse outside it who has been before costs most of a stranger's price, a stranger all of
/// it. With a plain "has she been before" the circle grows week by week: every stand-in becomes
/// as good as the client's own nurse the day after.
/// </summary>
internal sealed class Familiarity
{
    /// <summary>The nurses a client sees: what a district team aims for over a month.</summary>
    public const int CircleSize = 3;

    private const double PerRankInCircle = 0.1;
    private const double Seen = 0.8;

    private readonly Dictionary<(string Nurse, string Client), double> _strangeness = [];

    public Familiarity(PlanningProblem problem)
    {
        foreach (var client in problem.CareHistory.Where(h => h.Visits > 0).GroupBy(h => h.ClientId))
        {
            var ranked = client.GroupBy(h => h.NurseId).Select(g => (Nurse: g.Key, Visits: g.Sum(h => h.Visits)))
                .OrderByDescending(x => x.Visits).ThenBy(x => x.Nurse, StringComparer.Ordinal).ToList();
            for (var rank = 0; rank < ranked.Count; rank++)
            {
                _strangeness[(ranked[rank].Nurse, client.Key)] = rank < CircleSize ? rank * PerRankInCircle : Seen;
            }
        }

        Counts = problem.CareHistory.Count > 0 && problem.Cost.Continuity > 0;
    }

    /// <summary>Whether continuity costs anything in this problem (there is a history, and a weight).</summary>
    public bool Counts { get; }

    /// <summary>0 for the client's own nurse, a little more for the rest of her circle, most for anyone else.</summary>
    public double Strangeness(string nurseId, string clientId) => _strangeness.GetValueOrDefault((nurseId, clientId), 1);

    public bool HasBeen(string nurseId, string clientId) => _strangeness.ContainsKey((nurseId, clientId));
}
