
namespace Buurtzorg.Planning;

/// <summary>
/// Shortens the rounds of a day where nurses are alike by ruin and recreate, after Christiaens
/// and Vanden Berghe's string removals (SISR, 2020): a few short runs of consecutive visits are
/// taken out of rounds that lie near one another, so the rounds there get slack at the same
/// place; each visit then goes back where it adds least travel, now and then passing a place by
/// (a blink) so that the same choice is not made every time. A plan is kept by simulated
/// annealing on travel plus the price of each nurse used; a round emptied on the way is a nurse
/// fewer. Times are checked in one step per place from each round's earliest starts and latest
/// allowed starts.
/// </summary>
internal sealed class StringRemovalSearch
{
    // The paper's settings: about ten visits out per ruin, runs of at most ten, 1% blinks.
    private const double AverageRemoved = 10;
    private const int LongestRun = 10;
    private const double BlinkRate = 0.01;

    // The temperature falls from the mean travel between two stops of the plan it starts from to
    // 1% of it (measured on the 56 Solomon instances: half that start was no better).
    private const double StartTemperature = 1;
    private const double EndTemperature = 0.01;

    private readonly AlikeDay _day;
    private readonly double _perNurse;
    private readonly double _perTravel;
    private readonly Random _random;
    private readonly AlikeRound[] _rounds;
    private readonly int[] _roundOf;
    private readonly List<int> _out = [];
    private readonly List<int>?[] _saved;
    private readonly List<int> _touched = [];

    public StringRemovalSearch(AlikeDay day, PlanningWeights weights, int nurses)
    {
        _day = day;
        _perNurse = weights.PerNurseUsed;
        _perTravel = weights.Travel;
        _random = new Random(11);
        _rounds = [.. Enumerable.Range(0, nurses).Select(_ => new AlikeRound(day))];
        _roundOf = new int[day.Count];
        _saved = new List<int>?[nurses];
    }

    /// <summary>The best plan found before <paramref name="until"/>, starting from a complete one (every task in a round).</summary>
    public List<List<int>> Improve(List<List<int>> plan, PlanningClock clock, TimeSpan until)
    {
        var rounds = plan.Where(r => r.Count > 0).ToList();
        for (var r = 0; r < _rounds.Length; r++)
        {
            _rounds[r].Set(r < rounds.Count ? rounds[r] : []);
            _rounds[r].Visits.ForEach(task => _roundOf[task] = r);
        }

        var current = Cost();
        var best = current;
        var bestPlan = Snapshot();
        var stops = _day.Count + rounds.Count;
        // Where nothing is travelled only nurses used count; the temperature must still be above nothing.
        var meanStep = Math.Max(1e-9, _rounds.Sum(r => r.Length) / Math.Max(1, stops));
        var startTemperature = StartTemperature * meanStep;
        var endTemperature = EndTemperature * meanStep;
        var begin = clock.Elapsed;
        var span = (until - begin).TotalSeconds;
        while (true)
        {
            var elapsed = clock.Elapsed;
            if (elapsed >= until || span <= 0)
            {
                break;
            }

            var progress = (elapsed - begin).TotalSeconds / span;
            var temperature = startTemperature * Math.Pow(endTemperature / startTemperature, progress);
            Ruin();
            if (!Recreate())
            {
                Restore();
                continue;
            }

            var cost = Cost();
            if (cost < current - (temperature * Math.Log(1 - _random.NextDouble())))
            {
                current = cost;
                Keep();
                if (cost < best - 1e-9)
                {
                    best = cost;
                    bestPlan = Snapshot();
                }
            }
            else
            {
                Restore();
            }
        }

        while (bestPlan.Count < plan.Count)
        {
            bestPlan.Add([]);
        }

        return bestPlan;
    }

    private double Cost()
    {
        double cost = 0;
        foreach (var round in _rounds)
        {
            if (round.Visits.Count > 0)
            {
                cost += _perNurse + (_perTravel * round.Length);
            }
        }

        return cost;
    }

    private List<List<int>> Snapshot() => [.. _rounds.Where(r => r.Visits.Count > 0).Select(r => new List<int>(r.Visits))];

    /// <summary>Takes a few runs of consecutive visits out of rounds near a random visit, at most one run per round.</summary>
    private void Ruin()
    {
        var used = _rounds.Count(r => r.Visits.Count > 0);
        var longest = Math.Min(LongestRun, (double)_day.Count / Math.Max(1, used));
        var mostRuns = (4 * AverageRemoved / (1 + longest)) - 1;
        var runs = (int)Math.Floor(1 + (_random.NextDouble() * mostRuns));
        var seed = _random.Next(_day.Count);
        var ruined = 0;
        foreach (var near in _day.Nearest[seed])
        {
            if (ruined >= runs)
            {
                break;
            }

            var r = _roundOf[near];
            if (r < 0 || _saved[r] is not null)
            {
                continue;
            }

            var round = _rounds[r];
            var length = (int)Math.Floor(1 + (_random.NextDouble() * Math.Min(round.Visits.Count, longest)));
            Touch(r);
            RemoveRun(round, round.Visits.IndexOf(near), length);
            round.Update();
            ruined++;
        }
    }

    /// <summary>
    /// A run of <paramref name="length"/> visits holding the one at <paramref name="at"/>; half
    /// the time a longer stretch with a few visits kept in its middle (a split run).
    /// </summary>
    private void RemoveRun(AlikeRound round, int at, int length)
    {
        var visits = round.Visits;
        var kept = 0;
        if (length < visits.Count && _random.NextDouble() < 0.5)
        {
            kept = 1;
            while (length + kept < visits.Count && _random.NextDouble() < 0.5)
            {
                kept++;
            }
        }

        var span = length + kept;
        var first = _random.Next(Math.Max(0, at - span + 1), Math.Min(at, visits.Count - span) + 1);
        var keepFrom = first + (kept == 0 ? 0 : _random.Next(1, length + 1));
        for (var i = first + span - 1; i >= first; i--)
        {
            if (i >= keepFrom && i < keepFrom + kept)
            {
                continue;
            }

            _out.Add(visits[i]);
            _roundOf[visits[i]] = -1;
            visits.RemoveAt(i);
        }
    }

    /// <summary>Puts every visit taken out back at its cheapest place (passing some by); false when one has no place.</summary>
    private bool Recreate()
    {
        Order(_out);
        foreach (var task in _out)
        {
            var bestRound = -1;
            var bestPosition = 0;
            var bestAdded = double.MaxValue;
            var empty = -1;
            for (var r = 0; r < _rounds.Length; r++)
            {
                var round = _rounds[r];
                if (round.Visits.Count == 0)
                {
                    empty = empty < 0 ? r : empty;
                    continue;
                }

                if (round.Load + _day.Load[task] > _day.Capacity)
                {
                    continue;
                }

                for (var p = 0; p <= round.Visits.Count; p++)
                {
                    var added = round.Added(task, p);
                    if (added < bestAdded && _random.NextDouble() >= BlinkRate && round.Fits(task, p))
                    {
                        (bestRound, bestPosition, bestAdded) = (r, p, added);
                    }
                }
            }

            if (bestRound < 0)
            {
                // A round of its own costs a nurse more: only where it fits nowhere else.
                if (empty < 0 || !_rounds[empty].Fits(task, 0))
                {
                    return false;
                }

                bestRound = empty;
            }

            Touch(bestRound);
            _rounds[bestRound].Visits.Insert(bestPosition, task);
            _rounds[bestRound].Update();
            _roundOf[task] = bestRound;
        }

        _out.Clear();
        return true;
    }

    /// <summary>The order visits go back in: random, largest load, farthest from the start, or nearest (4:4:2:1).</summary>
    private void Order(List<int> tasks)
    {
        for (var i = tasks.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (tasks[i], tasks[j]) = (tasks[j], tasks[i]);
        }

        var pick = _random.Next(11);
        if (pick < 4)
        {
            return;
        }

        var depot = _day.Depot;
        Comparison<int> order = pick switch
        {
            < 8 => (a, b) => _day.Load[b].CompareTo(_day.Load[a]),
            < 10 => (a, b) => _day.Travel(depot, b).CompareTo(_day.Travel(depot, a)),
            _ => (a, b) => _day.Travel(depot, a).CompareTo(_day.Travel(depot, b)),
        };
        tasks.Sort(order);
    }

    private void Touch(int r)
    {
        if (_saved[r] is null)
        {
            _saved[r] = [.. _rounds[r].Visits];
            _touched.Add(r);
        }
    }

    private void Keep()
    {
        _touched.ForEach(r => _saved[r] = null);
        _touched.Clear();
    }

    private void Restore()
    {
        _out.Clear();
        foreach (var r in _touched)
        {
            _rounds[r].Set(_saved[r]!);
            _rounds[r].Visits.ForEach(task => _roundOf[task] = r);
            _saved[r] = null;
        }

        _touched.Clear();
    }
}
