using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Demo;
using Buurtzorg.Host.Capacity;
using Buurtzorg.Host.Tests.Infrastructure;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.EventuallyExtensions;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Capacity;

/// <summary>The central figures as a spreadsheet file and as twelve weeks of trends.</summary>
public sealed class CentralFiguresApiTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    [Fact]
    public async Task The_csv_export_is_RFC_4180_with_semicolons_a_BOM_and_decimal_commas_and_holds_the_jsons_numbers_with_the_same_suppression()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartOnSqlite(file.Path);
        var rollup = host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation);
        // Team 2 has one client: withheld, and with it Utrecht's total (it would give the 1 back).
        (string Region, int Active, decimal VisitHours)[] teams = [("Utrecht", 30, 150.5m), ("Utrecht", 24, 99.25m), ("Utrecht", 1, 12m), ("Zeeland", 20, 80m), ("Zeeland", 25, 0m)];
        foreach (var (team, i) in teams.Select((t, i) => (t, i)))
        {
            await rollup.Report(new TeamCapacityReport(Guid.NewGuid(), $"Team {i}; \"{team.Region}\"", team.Region, 10, 250, 140.5m, 20, team.Active, 6, false, 30, null, team.VisitHours));
        }

        var overview = (await host.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json))!;
        var response = await host.Http.GetAsync("/api/capacity/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"capaciteit-{Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Niveau;Naam;Regio;Teams;Verpleegkundigen;Contracturen per week;", text, StringComparison.Ordinal);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);

        var rows = Read(bytes);
        Assert.Equal(1 + overview.Regions.Count + overview.Teams.Count, rows.Count);
        var nation = rows.Single(r => r["Niveau"] == "Land");
        Assert.Equal(overview.Nation.SupplyHoursPerWeek, Parse(nation["Contracturen per week"]));
        Assert.Equal(overview.Nation.ProductivityPercent, int.Parse(nation["Productiviteit (%)"], CultureInfo.InvariantCulture));
        Assert.Equal("afgeschermd", rows.Single(r => r["Niveau"] == "Regio" && r["Naam"] == "Utrecht")["Cliënten"]);
        Assert.Equal("45", rows.Single(r => r["Niveau"] == "Regio" && r["Naam"] == "Zeeland")["Cliënten"]);
        foreach (var team in overview.Teams)
        {
            // The name holds the separator and quotes: RFC 4180 quoting brings it back whole.
            var row = rows.Single(r => r["Niveau"] == "Team" && r["Naam"] == team.TeamName);
            Assert.Equal(team.ActiveClients?.ToString(CultureInfo.InvariantCulture) ?? "afgeschermd", row["Cliënten"]);
            Assert.Equal(team.Nurses, int.Parse(row["Verpleegkundigen"], CultureInfo.InvariantCulture));
            Assert.Equal(team.DemandHoursPerWeek, Parse(row["Vraag (uur per week)"]));
            Assert.Equal(Math.Round(team.VisitHoursThisWeek, 1), Parse(row["Cliëntgebonden uren deze week"]));
            Assert.Equal(team.ProductivityPercent, int.Parse(row["Productiviteit (%)"], CultureInfo.InvariantCulture));
        }

        // Dutch decimals: 140,5 hours, never 140.5.
        Assert.Contains(";140,5;", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";140.5;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_keep_each_teams_week_and_the_demos_past_weeks_are_marked_as_generated()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartOnSqlite(file.Path);
        var team = await host.CreateTeam("Buurtzorg Lunetten");
        await host.AddWorkingNurse(team.Id, "Sanne Bakker", contractHours: 24);
        var region = (await Eventually(
            async () => (await host.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json))!,
            o => o.Teams.Any(t => t.TeamId == team.Id && t.SupplyHoursPerWeek == 24))).Teams.Single(t => t.TeamId == team.Id).Region;

        var trends = await Eventually(
            async () => (await host.Http.GetFromJsonAsync<CapacityTrends>($"/api/capacity/trends?region={Uri.EscapeDataString(region)}", Json))!,
            t => t.Teams.Any(x => x.TeamId == team.Id && x.Weeks.Count == 1 && x.Weeks[0].SupplyHoursPerWeek == 24));
        var thisWeek = CapacityHistory.WeekOf(Today);
        Assert.Equal(12, trends.Weeks.Count);
        Assert.Equal(thisWeek, trends.Weeks[^1]);
        Assert.Equal(thisWeek.AddDays(-77), trends.Weeks[0]);
        var measured = Assert.Single(trends.Teams.Single(t => t.TeamId == team.Id).Weeks);
        Assert.Equal((thisWeek, 1, false), (measured.Week, measured.Nurses, measured.Generated));
        Assert.False(trends.Generated);

        var figures = (await host.Http.GetFromJsonAsync<CapacityOverview>("/api/capacity", Json))!.Teams.Single(t => t.TeamId == team.Id);
        var history = host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ICapacityHistoryGrain>(team.Id);
        await history.Backfill([.. DemoHistory.Before(figures, thisWeek, 1), new WeekFigures(thisWeek, 99, 1, 1, 1, Generated: true)]);

        trends = (await host.Http.GetFromJsonAsync<CapacityTrends>($"/api/capacity/trends?region={Uri.EscapeDataString(region)}", Json))!;
        var weeks = trends.Teams.Single(t => t.TeamId == team.Id).Weeks;
        Assert.True(trends.Generated);
        Assert.Equal(trends.Weeks.Skip(1), weeks.Select(w => w.Week).Skip(1));
        Assert.All(weeks.SkipLast(1), w => Assert.True(w.Generated));
        // The backfill never overwrites a measured week.
        Assert.Equal((1, false), (weeks[^1].Nurses, weeks[^1].Generated));

        var missing = await host.Http.GetAsync("/api/capacity/trends?weeks=200");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadAsStringAsync();
        Assert.Contains("\"region\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"weeks\"", problem, StringComparison.Ordinal);
    }

    private static decimal Parse(string field) => decimal.Parse(field, NumberStyles.Number, Dutch);

    private static List<Dictionary<string, string>> Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';' });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }
}
