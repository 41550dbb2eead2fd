using System.Text.Json.Serialization;
using Buurtzorg.Chaos.Checks;
using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Chaos.Watchers;

/// <summary>
/// A page's live connection to one host's schedule hub, behaving as the web client does
/// (wwwroot/js/page.js): it reconnects for as long as it runs, watches again after every
/// reconnect (asking again while the host says it cannot serve the watch yet), and on every
/// event and every reconnect reads over HTTP from its host what it shows, one read at a time.
/// </summary>
public abstract class Watcher(ChaosHost host, UserSession user, Requests requests) : IAsyncDisposable
{
    private const string HubPath = "/hubs/schedule";
    private const string WatchUnavailable = "try again in a moment";
    private static readonly TimeSpan MostPatience = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private HubConnection? _connection;
    private Task? _resync;
    private bool _resyncAgain;
    private bool _watching;

    public ChaosHost Host => host;

    public abstract string Kind { get; }

    public int Reconnects { get; private set; }

    public int Events { get; private set; }

    /// <summary>Connected, watching, and nothing left to read: what it shows is what it last read.</summary>
    public bool Settled
    {
        get
        {
            lock (_gate)
            {
                return _watching && _resync is null && _connection?.State == HubConnectionState.Connected;
            }
        }
    }

    protected Requests Requests => requests;

    protected UserSession User => user;

    public void Start()
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, HubPath), o => o.Cookies = user.Cookies)
            .WithAutomaticReconnect(new Forever())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        Listen(_connection);
        _connection.Reconnecting += _ =>
        {
            SetWatching(false);
            return Task.CompletedTask;
        };
        _connection.Reconnected += connectionId =>
        {
            Reconnects++;
            _ = CatchUp();
            return Task.CompletedTask;
        };
        // Closed only when reconnecting was not possible at all (the first start failed, say): start again.
        _connection.Closed += error =>
        {
            SetWatching(false);
            _ = Connect();
            return Task.CompletedTask;
        };
        _ = Connect();
    }

    /// <summary>What it shows against what is stored; null when they agree.</summary>
    public abstract string? Difference(FinalState final);

    protected abstract void Listen(HubConnection connection);

    protected abstract Task Watch(HubConnection connection, CancellationToken cancellationToken);

    /// <summary>One HTTP read from its host; false when the host did not answer it.</summary>
    protected abstract Task<bool> Read(CancellationToken cancellationToken);

    protected void Heard()
    {
        Events++;
        Resync();
    }

    private async Task Connect()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
                if (_connection!.State == HubConnectionState.Disconnected)
                {
                    await _connection.StartAsync(_stopping.Token);
                }

                await CatchUp();
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                await Task.Delay(MostPatience, CancellationToken.None);
            }
        }
    }

    private async Task CatchUp()
    {
        for (var attempt = 0; !_stopping.IsCancellationRequested && _connection!.State == HubConnectionState.Connected; attempt++)
        {
            try
            {
                await Watch(_connection, _stopping.Token);
                SetWatching(true);
                break;
            }
            catch (HubException e) when (e.Message.Contains(WatchUnavailable, StringComparison.Ordinal))
            {
                // Meanwhile the page reads over HTTP, and asks again a moment later.
                Resync();
                await Task.Delay(Pause(attempt), CancellationToken.None);
            }
            catch (Exception e) when (e is not HubException and not OperationCanceledException)
            {
                // The connection went while watching: the reconnect watches again.
                break;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Resync();
    }

    /// <summary>Reads at most one at a time; a read asked for while one runs makes it run once more after.</summary>
    private void Resync()
    {
        lock (_gate)
        {
            if (_resync is not null)
            {
                _resyncAgain = true;
                return;
            }

            _resync = Task.Run(ReadUntilDone);
        }
    }

    private async Task ReadUntilDone()
    {
        while (true)
        {
            lock (_gate)
            {
                _resyncAgain = false;
            }

            for (var attempt = 0; !_stopping.IsCancellationRequested && !await Read(_stopping.Token); attempt++)
            {
                await Task.Delay(Pause(attempt), CancellationToken.None);
            }

            lock (_gate)
            {
                if (!_resyncAgain || _stopping.IsCancellationRequested)
                {
                    _resync = null;
                    return;
                }
            }
        }
    }

    private void SetWatching(bool watching)
    {
        lock (_gate)
        {
            _watching = watching;
        }
    }

    private static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(Math.Min(MostPatience.TotalMilliseconds, 500 * Math.Pow(2, attempt)));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Reconnect for as long as the page is open, backing off to one try every five seconds (page.js does the same).</summary>
    private sealed class Forever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => Pause((int)Math.Min(retryContext.PreviousRetryCount, 10));
    }
}
