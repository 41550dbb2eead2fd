using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>Collects what a hub pushes so a test can await it with a deadline, never a sleep.</summary>
public sealed class HubEvents<T>
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<T> _received = Channel.CreateUnbounded<T>();

    public HubEvents(HubConnection connection, string method) =>
        connection.On<T>(method, item => _received.Writer.TryWrite(item));

    /// <summary>The next pushed item that matches, failing the test if none comes in time.</summary>
    public async Task<T> Next(Func<T, bool> match, TimeSpan? patience = null)
    {
        using var deadline = new CancellationTokenSource(patience ?? Patience);
        while (true)
        {
            T item;
            try
            {
                item = await _received.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {typeof(T).Name} arrived within {(patience ?? Patience).TotalSeconds} s.");
            }

            if (match(item))
            {
                return item;
            }
        }
    }

    /// <summary>Everything received so far, without waiting.</summary>
    public List<T> Drain()
    {
        var items = new List<T>();
        while (_received.Reader.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
