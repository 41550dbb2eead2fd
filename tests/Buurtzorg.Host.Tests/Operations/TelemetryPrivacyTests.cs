using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Calendar;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// Telemetry leaves the care system for collectors with other access rules and longer memories:
/// a working session of nurses and family (sign-ins, a wrong password, a new client with their
/// address and phone, a relative, a care plan, a note, the FHIR export, the personal-data
/// download, calendar feeds, refusals, bad input) leaves no name,
/// address, phone, e-mail, user name, note text or calendar-feed secret in any exported span,
/// log record or metric.
/// </summary>
public sealed class TelemetryPrivacyTests
{
    private static readonly string[] Personal =
    [
        "Zwartjes", "Wilhelmina", "Zonnebloemstraat", "3572", "0687654321", "06-87654321",
        "Vredenburg", "Geertruida", "0611122233", "geertruida@", "geertruida.v",
        "Oosterbeek", "linkerenkel", "Rozenhof",
    ];

    [Fact]
    public async Task A_working_session_leaves_no_personal_data_in_exported_telemetry()
    {
        var capture = new TelemetryCapture();
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, new Dictionary<string, string?> { ["Telemetry:Export"] = "true" }, services: capture.AddTo);

        var team = await host.FoundTeam("Buurtzorg Telemetrie");
        var nurseId = await host.Hire(team, "Hendrika Oosterbeek", "telemetry-nurse");
        var outsiderTeam = await host.FoundTeam("Buurtzorg Elders");
        await host.Hire(outsiderTeam, "Bas de Vries", "outsider");
        var nurse = await host.SignIn("telemetry-nurse");
        var outsider = await host.SignIn("outsider");

        var registered = await nurse.Http.PostAsJsonAsync($"/api/teams/{team}/clients", new
        {
            name = "Wilhelmina Zwartjes",
            dateOfBirth = "1936-02-29",
            address = new { street = "Zonnebloemstraat", houseNumber = "87", postcode = "3572 KW", city = "Utrecht", latitude = 52.0990, longitude = 5.1300 },
            phone = "0687654321",
            teamId = team,
            indicationHoursPerWeek = 3.5,
            startDate = TeamDay.Today.AddDays(-3),
        }, TeamDay.Json);
        registered.EnsureSuccessStatusCode();
        var client = (await registered.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Id;

        var added = await nurse.Http.PostAsJsonAsync($"/api/clients/{client}/network", new
        {
            name = "Geertruida Vredenburg", relation = "Family", phone = "0611122233", email = "geertruida@voorbeeld.nl", takesOn = "boodschappen",
        }, TeamDay.Json);
        added.EnsureSuccessStatusCode();
        var member = (await added.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Network.Single().Id;
        (await nurse.Http.PutAsJsonAsync($"/api/clients/{client}/network/{member}/access", new { access = "CarePlan" }, TeamDay.Json)).EnsureSuccessStatusCode();
        var visit = await nurse.Http.AddDailyVisit(team, client);
        await nurse.Http.PostAsJsonAsync($"/api/clients/{client}/notes", new { visitId = visit.Id, text = "Wond aan linkerenkel verzorgd." });

        var relative = await host.OpenAccount("geertruida.v", AccountRole.Family);
        await host.Link(relative, client, member);
        var wrong = await host.Http.PostAsJsonAsync("/api/account/sign-in", new { userName = "geertruida.v", password = "Rozenhof" });
        Assert.False(wrong.IsSuccessStatusCode);
        var family = await host.SignIn("geertruida.v");
        (await family.Http.GetAsync($"/api/clients/{client}/care-plan")).EnsureSuccessStatusCode();
        (await family.Http.GetAsync($"/api/clients/{client}/visits")).EnsureSuccessStatusCode();
        (await nurse.Http.GetAsync($"/api/clients/{client}")).EnsureSuccessStatusCode();
        Assert.False((await outsider.Http.GetAsync($"/api/clients/{client}")).IsSuccessStatusCode);
        // The interop and personal-data endpoints, and both calendar feeds read by their secret link.
        (await nurse.Http.GetAsync($"/api/clients/{client}/fhir")).EnsureSuccessStatusCode();
        (await nurse.Http.GetAsync($"/api/clients/{client}/personal-data")).EnsureSuccessStatusCode();
        var secrets = new List<string>();
        foreach (var (session, path) in new[] { (nurse, $"/api/nurses/{nurseId}/calendar"), (family, $"/api/clients/{client}/calendar") })
        {
            var link = await session.Http.PostAsJsonAsync(path, new { });
            link.EnsureSuccessStatusCode();
            var url = new Uri((await link.Content.ReadFromJsonAsync<CalendarLink>(TeamDay.Json))!.Url!);
            using var calendarApp = new HttpClient();
            (await calendarApp.GetAsync(new Uri(host.Address, url.PathAndQuery))).EnsureSuccessStatusCode();
            secrets.Add(url.Segments[^1].Replace(".ics", "", StringComparison.Ordinal));
        }

        var bad = await nurse.Http.PutAsJsonAsync($"/api/clients/{client}/network/{member}", new { name = "Geertruida Vredenburg", relation = "Rozenhof", phone = "0611122233" }, TeamDay.Json);
        Assert.False(bad.IsSuccessStatusCode);

        host.App.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.App.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // The pipeline really exported: request spans, the host's logs and metric points.
        Assert.Contains(capture.Spans, s => s.Contains("/api/clients/{clientId:guid}", StringComparison.Ordinal));
        Assert.NotEmpty(capture.Logs);
        Assert.Contains(capture.Metrics, m => m.StartsWith("http.server.request.duration", StringComparison.Ordinal));

        var leaks = capture.All.SelectMany(text => Personal.Concat(secrets).Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"{p}: {text}")).Take(5).ToList();
        Assert.True(leaks.Count == 0, "Personal data in telemetry:\n" + string.Join("\n", leaks));
    }
}
