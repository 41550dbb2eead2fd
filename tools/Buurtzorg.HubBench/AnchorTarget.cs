using System.Collections.Concurrent;
using Buurtzorg.Contracts.Visits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.HubBench;

/// <summary>
/// The anchor: a bare ASP.NET Core SignalR hub on its own Kestrel port, with no Orleans, no
/// database and no sign-in. Its claim and release answer with a per-team version and send the
/// same ScheduleChanged record (one visit, client and nurse) to the team's group; its schedule
/// changes read answers the version. What the host adds to this is what the bench measures.
/// </summary>
public sealed class AnchorTarget : StreamTarget
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private AnchorTarget(WebApplication app, Uri address, IReadOnlyList<TargetTeam> teams, HttpClient http)
    {
        _app = app;
        Address = address;
        Teams = teams;
        _http = http;
    }

    public override string Name => "bare SignalR hub";

    public override Uri Address { get; }

    public override string HubPath => "/hubs/schedule";

    public override IReadOnlyList<TargetTeam> Teams { get; }

    /// <summary>As many teams as the host run had, each with as many visits.</summary>
    public static async Task<AnchorTarget> Start(IReadOnlyList<int> visitsPerTeam)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSingleton<Versions>();
        var app = builder.Build();
        app.MapHub<AnchorHub>("/hubs/schedule");
        app.MapPost("/api/teams/{teamId:guid}/visits/{visitId:guid}/{action}", async (Guid teamId, Guid visitId, string action, Versions versions, IHubContext<AnchorHub> hub) =>
        {
            var version = versions.Next(teamId);
            await hub.Clients.Group(AnchorHub.Group(teamId)).SendAsync("ScheduleChanged", new ScheduleChanged(teamId, version, [visitId], [Guid.NewGuid()], [Guid.NewGuid()]));
            return Results.Ok(new { error = "None", version });
        });
        app.MapGet("/api/teams/{teamId:guid}/schedule/changes", (Guid teamId, long? since, Versions versions) =>
            Results.Ok(new { teamId, since, version = versions.Current(teamId), complete = false, visits = Array.Empty<object>(), removedVisitIds = Array.Empty<Guid>() }));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var teams = visitsPerTeam.Select(visits => new TargetTeam(Guid.NewGuid(), http, null, [.. Enumerable.Range(0, visits).Select(_ => Guid.NewGuid())], 0)).ToList();
        return new AnchorTarget(app, address, teams, http);
    }

    public override async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Versions
    {
        private readonly ConcurrentDictionary<Guid, StrongBox> _teams = new();

        public long Next(Guid teamId) => Interlocked.Increment(ref _teams.GetOrAdd(teamId, _ => new StrongBox()).Value);

        public long Current(Guid teamId) => _teams.TryGetValue(teamId, out var box) ? Interlocked.Read(ref box.Value) : 0;

        private sealed class StrongBox
        {
            public long Value;
        }
    }
}

/// <summary>Joins the team's group and answers; nothing else.</summary>
public sealed class AnchorHub : Hub
{
    public static string Group(Guid teamId) => $"team:{teamId:N}";

    public async Task<object> WatchTeam(Guid teamId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(teamId));
        return new { id = teamId, version = 0 };
    }
}
