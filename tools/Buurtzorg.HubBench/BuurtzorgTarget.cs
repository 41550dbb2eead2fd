using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Teams;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Buurtzorg.HubBench;

public sealed record SeedSettings(int Teams, int NursesPerTeam = 12, int ClientsPerTeam = 4, int Parallelism = 4);

/// <summary>
/// The real host (silo, access gate, access log, grains, hub) in this process on a real Kestrel
/// port, on a SQLite file of its own or on PostgreSQL, seeded as an office and its nurses would:
/// teams and nurses through the host's own commands, then per team one signed-in nurse who
/// registers clients and writes their care plans over HTTP, which puts visits on the schedule.
/// </summary>
public sealed class BuurtzorgTarget : StreamTarget
{
    public const string Password = "correct horse battery";
    private const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly WebApplication _app;
    private readonly string? _folder;
    private readonly List<TargetTeam> _teams = [];

    private BuurtzorgTarget(WebApplication app, Uri address, string? folder)
    {
        _app = app;
        Address = address;
        _folder = folder;
    }

    public override string Name => "Buurtzorg host";

    public override Uri Address { get; }

    public override string HubPath => ScheduleHub.Path;

    public override IReadOnlyList<TargetTeam> Teams => _teams;

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the host on PostgreSQL when <paramref name="postgres"/> is given, else on a fresh SQLite file in a temporary folder.</summary>
    public static async Task<BuurtzorgTarget> Start(string? postgres = null, LogLevel logLevel = LogLevel.Warning)
    {
        var folder = postgres is null ? Directory.CreateTempSubdirectory("hubbench-").FullName : null;
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Orleans:ServiceId"] = "buurtzorg-hubbench",
            ["Orleans:ClusterId"] = $"hubbench-{Guid.NewGuid():N}",
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            // Seeding signs in one nurse per team from one address: far past the per-address limit.
            ["Buurtzorg:SignInLimits:PerAddress"] = "1000000",
            ["Buurtzorg:RequestLimits:PerCallerBurst"] = "1000000",
            ["Buurtzorg:RequestLimits:PerCallerPerSecond"] = "1000000",
        };
        if (postgres is null)
        {
            settings["Storage:SqlitePath"] = Path.Combine(folder!, "buurtzorg.db");
        }
        else
        {
            settings["ConnectionStrings:Postgres"] = postgres;
            // A private one-silo cluster on loopback: nothing else joins it, so no certificate.
            settings["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true";
            settings["Orleans:AdvertisedIP"] = "127.0.0.1";
        }

        // Not Production: there the session cookie is Secure only, and this client talks plain HTTP.
        var app = BuurtzorgApp.Build(["--environment", "Benchmark", "--contentRoot", folder ?? Path.GetTempPath()], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(logLevel);
            // Passwords are hashed only while seeding, which is not measured; the default
            // 100,000 rounds would make seeding 800 accounts take minutes on two cores.
            builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BuurtzorgTarget(app, address, folder);
    }

    public async Task Seed(SeedSettings seed, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var gate = new SemaphoreSlim(seed.Parallelism);
        var done = 0;
        var teams = await Task.WhenAll(Enumerable.Range(0, seed.Teams).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var team = await SeedTeam(run, i, seed);
                if (Interlocked.Increment(ref done) % 25 == 0)
                {
                    progress?.Invoke($"seeded {done}/{seed.Teams} teams");
                }

                return team;
            }
            finally
            {
                gate.Release();
            }
        }));
        _teams.AddRange(teams);
    }

    private async Task<TargetTeam> SeedTeam(string run, int index, SeedSettings seed)
    {
        var mediator = _app.Services.GetRequiredService<IMediator>();
        var teamId = (await mediator.Send(new CreateTeam($"Bench {run} {index + 1}"))).Id;
        var nurses = new List<Guid>();
        for (var n = 0; n < seed.NursesPerTeam; n++)
        {
            var nurse = await mediator.Send(new RegisterNurse(
                $"Nurse {index + 1}.{n + 1}", [Qualification.BasicCare, Qualification.InjectionsAndMedication], 28, 52.09, 5.12,
                [.. Enum.GetValues<DayOfWeek>().Select(day => new AvailabilitySlotInput(day, new TimeOnly(7, 0), new TimeOnly(22, 0)))]));
            await mediator.Send(new MoveNurse(nurse.Id, teamId));
            nurses.Add(nurse.Id);
        }

        // One account a team: its cookie serves the team's connections and its changes.
        var userName = $"bench-{run}-{index + 1}";
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountDirectory>().Open(userName, Password, AccountRole.Nurse, userName, nurses[0], AuthenticatorKey);
        }

        var (http, cookies) = await SignIn(userName);
        var today = DutchCalendar.Today(TimeProvider.System);
        for (var c = 0; c < seed.ClientsPerTeam; c++)
        {
            var client = await Created<JsonElement>(await http.PostAsJsonAsync($"/api/teams/{teamId}/clients", new
            {
                name = $"Client {index + 1}.{c + 1}",
                dateOfBirth = "1938-04-17",
                address = new { street = "Oudegracht", houseNumber = (c + 1).ToString(CultureInfo.InvariantCulture), postcode = "3511 NK", city = "Utrecht", latitude = 52.0894, longitude = 5.1196 },
                phone = "0302314567",
                teamId,
                indicationHoursPerWeek = 4.5,
                startDate = today.AddDays(-30),
            }, Json));
            var clientId = client.GetProperty("id").GetGuid();
            var plan = await http.GetFromJsonAsync<JsonElement>($"/api/clients/{clientId}/care-plan", Json);
            await Created<JsonElement>(await http.PutAsJsonAsync($"/api/clients/{clientId}/care-plan/problems/42", new
            {
                expectedVersion = plan.GetProperty("version").GetInt32(),
                changedBy = nurses[0],
                scope = "Individual",
                type = "Actual",
                signsAndSymptoms = new[] { "fouten in dosering" },
                interventions = new[]
                {
                    new
                    {
                        id = Guid.NewGuid(), category = "TreatmentsAndProcedures", targetCode = 39, description = "Insuline spuiten",
                        timesPerPeriod = 1, period = "Day", windowStart = "08:00", windowEnd = "10:00", durationMinutes = 30,
                        requiredQualification = "InjectionsAndMedication", twoNurses = false, performedBy = "Team",
                    },
                },
            }, Json));
        }

        var schedule = (await http.GetFromJsonAsync<ScheduleView>($"/api/teams/{teamId}/visits?from={today:yyyy-MM-dd}&to={today.AddDays(ScheduleHorizon.Days - 1):yyyy-MM-dd}", Json))!;
        var version = (await http.GetFromJsonAsync<JsonElement>($"/api/teams/{teamId}/schedule/changes?since=0", Json)).GetProperty("version").GetInt64();
        var open = schedule.Visits.Where(v => v.Status == VisitStatus.Open && v.AssignedNurses.Count == 0).Select(v => v.Id).ToList();
        return new TargetTeam(teamId, http, cookies, open, version);
    }

    private async Task<(HttpClient Http, CookieContainer Cookies)> SignIn(string userName)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        var step = await Created<JsonElement>(await http.PostAsJsonAsync("/api/account/sign-in", new { userName, password = Password }));
        if (step.GetProperty("step").GetString() == "code")
        {
            var code = OneTimeAuthenticatorCodes.Code(OneTimeAuthenticatorCodes.Base32(AuthenticatorKey)!, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
            await Created<JsonElement>(await http.PostAsJsonAsync("/api/account/sign-in/code", new { code }));
        }

        return (http, cookies);
    }

    private static async Task<T> Created<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var team in _teams)
        {
            team.Http.Dispose();
        }

        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            if (_folder is not null)
            {
                try
                {
                    Directory.Delete(_folder, recursive: true);
                }
                catch (IOException)
                {
                    // A file still held open is left in the temporary folder.
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
