using Microsoft.Extensions.Logging;

namespace Buurtzorg.Grains;

/// <summary>
/// What a grain tells others once a change is stored: change events, capacity figures, the team
/// list. The change stands whatever they do, so a failing call never fails the command that made
/// it: it is logged and tried again on a grain timer, at growing intervals, until it goes through.
/// Calls keep their order within a lane (a later event waits for an earlier one), and lanes do not
/// hold each other up. Kept in memory only: a silo that stops with calls still due loses them, as
/// it would have lost them stopping just after the write; figures are made good by the next report.
/// A grain that posts calls (rather than awaiting them) drains them when it deactivates.
/// </summary>
internal sealed partial class FollowUps(IGrainBase grain, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private readonly List<Call> _due = [];

    // Lanes whose call failed: a new call waits behind it for the timer, so commands made while a
    // grain is unreachable do not each wait for it to time out again.
    private readonly HashSet<string> _failing = [];
    private bool _running;
    private Task _run = Task.CompletedTask;
    private IGrainTimer? _retry;
    private TimeSpan _wait = FirstRetry;

    /// <summary>Makes the call now, after any still due in its lane; if it fails, later.</summary>
    public async Task Send(string lane, Func<Task> call)
    {
        _due.Add(new Call(lane, call));

        // Calls posted earlier may still be under way: the run making them makes this one too,
        // in order, and the caller waits for it as before.
        await _run;
        await Run(retrying: false);
    }

    /// <summary>
    /// As <see cref="Send"/>, for a call that reads the grain's figures when it is made: it takes the
    /// place of one still due in its lane, whose figures are older.
    /// </summary>
    public Task Refresh(string lane, Func<Task> call)
    {
        _due.RemoveAll(c => c.Lane == lane);
        return Send(lane, call);
    }

    /// <summary>
    /// As <see cref="Send"/>, without holding up the caller: its answer goes out while the call is
    /// made. The call runs on the grain's own scheduler, between the turns of later requests, in
    /// its lane's order; <paramref name="call"/> must capture what it reports, as the grain may
    /// have moved on (even to a change not yet stored) by the time it is made.
    /// </summary>
    public void Post(string lane, Func<Task> call)
    {
        _due.Add(new Call(lane, call));
        Start();
    }

    /// <summary>As <see cref="Refresh"/>, without holding up the caller (see <see cref="Post"/>): under load, reports that pile up behind a slow one are sent once.</summary>
    public void PostRefresh(string lane, Func<Task> call)
    {
        _due.RemoveAll(c => c.Lane == lane);
        Post(lane, call);
    }

    /// <summary>Waits for posted calls being made; for a grain's deactivation, so none is dropped half-way.</summary>
    public Task Drain() => _run;

    private void Start()
    {
        if (!_running)
        {
            _run = Detached();
        }
    }

    // Posted calls are awaited by nobody: whatever escapes a run is logged here, not left unobserved.
    private async Task Detached()
    {
        try
        {
            await Run(retrying: false);
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, ex);
        }
    }

    private async Task Retry()
    {
        // A timer fires once; disposed last, as disposing cancels the token of its running callback.
        using var spent = _retry;
        _retry = null;
        await Run(retrying: true);
    }

    private async Task Run(bool retrying)
    {
        // A call added while others are being made (by a method that interleaves) is left to that
        // run: waiting for it could wait on a call that waits on this very grain.
        if (_running)
        {
            return;
        }

        _running = true;
        try
        {
            if (retrying)
            {
                _failing.Clear();
            }

            while (_due.Find(c => !_failing.Contains(c.Lane)) is { } next)
            {
                try
                {
                    await next.Make();
                    _due.Remove(next);
                }
                catch (Exception ex)
                {
                    LogCallFailed(logger, next.Lane, ex);
                    _failing.Add(next.Lane);
                }
            }
        }
        finally
        {
            _running = false;
        }

        ScheduleRetry();
    }

    private void ScheduleRetry()
    {
        if (_due.Count == 0)
        {
            _retry?.Dispose();
            _retry = null;
            _failing.Clear();
            _wait = FirstRetry;
            return;
        }

        if (_retry is not null)
        {
            return;
        }

        // Kept alive while calls are due: collecting the activation would drop them.
        _retry = grain.RegisterGrainTimer(Retry, new GrainTimerCreationOptions { DueTime = _wait, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        _wait = _wait * 2 < LongestRetry ? _wait * 2 : LongestRetry;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calls after a stored change could not be scheduled; the change stands")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    private sealed record Call(string Lane, Func<Task> Make);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A call after a stored change ({Lane}) failed; the change stands and the call is tried again later")]
    private static partial void LogCallFailed(ILogger logger, string lane, Exception exception);
}
