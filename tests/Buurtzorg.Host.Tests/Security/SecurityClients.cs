using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>HTTP callers for attacks: from a chosen loopback address, with or without cookies, and answers compared by their shape.</summary>
internal static class SecurityClients
{
    /// <summary>A cookie-keeping client whose connections come from <paramref name="from"/> (any 127.x address reaches the host).</summary>
    public static HttpClient From(TestHost host, string from = "127.0.0.1", bool useCookies = true)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = useCookies,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Status and body of an answer, without the per-request trace id: what a prober can compare.</summary>
    public static async Task<string> Shape(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body.ToJsonString()}";
    }
}
