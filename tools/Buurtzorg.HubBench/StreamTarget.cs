using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.HubBench;

/// <summary>
/// One team as the bench drives it: a signed-in caller (its HTTP client and, for the hub, its
/// cookies), the visits it claims and releases, and the schedule version before the run.
/// </summary>
public sealed record TargetTeam(Guid Id, HttpClient Http, CookieContainer? Cookies, IReadOnlyList<Guid> Visits, long Version);

/// <summary>
/// What a run measures: the real host or the bare anchor hub. Both answer the same HTTP paths
/// (claim, release, schedule changes) and push the same ScheduleChanged event to a team's group.
/// </summary>
public abstract class StreamTarget : IAsyncDisposable
{
    public abstract string Name { get; }

    public abstract Uri Address { get; }

    public abstract string HubPath { get; }

    public abstract IReadOnlyList<TargetTeam> Teams { get; }

    /// <summary>
    /// A connection as a page opens one, over a real WebSocket. Negotiation is skipped on both
    /// targets alike: it is one extra request per page load, not part of the stream.
    /// </summary>
    public HubConnection Connection(TargetTeam team)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, HubPath), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (team.Cookies is { } cookies)
                {
                    o.Cookies = cookies;
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        // A saturated process answers pings late: count such connections as lost rather than
        // have every one of them drop at the default 30 s and end the run.
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        return connection;
    }

    public abstract ValueTask DisposeAsync();
}
