using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Grains;
using Buurtzorg.Host;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Teams;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Benchmarks;

/// <summary>
/// Claims and releases per second through the whole host: the real host (silo, API, access gate,
/// access log) in this process on a real Kestrel port, storing in PostgreSQL. N nurses of N
/// different teams, each signed in with her own session cookie (password and authenticator code,
/// as a browser does), claim and release a visit of their own team in a loop, one request at a
/// time each, every change with its own Idempotency-Key as the web client sends. Each request
/// passes the access gate, is written to the team schedule's grain state and leaves an
/// access-log line for the client the answer shows. Usage:
///   Buurtzorg.Benchmarks end-to-end --postgres "&lt;connection string&gt;" [--concurrency 16] [--seconds 20]
/// </summary>
internal static class EndToEndWrites
{
    private const string Password = "benchmark horse battery";

    // Any base32 key does: the benchmark is its nurses' authenticator app.
    private const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // nurses: signed-in nurses working at once (--concurrency), each in a team of her own.
    public static async Task<int> Run(string postgres, int nurses, double seconds)
    {

        await using var app = await StartHost(postgres);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        // Every run has accounts and teams of its own, so runs against one database do not meet.
        var run = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var setUp = Stopwatch.StartNew();
        var desks = new Desk[nurses];
        for (var i = 0; i < nurses; i++)
        {
            desks[i] = await SetUpNurse(app, address, run, i);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"set up {nurses} teams, nurses, sessions and visits in {setUp.Elapsed.TotalSeconds:F1} s"));

        // Warm-up: activations, connection pools and JIT, not counted. Ten seconds: on a busy
        // two-core machine tiered compilation was still promoting ~250 methods a second after 30 s.
        await RunNurses(desks, TimeSpan.FromSeconds(10));
        var (latencies, elapsed) = await RunNurses(desks, TimeSpan.FromSeconds(seconds));
        await app.StopAsync();
        foreach (var desk in desks)
        {
            desk.Http.Dispose();
        }

        latencies.Sort();
        var rate = latencies.Count / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"end-to-end: {latencies.Count} claims and releases in {elapsed.TotalSeconds:F1} s with {nurses} nurses = {rate:F0} changes/s (p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms)"));
        return 0;
    }

    private static async Task<WebApplication> StartHost(string postgres)
    {
        // Not Production: there the session cookie is Secure only, and this client speaks plain
        // HTTP on loopback (as pgbench, the anchor, speaks to PostgreSQL without TLS).
        var app = BuurtzorgApp.Build(["--environment", "Benchmark", "--contentRoot", AppContext.BaseDirectory], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["ConnectionStrings:Postgres"] = postgres,
                ["Orleans:ServiceId"] = "buurtzorg-end-to-end",
                ["Orleans:ClusterId"] = $"end-to-end-{Environment.ProcessId}",
                ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                // A private one-silo cluster on loopback with no gateway: nothing else joins it.
                ["Orleans:Tls:AllowInsecureDevelopmentCluster"] = "true",
                ["Orleans:AdvertisedIP"] = "127.0.0.1",
                // Above the host's own settings: only what goes wrong is printed.
                ["Logging:LogLevel:Default"] = "Warning",
                // Each desk asks as fast as the host answers, far past what a person's limit allows:
                // the benchmark measures the write path, not the request limits.
                ["Buurtzorg:RequestLimits:PerCallerBurst"] = "1000000",
                ["Buurtzorg:RequestLimits:PerCallerPerSecond"] = "1000000",
            });
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>One nurse at her desk: her session and the visit she claims and releases.</summary>
    private sealed record Desk(HttpClient Http, Guid TeamId, Guid VisitId);

    /// <summary>
    /// What an office does (a team, a nurse placed in it, her account), then what she does herself
    /// over HTTP: sign in, register a client, and write the care plan that puts a daily visit on
    /// the team's schedule.
    /// </summary>
    private static async Task<Desk> SetUpNurse(WebApplication app, Uri address, string run, int index)
    {
        var mediator = app.Services.GetRequiredService<IMediator>();
        var team = await mediator.Send(new CreateTeam($"Benchmark team {run} {index + 1}"));
        var nurse = await mediator.Send(new RegisterNurse(
            $"Verpleegkundige {index + 1}", [Qualification.BasicCare, Qualification.InjectionsAndMedication], 28, 52.09, 5.12,
            [.. Enum.GetValues<DayOfWeek>().Select(day => new AvailabilitySlotInput(day, new TimeOnly(6, 0), new TimeOnly(23, 0)))]));
        await mediator.Send(new MoveNurse(nurse.Id, team.Id));
        var userName = $"bench-{run}-{index + 1}";
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountDirectory>()
                .Open(userName, Password, AccountRole.Nurse, userName, nurse.Id, AuthenticatorKey);
        }

        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var step = await Send<JsonElement>(http, HttpMethod.Post, "/api/account/sign-in", new { userName, password = Password });
        if (step.GetProperty("step").GetString() == "code")
        {
            step = await Send<JsonElement>(http, HttpMethod.Post, "/api/account/sign-in/code", new { code = Totp(AuthenticatorKey, DateTimeOffset.UtcNow) });
        }

        if (step.GetProperty("step").GetString() != "signed-in")
        {
            throw new InvalidOperationException($"{userName} was not signed in: {step}");
        }

        var client = await Send<JsonElement>(http, HttpMethod.Post, $"/api/teams/{team.Id}/clients", new
        {
            name = $"Cliënt {index + 1}",
            dateOfBirth = "1938-04-17",
            address = new { street = "Oudegracht", houseNumber = "231", postcode = "3511 NK", city = "Utrecht", latitude = 52.0894, longitude = 5.1196 },
            phone = "0302314567",
            teamId = team.Id,
            indicationHoursPerWeek = 4.5,
            startDate = DutchCalendar.Today(TimeProvider.System).AddDays(-30),
        });
        var clientId = client.GetProperty("id").GetGuid();
        var plan = await Send<JsonElement>(http, HttpMethod.Get, $"/api/clients/{clientId}/care-plan", null);
        await Send<JsonElement>(http, HttpMethod.Put, $"/api/clients/{clientId}/care-plan/problems/42", new
        {
            expectedVersion = plan.GetProperty("version").GetInt32(),
            changedBy = nurse.Id,
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
        });

        // Tomorrow's visit: today's may already lie behind the clock.
        var tomorrow = DutchCalendar.Today(TimeProvider.System).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var schedule = await Send<JsonElement>(http, HttpMethod.Get, $"/api/teams/{team.Id}/visits?from={tomorrow}&to={tomorrow}", null);
        var visit = schedule.GetProperty("visits").EnumerateArray().First(v => v.GetProperty("clientId").GetGuid() == clientId);
        return new Desk(http, team.Id, visit.GetProperty("id").GetGuid());
    }

    /// <summary>Each nurse claims her visit and releases it again, one request at a time, until the time is up.</summary>
    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> RunNurses(Desk[] desks, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var perNurse = await Task.WhenAll(desks.Select(async desk =>
        {
            var latencies = new List<double>();
            while (stopwatch.Elapsed < duration)
            {
                foreach (var action in new[] { "claim", "release" })
                {
                    var started = Stopwatch.GetTimestamp();
                    await Send<JsonElement>(desk.Http, HttpMethod.Post, $"/api/teams/{desk.TeamId}/visits/{desk.VisitId}/{action}", new { });
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            return latencies;
        }));
        var elapsed = stopwatch.Elapsed;
        return ([.. perNurse.SelectMany(l => l)], elapsed);
    }

    private static async Task<T> Send<T>(HttpClient http, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        // As the web client: every change carries a key of its own, kept with the change.
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The code an authenticator app shows (RFC 6238: HMAC-SHA1 over 30-second steps, six digits).</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var (bits, value) = (0, 0);
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
