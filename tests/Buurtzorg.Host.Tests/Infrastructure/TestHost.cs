using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Accounts;
using Microsoft.AspNetCore.Builder;
using Buurtzorg.Host.Schedule;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// The real host (silo, API, hub) on a real Kestrel port. Storage is a SQLite file or the test
/// PostgreSQL server; the ServiceId is fixed because stored rows are keyed by it.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string ServiceId = "buurtzorg-tests";

    private TestHost(WebApplication app, Uri address, LogCapture logs, string storage)
    {
        _storage = storage;
        App = app;
        Logs = logs;
        Address = address;
        Http = new HttpClient(new ActionKeys()) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, HttpClient> _asNurse = new();

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>What the host logged (Information and up).</summary>
    public LogCapture Logs { get; }

    public static Task<TestHost> StartOnSqlite(string path, params string[] args) =>
        Start(new() { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}" }, args);

    /// <summary>A host on SQLite with services of the test's own added last (Orleans' options, say).</summary>
    public static Task<TestHost> StartOnSqlite(string path, Action<IServiceCollection> services) =>
        Start(new() { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}" }, services: services);

    /// <summary>A host on SQLite with <c>Orleans:*</c> settings of the test's own.</summary>
    public static Task<TestHost> StartOnSqliteWith(string path, Dictionary<string, string?> settings) =>
        Start(new(settings) { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}" });

    /// <summary>A host with the real access policy: callers sign in (see <see cref="SignIn(string)"/>).</summary>
    public static Task<TestHost> StartSecureOnSqlite(string path, params string[] args) =>
        Start(new() { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}" }, args, secure: true);

    /// <summary>A secure host with services of the test's own added last (a clock for the sessions, say).</summary>
    public static Task<TestHost> StartSecureOnSqlite(string path, Action<IServiceCollection> services) =>
        Start(new() { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}" }, secure: true, services: services);

    /// <summary>A secure host with settings of the test's own (origins, limits, HTTPS) in a given environment ("Production" for its cookie and HSTS rules).</summary>
    public static Task<TestHost> StartSecureOnSqlite(string path, IReadOnlyDictionary<string, string?> settings, string environment = TestingEnvironment, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings) { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}" };
        return Start(all, secure: true, services: services, environment: environment);
    }

    public static Task<TestHost> StartSecureOnPostgres(string connectionString, string clusterId) =>
        Start(ClusterSettings(connectionString, clusterId, TestCertificate.Cluster.Settings()), secure: true);

    /// <summary>A host at a given address: a restarted host must be found where the browser left it.</summary>
    public static Task<TestHost> StartSecureOnSqliteAt(string path, Uri address) =>
        Start(new() { ["Storage:SqlitePath"] = path, ["Orleans:ClusterId"] = $"sqlite-{Guid.NewGuid():N}", ["Urls"] = address.GetLeftPart(UriPartial.Authority) }, secure: true);

    /// <summary>A cluster host with the test cluster's certificate: silos talk mutual TLS.</summary>
    public static Task<TestHost> StartOnPostgres(string connectionString, string clusterId) =>
        Start(ClusterSettings(connectionString, clusterId, TestCertificate.Cluster.Settings()));

    /// <summary>A cluster host with exactly the given <c>Orleans:*</c> settings (certificate, gateway, development switch), and no others.</summary>
    public static Task<TestHost> StartOnPostgresWith(string connectionString, string clusterId, Dictionary<string, string?> settings, bool secure = false) =>
        Start(ClusterSettings(connectionString, clusterId, settings), secure: secure);

    private static Dictionary<string, string?> ClusterSettings(string connectionString, string clusterId, Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        };
        return all;
    }

    /// <summary>
    /// Waits until this host's silo counts <paramref name="count"/> active silos: a host that
    /// has just joined is known to the others through Orleans' membership gossip, a moment later.
    /// </summary>
    public async Task SeesActiveSilos(int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var snapshot in App.Services.GetRequiredService<IClusterMembershipService>().MembershipUpdates.WithCancellation(patience.Token))
        {
            if (snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) >= count)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Not Production: there the session cookie is always Secure, which an HttpClient over plain
    /// HTTP would not send back.
    /// </summary>
    public const string TestingEnvironment = "Testing";

    private static async Task<TestHost> Start(Dictionary<string, string?> settings, string[]? args = null, bool secure = false, Action<IServiceCollection>? services = null, string environment = TestingEnvironment)
    {
        settings.TryAdd("Urls", "http://127.0.0.1:0");
        // Tests call a host far faster than people do, all from one address: the request limits
        // are raised unless a test sets its own (RequestLimitTests).
        settings.TryAdd("Buurtzorg:RequestLimits:PerCallerBurst", "100000");
        settings.TryAdd("Buurtzorg:RequestLimits:PerCallerPerSecond", "100000");
        settings.TryAdd("Buurtzorg:RequestLimits:ProposalsPerTeamBurst", "1000");
        // The Orleans dashboard times every grain call and gathers counters on a timer: about half
        // again the CPU of a test class (docs/benchmarks.md). Tests of it, and demo hosts (the
        // product as people meet it), switch it on.
        if (args?.Contains(BuurtzorgApp.DemoFlag) != true)
        {
            settings.TryAdd("Operations:Dashboard", "false");
        }
        settings["Orleans:ServiceId"] = ServiceId;
        // Several silos run in one test process: each needs its own silo port. No gateway unless
        // a test names one (see FreePort): the hosts themselves never need it.
        settings["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The host's own folder is the content root, as when it runs for real: it serves the web client.
        args = args is { Length: > 0 } ? args : ["--contentRoot", Path.Combine(Repository.Root, "src", "Buurtzorg.Host")];
        args = args.Contains("--environment") ? args : [.. args, "--environment", environment];
        var logs = new LogCapture();
        var app = BuurtzorgApp.Build(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
            builder.Logging.AddProvider(logs);
            if (!secure)
            {
                OpenAccess.Apply(builder.Services);
            }

            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address), logs, settings.GetValueOrDefault("Storage:SqlitePath") ?? settings.GetValueOrDefault("ConnectionStrings:Postgres") ?? "");
    }

    /// <summary>Opens an account; a nurse, central staff member or operator has her authenticator set up with <see cref="AuthenticatorKey"/> unless <c>authenticator</c> is false.</summary>
    public async Task<Account> OpenAccount(string userName, AccountRole role, Guid? subjectId = null, bool authenticator = true)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountDirectory>()
            .Open(userName, Password, role, userName, subjectId, authenticator && role is AccountRole.Nurse or AccountRole.Central or AccountRole.Operations ? AuthenticatorKey : null);
    }

    public async Task Link(Account account, Guid clientId, Guid memberId)
    {
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountDirectory>().Link(account, clientId, memberId);
    }

    public const string Password = "correct horse battery";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>A browser-like session: signs in over HTTP (password, then the authenticator code where the account has one).</summary>
    public Task<Session> SignIn(string userName) => SignIn(userName, Password, AuthenticatorKey);

    // Per database, not per host: a host restarted on the same database remembers the codes used.
    private static readonly Dictionary<(string Storage, string UserName), long> LastCodeSteps = [];
    private readonly string _storage;

    /// <summary>
    /// A code the host has not seen for this account: it accepts each code once, and a test may
    /// sign one account in several times in one 30-second step, so later sign-ins take the codes
    /// of the next steps (accepted for clock drift), waiting for a new step only when those run out.
    /// </summary>
    public async Task<string> FreshCode(string userName, string key = AuthenticatorKey)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (LastCodeSteps)
            {
                var step = Math.Max(now - 1, LastCodeSteps.TryGetValue((_storage, userName), out var last) ? last + 1 : long.MinValue);
                if (step <= now + 1)
                {
                    LastCodeSteps[(_storage, userName)] = step;
                    return Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(step * 30));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(30 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30) + 1));
        }
    }

    public async Task<Session> SignIn(string userName, string password, string? authenticatorKey)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new ActionKeys(new HttpClientHandler { CookieContainer = cookies })) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var first = await http.PostAsJsonAsync("/api/account/sign-in", new { userName, password });
        Assert.True(first.StatusCode == HttpStatusCode.OK, $"sign-in of {userName}: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        var step = await first.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        if ((string?)step!["step"] == "code")
        {
            var second = await http.PostAsJsonAsync("/api/account/sign-in/code", new { code = await FreshCode(userName, authenticatorKey!) });
            Assert.True(second.StatusCode == HttpStatusCode.OK, $"code of {userName}: {(int)second.StatusCode} {await second.Content.ReadAsStringAsync()}");
        }
        else
        {
            Assert.Equal("signed-in", (string?)step["step"]);
        }

        return new Session(this, http, cookies);
    }

    /// <summary>A signed-in caller: its HTTP client carries the session cookie, and so do its hub connections.</summary>
    public sealed record Session(TestHost Host, HttpClient Http, CookieContainer Cookies)
    {
        public async Task<HubConnection> ConnectToHub()
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(Host.Address, ScheduleHub.Path), o => o.Cookies = Cookies)
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
                .Build();
            await connection.StartAsync();
            return connection;
        }
    }

    /// <summary>On an open-access host, requests made as this nurse: what she does is done in her name.</summary>
    public HttpClient As(Guid nurseId) => _asNurse.GetOrAdd(nurseId, id =>
    {
        var http = new HttpClient(new ActionKeys()) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(OpenAccess.NurseHeader, id.ToString());
        return http;
    });

    public async Task<HubConnection> ConnectToHub()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, ScheduleHub.Path))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task<TeamSnapshot> CreateTeam(string name)
    {
        var response = await Http.PostAsJsonAsync("/api/teams", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TeamSnapshot>())!;
    }

    public async Task<TeamSnapshot> AddNurse(Guid teamId, string name)
    {
        var response = await Http.PostAsJsonAsync($"/api/teams/{teamId}/nurses", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TeamSnapshot>())!;
    }

    public async Task<TeamSnapshot> GetTeam(Guid teamId) =>
        (await Http.GetFromJsonAsync<TeamSnapshot>($"/api/teams/{teamId}"))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var http in _asNurse.Values)
        {
            http.Dispose();
        }

        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
