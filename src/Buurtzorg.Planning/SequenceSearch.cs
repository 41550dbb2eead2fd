
namespace Buurtzorg.Planning;

/// <summary>
/// A second method, for days with linked visits, where OR-Tools' moves (one task at a time) keep
/// tearing a double visit apart. A plan is read from an order of the day's visits, a double visit
/// being one item: each in turn goes to the end of the round of the nurse (or the pair of
/// different nurses) for whom it adds the least cost, at the earliest time that keeps its window,
/// the shift and the delay between the halves. Because every visit is added after those already
/// placed, its times are final the moment it is placed, so a whole plan is read in a few tens of
/// microseconds. Simulated annealing then searches the orders (move one visit, swap two), keeping
/// the best plan; it stops at the time limit.
/// </summary>
internal sealed class SequenceSearch
{
    private const double DropPenalty = 1e9;

    private readonly PlanningWeights _weights;
    private readonly int _nurseCount;
    private readonly Unit[] _units;
    private readonly double[] _earliest;
    private readonly double[] _latest;
    private readonly int[] _place;
    private readonly int[] _load;
    private readonly int[] _client;
    private readonly double[][] _duration; // [task][nurse]
    private readonly int[][] _eligible; // [task] nurses who may do it
    private readonly double[,] _travel; // between places
    private readonly int[] _startPlace;
    private readonly int[] _endPlace;
    private readonly double[] _shiftStart;
    private readonly double[] _shiftEnd;
    private readonly int[] _capacity;
    private readonly double[] _strangeness; // [nurse * clients + client]: see Familiarity
    private readonly bool _countsContinuity;
    private readonly int _clientCount;

    // Decoding state, reused between decodes.
    private readonly double[] _free;
    private readonly int[] _at;
    private readonly int[] _carried;
    private readonly double[] _work;
    private readonly int[] _stopCount;
    private readonly int[] _pairStamp;
    private int _stamp;

    public SequenceSearch(PlanningProblem problem, IReadOnlyList<PlanTask> tasks)
    {
        _weights = problem.Cost;
        var nurses = problem.Nurses;
        _nurseCount = nurses.Count;
        var places = tasks.Select(t => t.Location).Concat(nurses.SelectMany(n => new[] { n.StartLocation, n.EndLocation })).Distinct().ToList();
        var placeIndex = places.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        _travel = new double[places.Count, places.Count];
        for (var a = 0; a < places.Count; a++)
        {
            for (var b = 0; b < places.Count; b++)
            {
                _travel[a, b] = problem.Travel.Between(places[a], places[b]);
            }
        }

        var clients = tasks.Select(t => t.ClientId).Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        _clientCount = clients.Count;
        _earliest = [.. tasks.Select(t => t.WindowStart)];
        _latest = [.. tasks.Select(t => t.WindowEnd)];
        _place = [.. tasks.Select(t => placeIndex[t.Location])];
        _load = [.. tasks.Select(t => t.Load)];
        _client = [.. tasks.Select(t => clients[t.ClientId])];
        _duration = [.. tasks.Select(t => nurses.Select(n => t.DurationFor(n.Id)).ToArray())];
        var nurseIndex = nurses.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _eligible = [.. tasks.Select(t => Screening.QualifiedNurses(problem, t).Select(n => nurseIndex[n.Id]).ToArray())];
        _startPlace = [.. nurses.Select(n => placeIndex[n.StartLocation])];
        _endPlace = [.. nurses.Select(n => placeIndex[n.EndLocation])];
        _shiftStart = [.. nurses.Select(n => n.ShiftStart)];
        _shiftEnd = [.. nurses.Select(n => n.ShiftEnd)];
        _capacity = [.. nurses.Select(n => n.Capacity)];
        var familiarity = new Familiarity(problem);
        _countsContinuity = familiarity.Counts;
        _strangeness = new double[_nurseCount * _clientCount];
        foreach (var (client, c) in clients)
        {
            for (var v = 0; v < _nurseCount; v++)
            {
                _strangeness[(v * _clientCount) + c] = _countsContinuity ? familiarity.Strangeness(nurses[v].Id, client) : 0;
            }
        }

        var node = tasks.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var linked = new HashSet<int>();
        var units = new List<Unit>();
        foreach (var link in problem.TaskLinks)
        {
            if (node.TryGetValue(link.First, out var a) && node.TryGetValue(link.Second, out var b) && linked.Add(a) && linked.Add(b))
            {
                units.Add(new Unit(a, b, link.MinDelay, link.MaxDelay));
            }
        }

        units.AddRange(Enumerable.Range(0, tasks.Count).Where(i => !linked.Contains(i)).Select(i => new Unit(i, -1, 0, 0)));
        _units = [.. units];
        _free = new double[_nurseCount];
        _at = new int[_nurseCount];
        _carried = new int[_nurseCount];
        _work = new double[_nurseCount];
        _stopCount = new int[_nurseCount];
        _pairStamp = new int[_nurseCount * Math.Max(1, _clientCount)];
    }

    /// <summary>When the first whole plan was read.</summary>
    public TimeSpan? FirstPlanAfter { get; private set; }

    /// <summary>The best plan found before <paramref name="until"/> on <paramref name="clock"/>: a round of task indices per nurse.</summary>
    public List<List<int>> Search(PlanningClock clock, TimeSpan until, int seed = 1)
    {
        var random = new Random(seed);
        // The first order: by window, as a nurse would start reading her day.
        var order = Enumerable.Range(0, _units.Length)
            .OrderBy(u => _earliest[_units[u].First]).ThenBy(u => _latest[_units[u].First]).ToArray();
        var current = Decode(order, null);
        FirstPlanAfter = clock.Elapsed;
        var best = current;
        var bestOrder = (int[])order.Clone();
        var n = order.Length;
        if (n < 2)
        {
            return Routes(bestOrder);
        }

        var begin = clock.Elapsed;
        var span = Math.Max(1e-3, (until - begin).TotalSeconds);
        // Temperatures relative to what one visit costs on average in the first plan, leaving out
        // the price of visits it could not place (that would keep the search hot to the end).
        var perVisit = Math.Max(1e-6, current - (Math.Floor(current / DropPenalty) * DropPenalty)) / n;
        // Measured on the Mankowska 50-patient instance: starting at 0.3 beat 0.1 (about 950 against 1,010).
        var hot = perVisit * 0.3;
        var cold = perVisit * 0.001;
        var temperature = hot;
        for (var iteration = 0; ; iteration++)
        {
            if ((iteration & 255) == 0)
            {
                var elapsed = clock.Elapsed;
                if (elapsed >= until)
                {
                    break;
                }

                var progress = (elapsed - begin).TotalSeconds / span;
                temperature = hot * Math.Pow(cold / hot, progress);
            }

            var i = random.Next(n);
            var j = random.Next(n - 1);
            if (j >= i)
            {
                j++;
            }

            var swap = random.Next(3) == 0;
            Apply(order, i, j, swap);
            var cost = Decode(order, null);
            if (cost <= current || random.NextDouble() < Math.Exp((current - cost) / temperature))
            {
                current = cost;
                if (cost < best - 1e-9)
                {
                    best = cost;
                    Array.Copy(order, bestOrder, n);
                }
            }
            else
            {
                Undo(order, i, j, swap);
            }
        }

        return Routes(bestOrder);
    }

    private static void Apply(int[] order, int i, int j, bool swap)
    {
        if (swap)
        {
            (order[i], order[j]) = (order[j], order[i]);
        }
        else
        {
            Move(order, i, j);
        }
    }

    private static void Undo(int[] order, int i, int j, bool swap)
    {
        if (swap)
        {
            (order[i], order[j]) = (order[j], order[i]);
        }
        else
        {
            Move(order, j, i);
        }
    }

    private static void Move(int[] order, int from, int to)
    {
        var item = order[from];
        if (from < to)
        {
            Array.Copy(order, from + 1, order, from, to - from);
        }
        else
        {
            Array.Copy(order, to, order, to + 1, from - to);
        }

        order[to] = item;
    }

    private List<List<int>> Routes(int[] order)
    {
        var routes = Enumerable.Range(0, _nurseCount).Select(_ => new List<int>()).ToList();
        Decode(order, routes);
        return routes;
    }

    /// <summary>Reads the plan an order gives and returns its weighted cost; fills <paramref name="routes"/> when given.</summary>
    private double Decode(int[] order, List<List<int>>? routes)
    {
        for (var v = 0; v < _nurseCount; v++)
        {
            _free[v] = _shiftStart[v];
            _at[v] = _startPlace[v];
            _carried[v] = 0;
            _work[v] = 0;
            _stopCount[v] = 0;
        }

        _stamp++;
        double travel = 0, lateness = 0, maxLateness = 0, dropped = 0, strangeness = 0;
        var w = _weights;
        foreach (var u in order)
        {
            var unit = _units[u];
            if (unit.Second < 0)
            {
                var task = unit.First;
                var bestV = -1;
                double bestCost = double.MaxValue, bestStart = 0;
                foreach (var v in _eligible[task])
                {
                    if (!TryAppend(v, task, out var start, out var added))
                    {
                        continue;
                    }

                    var late = Math.Max(0, start - _latest[task]);
                    var cost = (w.Travel * added) + (w.Lateness * late) + (w.MaxLateness * Math.Max(0, late - maxLateness)) + Extra(v, task);
                    if (cost < bestCost - 1e-9 || (cost < bestCost + 1e-9 && Earlier(start, bestStart, v, bestV)))
                    {
                        (bestV, bestCost, bestStart) = (v, cost, start);
                    }
                }

                if (bestV < 0)
                {
                    dropped++;
                    continue;
                }

                Place(bestV, task, bestStart, routes, ref travel, ref lateness, ref maxLateness, ref strangeness);
            }
            else
            {
                int bestA = -1, bestB = -1;
                double bestCost = double.MaxValue, bestFirst = 0, bestSecond = 0;
                foreach (var a in _eligible[unit.First])
                {
                    if (!TryAppend(a, unit.First, out var readyA, out var addedA))
                    {
                        continue;
                    }

                    foreach (var b in _eligible[unit.Second])
                    {
                        if (a == b || !TryAppend(b, unit.Second, out var readyB, out var addedB))
                        {
                            continue;
                        }

                        // The earliest pair of starts that keeps the delay between the halves.
                        var first = Math.Max(readyA, readyB - unit.MaxDelay);
                        var second = Math.Max(readyB, first + unit.MinDelay);
                        if (!Fits(a, unit.First, first) || !Fits(b, unit.Second, second))
                        {
                            continue;
                        }

                        var lateA = Math.Max(0, first - _latest[unit.First]);
                        var lateB = Math.Max(0, second - _latest[unit.Second]);
                        var cost = (w.Travel * (addedA + addedB)) + (w.Lateness * (lateA + lateB))
                            + (w.MaxLateness * Math.Max(0, Math.Max(lateA, lateB) - maxLateness)) + Extra(a, unit.First) + Extra(b, unit.Second);
                        if (cost < bestCost - 1e-9 || (cost < bestCost + 1e-9 && Earlier(first, bestFirst, a, bestA)))
                        {
                            (bestA, bestB, bestCost, bestFirst, bestSecond) = (a, b, cost, first, second);
                        }
                    }
                }

                if (bestA < 0)
                {
                    dropped += 2;
                    continue;
                }

                Place(bestA, unit.First, bestFirst, routes, ref travel, ref lateness, ref maxLateness, ref strangeness);
                Place(bestB, unit.Second, bestSecond, routes, ref travel, ref lateness, ref maxLateness, ref strangeness);
            }
        }

        double most = double.MinValue, least = double.MaxValue;
        var used = 0;
        for (var v = 0; v < _nurseCount; v++)
        {
            if (_stopCount[v] > 0)
            {
                travel += _travel[_at[v], _endPlace[v]];
                used++;
            }

            most = Math.Max(most, _work[v]);
            least = Math.Min(least, _work[v]);
        }

        return (w.Travel * travel) + (w.Lateness * lateness) + (w.MaxLateness * maxLateness) + (w.Continuity * strangeness)
            + (w.Fairness * (most - least)) + (w.PerNurseUsed * used) + (DropPenalty * dropped);
    }

    /// <summary>
    /// Of two equally cheap places, the earlier start; of two equally early, where work spread
    /// evenly counts, the nurse with less work so far, so that ties between alike nurses do not
    /// all fall to the first of them. Where it does not count (the literature's instances), the
    /// first keeps them: spreading ties there cost Mankowska 100_1 about 4% (four runs each).
    /// </summary>
    private bool Earlier(double start, double bestStart, int v, int bestV) =>
        start < bestStart - 1e-9 || (_weights.Fairness > 0 && start < bestStart + 1e-9 && bestV >= 0 && _work[v] < _work[bestV] - 1e-9);

    /// <summary>Whether the nurse can take the task after her last one: its earliest start and the travel it adds.</summary>
    private bool TryAppend(int v, int task, out double start, out double added)
    {
        var there = _travel[_at[v], _place[task]];
        start = Math.Max(_free[v] + there, _earliest[task]);
        added = there + _travel[_place[task], _endPlace[v]] - (_stopCount[v] > 0 ? _travel[_at[v], _endPlace[v]] : 0);
        return _carried[v] + _load[task] <= _capacity[v] && Fits(v, task, start);
    }

    /// <summary>A start keeps a hard window and leaves time to finish and get home before the shift ends.</summary>
    private bool Fits(int v, int task, double start) =>
        (!_weights.HardWindows || start <= _latest[task] + 1e-9)
        && start + _duration[task][v] + _travel[_place[task], _endPlace[v]] <= _shiftEnd[v] + 1e-9;

    /// <summary>What else giving the task to the nurse costs: a first nurse for the day, a client she does not know.</summary>
    private double Extra(int v, int task)
    {
        var cost = _stopCount[v] == 0 ? _weights.PerNurseUsed : 0;
        var pair = (v * _clientCount) + _client[task];
        if (_countsContinuity && _pairStamp[pair] != _stamp)
        {
            cost += _weights.Continuity * _strangeness[pair];
        }

        return cost;
    }

    private void Place(int v, int task, double start, List<List<int>>? routes, ref double travel, ref double lateness, ref double maxLateness, ref double strangeness)
    {
        travel += _travel[_at[v], _place[task]];
        var late = Math.Max(0, start - _latest[task]);
        lateness += late;
        maxLateness = Math.Max(maxLateness, late);
        var pair = (v * _clientCount) + _client[task];
        if (_pairStamp[pair] != _stamp)
        {
            _pairStamp[pair] = _stamp;
            strangeness += _strangeness[pair];
        }

        _free[v] = start + _duration[task][v];
        _at[v] = _place[task];
        _carried[v] += _load[task];
        _work[v] += _duration[task][v];
        _stopCount[v]++;
        routes?[v].Add(task);
    }

    /// <summary>One item of the order: a task, or the two halves of a double visit (<see cref="Second"/> &gt;= 0).</summary>
    private readonly record struct Unit(int First, int Second, double MinDelay, double MaxDelay);
}
