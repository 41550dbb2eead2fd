using System.Net;
using System.Net.Sockets;

namespace Buurtzorg.Chaos.Cluster;

internal static class Ports
{
    /// <summary>A port nothing listens on now; Orleans does not notice two silos given one port, so each gets its own.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
