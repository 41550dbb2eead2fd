namespace Buurtzorg.Planning;

/// <summary>
/// One nurse's round on an <see cref="AlikeDay"/> with, per place, the earliest start and the
/// latest start that keeps the rest of the round on time, so that putting a task in (or taking
/// one out and putting one in) is tested without walking the whole round.
/// </summary>
internal sealed class AlikeRound(AlikeDay day)
{
    private double[] _start = new double[8];
    private double[] _latest = new double[8];

    public List<int> Visits { get; } = [];

    public long Load { get; private set; }

    public double Length { get; private set; }

    public void Set(List<int> visits)
    {
        Visits.Clear();
        Visits.AddRange(visits);
        Update();
    }

    public AlikeRound With(List<int> visits)
    {
        Set(visits);
        return this;
    }

    public void Update()
    {
        var count = Visits.Count;
        if (_start.Length < count)
        {
            _start = new double[count * 2];
            _latest = new double[count * 2];
        }

        var time = day.ShiftStart;
        var at = day.Depot;
        long load = 0;
        double length = 0;
        for (var i = 0; i < count; i++)
        {
            var task = Visits[i];
            length += day.Travel(at, task);
            time = Math.Max(time + day.Travel(at, task), day.Ready[task]);
            _start[i] = time;
            time += day.Service[task];
            load += day.Load[task];
            at = task;
        }

        Length = count == 0 ? 0 : length + day.Travel(at, day.Depot);
        Load = load;
        var latest = day.ShiftEnd;
        at = day.Depot;
        for (var i = count - 1; i >= 0; i--)
        {
            var task = Visits[i];
            latest = Math.Min(day.Due[task], latest - day.Travel(task, at) - day.Service[task]);
            _latest[i] = latest;
            at = task;
        }
    }

    /// <summary>Travel added by putting the task before place <paramref name="position"/>.</summary>
    public double Added(int task, int position)
    {
        var before = position == 0 ? day.Depot : Visits[position - 1];
        var after = position == Visits.Count ? day.Depot : Visits[position];
        return day.Travel(before, task) + day.Travel(task, after) - day.Travel(before, after);
    }

    /// <summary>Whether the task fits before place <paramref name="position"/> with every window and the shift kept (load checked by the caller).</summary>
    public bool Fits(int task, int position)
    {
        var before = position == 0 ? day.Depot : Visits[position - 1];
        var leave = position == 0 ? day.ShiftStart : _start[position - 1] + day.Service[before];
        var start = Math.Max(leave + day.Travel(before, task), day.Ready[task]);
        if (start > day.Due[task] + 1e-9)
        {
            return false;
        }

        var done = start + day.Service[task];
        if (position == Visits.Count)
        {
            return done + day.Travel(task, day.Depot) <= day.ShiftEnd + 1e-9;
        }

        var next = Visits[position];
        return done + day.Travel(task, next) <= _latest[position] + 1e-9;
    }

    /// <summary>
    /// Calls <paramref name="fits"/> with every (place, visit taken out) where the task fits
    /// before that place of the round as it is once the visit at the other place is out (load
    /// checked by the caller): for each place the times are carried along the round once, not
    /// worked out again for every visit that could make room.
    /// </summary>
    public void ForEachRoomMadeFor(int task, Action<int, int> fits)
    {
        var count = Visits.Count;
        // The visit taken out comes at or after the place the task goes.
        for (var position = 0; position < count; position++)
        {
            var at = position == 0 ? day.Depot : Visits[position - 1];
            var leave = position == 0 ? day.ShiftStart : _start[position - 1] + day.Service[at];
            var time = Math.Max(leave + day.Travel(at, task), day.Ready[task]);
            if (time > day.Due[task] + 1e-9)
            {
                continue;
            }

            time += day.Service[task];
            at = task;
            for (var taken = position; taken < count; taken++)
            {
                if (Reaches(at, time, taken + 1))
                {
                    fits(position, taken);
                }

                if (!Visit(Visits[taken], ref at, ref time))
                {
                    break;
                }
            }
        }

        // The visit taken out comes before the place the task goes.
        for (var taken = 0; taken < count; taken++)
        {
            var at = taken == 0 ? day.Depot : Visits[taken - 1];
            var time = taken == 0 ? day.ShiftStart : _start[taken - 1] + day.Service[at];
            for (var position = taken + 1; position <= count; position++)
            {
                var start = Math.Max(time + day.Travel(at, task), day.Ready[task]);
                if (start <= day.Due[task] + 1e-9 && Reaches(task, start + day.Service[task], position))
                {
                    fits(position, taken);
                }

                if (position < count && !Visit(Visits[position], ref at, ref time))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Whether leaving <paramref name="from"/> at <paramref name="time"/> keeps place <paramref name="place"/> (or the way home) and the rest on time.</summary>
    private bool Reaches(int from, double time, int place) => place == Visits.Count
        ? time + day.Travel(from, day.Depot) <= day.ShiftEnd + 1e-9
        : time + day.Travel(from, Visits[place]) <= _latest[place] + 1e-9;

    /// <summary>Goes on to the task and does it; false when it would start after its window.</summary>
    private bool Visit(int task, ref int at, ref double time)
    {
        var start = Math.Max(time + day.Travel(at, task), day.Ready[task]);
        if (start > day.Due[task] + 1e-9)
        {
            return false;
        }

        time = start + day.Service[task];
        at = task;
        return true;
    }
}
