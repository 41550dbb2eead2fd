using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.HubBench;

public sealed record RunSettings(int Connections, double Rate, double Seconds, double WarmupSeconds = 2, int CatchUpWatchersPerTeam = 1, int ConnectParallelism = 32)
{
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(Math.Max(10, Seconds));
}

/// <summary>
/// The measurement: <see cref="RunSettings.Connections"/> real hub connections, spread evenly over
/// the target's teams, each watching its team; claims and releases through HTTP at a fixed rate
/// (open loop: a slow answer does not slow the offered rate); per delivery the time from the HTTP
/// answer of the change to the event on that connection, and for a sample of watchers (as many a
/// team as <see cref="RunSettings.CatchUpWatchersPerTeam"/>) to the page's catch-up read
/// completing. Events of the warm-up are delivered and checked for loss but not timed.
/// </summary>
public sealed class StreamRun(StreamTarget target, RunSettings settings)
{
    private readonly LatencyHistogram _change = new();
    private readonly LatencyHistogram _event = new();
    private readonly LatencyHistogram _eventFromRequest = new();
    private readonly LatencyHistogram _catchUp = new();
    private readonly LatencyHistogram _catchUpRead = new();
    private readonly ConcurrentQueue<Early> _early = new();
    private readonly ConcurrentBag<Task> _catchUps = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<TeamRun> _teams = [];
    private long _received;
    private long _expected = long.MaxValue;
    private long _skipped;
    private long _errors;
    private long _noChange;
    private long _catchUpErrors;
    private int _disconnects;
    private volatile bool _running;
    private readonly ConcurrentDictionary<string, int> _errorKinds = new();

    public async Task<StreamResult> Run(CancellationToken cancellationToken = default)
    {
        await Connect(cancellationToken);
        var load = MachineLoad.Start();
        try
        {
            var (window, lastIssued) = await Drive(cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            Volatile.Write(ref _expected, _teams.Sum(t => (long)t.Answers.Count * t.Watchers.Count));
            CheckDrained();
            var drained = await Task.WhenAny(_drained.Task, Task.Delay(settings.DrainTimeout, cancellationToken)) == _drained.Task;
            await Task.WhenAll(_catchUps.ToArray()).WaitAsync(settings.DrainTimeout, cancellationToken);
            var machine = load.Stop();
            return Result(window, lastIssued, answered, drained, machine);
        }
        finally
        {
            _running = false;
            await Task.WhenAll(_teams.SelectMany(t => t.Watchers).Select(w => w.Connection.DisposeAsync().AsTask()));
        }
    }

    private async Task Connect(CancellationToken cancellationToken)
    {
        var teams = target.Teams;
        foreach (var team in teams)
        {
            _teams.Add(new TeamRun(team));
        }

        // Connections are dealt to teams in turn, so the groups differ by one at most.
        var plan = Enumerable.Range(0, settings.Connections).Select(i => (Team: _teams[i % _teams.Count], First: i < _teams.Count * settings.CatchUpWatchersPerTeam)).ToList();
        using var gate = new SemaphoreSlim(settings.ConnectParallelism);
        var watchers = await Task.WhenAll(plan.Select(async p =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var connection = target.Connection(p.Team.Target);
                var watcher = new Watcher(this, p.Team, connection, p.First);
                connection.On<ScheduleChanged>("ScheduleChanged", change => watcher.Heard(change));
                connection.Closed += _ =>
                {
                    if (_running)
                    {
                        Interlocked.Increment(ref _disconnects);
                    }

                    return Task.CompletedTask;
                };
                await connection.StartAsync(cancellationToken);
                await connection.InvokeAsync<JsonElement>("WatchTeam", p.Team.Target.Id, cancellationToken);
                return watcher;
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var watcher in watchers)
        {
            watcher.Team.Watchers.Add(watcher);
        }

        _running = true;
    }

    /// <summary>Offers changes at the fixed rate, round robin over the teams; returns the timed window's start and the last change's issue time.</summary>
    private async Task<(long Start, long LastIssued)> Drive(CancellationToken cancellationToken)
    {
        var warmup = (long)Math.Round(settings.Rate * settings.WarmupSeconds);
        var total = warmup + (long)Math.Round(settings.Rate * settings.Seconds);
        var changes = new List<Task>((int)Math.Min(total, 10_000_000));
        var start = Stopwatch.GetTimestamp();
        long issued = 0;
        long windowStart = 0;
        long lastIssued = start;
        while (issued < total)
        {
            var due = Math.Min(total, (long)(Seconds(Stopwatch.GetTimestamp() - start) * settings.Rate) + 1);
            for (; issued < due; issued++)
            {
                var measured = issued >= warmup;
                if (issued == warmup)
                {
                    windowStart = Stopwatch.GetTimestamp();
                }

                var team = _teams[(int)(issued % _teams.Count)];
                if (team.Idle.TryDequeue(out var slot))
                {
                    changes.Add(Change(team, slot, measured));
                }
                else
                {
                    // Every visit of the team has a change in flight: the host is behind the offered rate.
                    Interlocked.Increment(ref _skipped);
                }

                lastIssued = Stopwatch.GetTimestamp();
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(changes);
        return (windowStart, lastIssued);
    }

    private async Task Change(TeamRun team, Slot slot, bool measured)
    {
        var action = slot.Claimed ? "release" : "claim";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/teams/{team.Target.Id}/visits/{slot.VisitId}/{action}")
            {
                Content = JsonContent.Create(new { }),
            };
            // As the page does: every action carries its own key.
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var sent = Stopwatch.GetTimestamp();
            using var response = await team.Target.Http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var answered = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                Failed($"{action} {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    // Refused as not hers or hers already: the visit is in the other state.
                    slot.Claimed = !slot.Claimed;
                }

                return;
            }

            slot.Claimed = !slot.Claimed;
            var version = Version(body);
            if (!team.Answers.TryAdd(version, new Answer(sent, answered, measured)))
            {
                Interlocked.Increment(ref _noChange);
                return;
            }

            if (measured)
            {
                _change.RecordTicks(answered - sent);
            }
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException)
        {
            Failed($"{action} {failure.GetType().Name}");
        }
        finally
        {
            team.Idle.Enqueue(slot);
        }
    }

    private void Failed(string kind)
    {
        Interlocked.Increment(ref _errors);
        _errorKinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    private static long Version(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("version").GetInt64();
    }

    private void Delivered()
    {
        Interlocked.Increment(ref _received);
        CheckDrained();
    }

    private void CheckDrained()
    {
        if (Interlocked.Read(ref _received) >= Volatile.Read(ref _expected))
        {
            _drained.TrySetResult();
        }
    }

    private StreamResult Result(long windowStart, long lastIssued, long answered, bool drained, MachineLoad.Figures machine)
    {
        long earlyCount = 0;
        while (_early.TryDequeue(out var early))
        {
            if (early.Team.Answers.TryGetValue(early.Version, out var answer) && answer.Measured)
            {
                if (early.HeardBy is { } watcher)
                {
                    _event.RecordTicks(early.At - answer.At);
                    _eventFromRequest.RecordTicks(early.At - answer.SentAt);
                    watcher.CountEarly(early.At);
                    earlyCount++;
                }
                else
                {
                    _catchUp.RecordTicks(early.At - answer.At);
                }
            }
        }

        long lost = 0;
        long versionsNoneSaw = 0;
        long produced = 0;
        var lostSample = new List<string>();
        foreach (var team in _teams)
        {
            produced += team.Answers.Count;
            foreach (var version in team.Answers.Keys.Order())
            {
                var missing = team.Watchers.Count(w => !w.Seen.Contains(version - team.Target.Version));
                lost += missing;
                versionsNoneSaw += missing == team.Watchers.Count && missing > 0 ? 1 : 0;
                if (missing > 0 && lostSample.Count < 10)
                {
                    lostSample.Add($"team {team.Target.Id:N} version {version} (before the run {team.Target.Version}, answered {team.Answers.Count}, last {team.Answers.Keys.Max()}): {missing} of {team.Watchers.Count} watchers");
                }
            }
        }

        var watchers = _teams.SelectMany(t => t.Watchers).ToList();
        var deliveries = watchers.Sum(w => w.MeasuredDeliveries);
        var lastDelivery = watchers.Select(w => w.LastMeasuredAt).DefaultIfEmpty(0).Max();
        var window = Seconds(Math.Max(lastIssued, lastDelivery) - windowStart);
        // How long events were still arriving after the last change was answered: queued events.
        var drainSeconds = Math.Max(0, Seconds(lastDelivery - answered));
        return new StreamResult(
            target.Name, watchers.Count, _teams.Count, settings.Rate, settings.Seconds,
            _change, _event, _eventFromRequest, _catchUp, _catchUpRead,
            _change.Count, Interlocked.Read(ref _skipped), Interlocked.Read(ref _errors), Interlocked.Read(ref _noChange),
            string.Join(", ", _errorKinds.OrderByDescending(e => e.Value).Select(e => $"{e.Key} x{e.Value}")),
            deliveries, window > 0 ? deliveries / window : 0, produced, lost, versionsNoneSaw, string.Join("; ", lostSample), earlyCount,
            Interlocked.Read(ref _catchUpErrors), _disconnects, drained, drainSeconds, machine);
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private readonly record struct Answer(long SentAt, long At, bool Measured);

    /// <summary>An event or a read that came before the HTTP answer it reports was read: timed at the end.</summary>
    private readonly record struct Early(TeamRun Team, long Version, long At, Watcher? HeardBy);

    private sealed class Slot(Guid visitId)
    {
        public Guid VisitId { get; } = visitId;

        public bool Claimed { get; set; }
    }

    private sealed class TeamRun
    {
        public TeamRun(TargetTeam target)
        {
            Target = target;
            foreach (var visit in target.Visits)
            {
                Idle.Enqueue(new Slot(visit));
            }
        }

        public TargetTeam Target { get; }

        /// <summary>Visits with no change in flight: one change at a time per visit, so claim and release alternate.</summary>
        public ConcurrentQueue<Slot> Idle { get; } = new();

        public ConcurrentDictionary<long, Answer> Answers { get; } = new();

        public List<Watcher> Watchers { get; } = [];
    }

    /// <summary>One connection: what it heard, and for a sampled page its catch-up reads as nurse.js makes them.</summary>
    private sealed class Watcher(StreamRun run, TeamRun team, HubConnection connection, bool catchesUp)
    {
        private long _known = team.Target.Version;
        private int _reading;
        private int _again;

        public TeamRun Team { get; } = team;

        public HubConnection Connection { get; } = connection;

        public VersionSet Seen { get; } = new();

        public long MeasuredDeliveries { get; private set; }

        public long LastMeasuredAt { get; private set; }

        /// <summary>An event timed after the run: it came before its change's answer was read.</summary>
        public void CountEarly(long at)
        {
            MeasuredDeliveries++;
            LastMeasuredAt = Math.Max(LastMeasuredAt, at);
        }

        /// <summary>SignalR calls this in order, one event at a time per connection.</summary>
        public void Heard(ScheduleChanged change)
        {
            var at = Stopwatch.GetTimestamp();
            if (change.TeamId != Team.Target.Id || !Seen.Add(change.Version - Team.Target.Version))
            {
                return;
            }

            if (Team.Answers.TryGetValue(change.Version, out var answer))
            {
                if (answer.Measured)
                {
                    run._event.RecordTicks(at - answer.At);
                    run._eventFromRequest.RecordTicks(at - answer.SentAt);
                    MeasuredDeliveries++;
                    LastMeasuredAt = at;
                }
            }
            else
            {
                run._early.Enqueue(new Early(Team, change.Version, at, this));
            }

            // The read is asked for before the delivery counts: a run that sees every event
            // delivered then waits for the reads already asked for.
            if (catchesUp && change.Version > Volatile.Read(ref _known))
            {
                CatchUp();
            }

            run.Delivered();
        }

        /// <summary>One read at a time; events during a read ask for one more after it, as the page's retryingRead does.</summary>
        private void CatchUp()
        {
            Volatile.Write(ref _again, 1);
            if (Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
            {
                run._catchUps.Add(Task.Run(Reads));
            }
        }

        private async Task Reads()
        {
            while (true)
            {
                while (Interlocked.Exchange(ref _again, 0) == 1)
                {
                    await Read();
                }

                Volatile.Write(ref _reading, 0);
                if (Volatile.Read(ref _again) == 0 || Interlocked.CompareExchange(ref _reading, 1, 0) != 0)
                {
                    return;
                }
            }
        }

        private async Task Read()
        {
            var since = Volatile.Read(ref _known);
            try
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await Team.Target.Http.GetAsync($"/api/teams/{Team.Target.Id}/schedule/changes?since={since}");
                var body = await response.Content.ReadAsByteArrayAsync();
                var at = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref run._catchUpErrors);
                    return;
                }

                run._catchUpRead.RecordTicks(at - sent);
                var version = StreamRun.Version(body);
                for (var v = since + 1; v <= version; v++)
                {
                    if (Team.Answers.TryGetValue(v, out var answer))
                    {
                        if (answer.Measured)
                        {
                            run._catchUp.RecordTicks(at - answer.At);
                        }
                    }
                    else
                    {
                        run._early.Enqueue(new Early(Team, v, at, null));
                    }
                }

                Volatile.Write(ref _known, Math.Max(since, version));
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException)
            {
                Interlocked.Increment(ref run._catchUpErrors);
            }
        }
    }
}
