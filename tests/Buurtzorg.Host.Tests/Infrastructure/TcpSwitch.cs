using System.Net;
using System.Net.Sockets;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// What a load balancer in front of a cluster does, reduced to its core: browsers connect to one
/// address, and each new connection goes to the host currently chosen. Connections already open
/// stay on their host (and die with it), as they do behind a real balancer.
/// </summary>
public sealed class TcpSwitch : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _targetPort;

    public TcpSwitch(Uri target)
    {
        _targetPort = target.Port;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = Accept();
    }

    public Uri Address { get; }

    /// <summary>New connections go to <paramref name="target"/> from now on.</summary>
    public void SwitchTo(Uri target) => Volatile.Write(ref _targetPort, target.Port);

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Forward(inbound, Volatile.Read(ref _targetPort));
        }
    }

    private async Task Forward(TcpClient inbound, int port)
    {
        using (inbound)
        using (var outbound = new TcpClient())
        {
            try
            {
                await outbound.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                var from = inbound.GetStream();
                var to = outbound.GetStream();
                // Either side closing (a dead host resets its sockets) ends the pair.
                await Task.WhenAny(from.CopyToAsync(to, _stop.Token), to.CopyToAsync(from, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
