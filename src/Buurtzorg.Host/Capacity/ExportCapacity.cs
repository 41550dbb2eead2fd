using System.Globalization;
using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Grains;
using CsvHelper;
using Mediator;

namespace Buurtzorg.Host.Capacity;

/// <summary>The capacity overview as a CSV file for a spreadsheet: the same figures, withheld counts withheld.</summary>
public sealed record ExportCapacity : IQuery<CapacityExport>;

public sealed record CapacityExport(string FileName, byte[] Content);

/// <summary>
/// RFC 4180 through CsvHelper, shaped for Dutch spreadsheet users: Excel with Dutch regional
/// settings reads ';' as the separator (',' is its decimal mark), so numbers are written with a
/// decimal comma and no thousands mark, and a UTF-8 byte order mark makes it read "cliënten"
/// as UTF-8 rather than as the ANSI code page. Headers are Dutch; a withheld count reads "afgeschermd".
/// </summary>
public sealed class ExportCapacityHandler(IGrainFactory grains, TimeProvider clock) : IQueryHandler<ExportCapacity, CapacityExport>
{
    public const string Withheld = "afgeschermd";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    // A team's name is typed by its nurses: one starting like a formula is written as text.
    private static readonly CsvWriterOptions Options = new() { Separator = ';', FormatProvider = Dutch, WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    private static readonly string[] PartNames = ["ochtend", "middag", "avond", "nacht"];

    public async ValueTask<CapacityExport> Handle(ExportCapacity query, CancellationToken cancellationToken)
    {
        var overview = await grains.GetGrain<ICapacityRollupGrain>(CapacityRollup.Nation).GetOverview();
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Headings()]);
            await Row(csv, "Land", overview.Nation, region: "");
            foreach (var region in overview.Regions)
            {
                await Row(csv, "Regio", region, region.Name);
            }

            foreach (var team in overview.Teams)
            {
                WriteFields(csv, "Team", team.TeamName, team.Region, 1, team.Nurses, team.SupplyHoursPerWeek, team.DirectCareHoursPerWeek, team.DemandHoursPerWeek,
                    team.VisitHoursThisWeek, team.ProductivityPercent, team.ConfirmedHoursThisWeek, team.OpenVisitHours, team.ActiveClients, team.WaitingClients,
                    team.NearDivision ? 1 : 0, team.OverCapacity ? 1 : 0);
                foreach (var part in PartsOfDay.All)
                {
                    var cell = team.Coverage.First(c => c.Part == part);
                    Number(csv, cell.DemandHoursPerWeek);
                    Number(csv, cell.DirectCareHoursPerWeek);
                    Number(csv, cell.UncoveredHoursPerWeek);
                    Number(csv, cell.Short ? 1 : 0);
                }

                await csv.EndRecordAsync();
            }
        }

        var today = DutchCalendar.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CapacityExport($"capaciteit-{today}.csv", buffer.ToArray());
    }

    private static IEnumerable<string> Headings() =>
    [
        "Niveau", "Naam", "Regio", "Teams", "Verpleegkundigen", "Contracturen per week", "Voor cliënten 60% (uur per week)", "Vraag (uur per week)",
        "Cliëntgebonden uren deze week", "Productiviteit (%)", "Bevestigd deze week (uur)", "Open bezoekuren", "Cliënten", "Wachtend",
        "Teams bijna splitsen", "Teams met te weinig aanbod",
        .. PartNames.SelectMany(p => (string[])[$"Vraag {p} (uur per week)", $"Aanbod {p} voor cliënten (uur per week)", $"In geen dienst {p} (uur per week)", $"Teams met te weinig aanbod {p}"]),
    ];

    private static async Task Row(CsvWriter csv, string level, CapacityTotals totals, string region)
    {
        WriteFields(csv, level, totals.Name, region, totals.Teams, totals.Nurses, totals.SupplyHoursPerWeek, totals.DirectCareHoursPerWeek, totals.DemandHoursPerWeek,
            totals.VisitHoursThisWeek, totals.ProductivityPercent, totals.ConfirmedHoursThisWeek, totals.OpenVisitHours, totals.ActiveClients, totals.WaitingClients,
            totals.TeamsNearDivision, totals.TeamsOverCapacity);
        foreach (var part in PartsOfDay.All)
        {
            var cell = totals.Coverage.First(c => c.Part == part);
            Number(csv, cell.DemandHoursPerWeek);
            Number(csv, cell.RosteredHoursPerWeek * Productivity.DirectCareShare);
            Number(csv, cell.UncoveredHoursPerWeek);
            Number(csv, cell.TeamsShort);
        }

        await csv.EndRecordAsync();
    }

    private static void WriteFields(CsvWriter csv, string level, string name, string region, int teams, int nurses, decimal supply, decimal directCare, decimal demand,
        decimal visitHours, int? productivity, decimal confirmed, decimal open, int? active, int? waiting, int nearDivision, int overCapacity)
    {
        csv.WriteField(level);
        csv.WriteField(name);
        csv.WriteField(region);
        Number(csv, teams);
        Number(csv, nurses);
        Number(csv, supply);
        Number(csv, directCare);
        Number(csv, demand);
        Number(csv, visitHours);
        csv.WriteField(productivity?.ToString(CultureInfo.InvariantCulture));
        Number(csv, confirmed);
        Number(csv, open);
        csv.WriteField(active?.ToString(CultureInfo.InvariantCulture) ?? Withheld);
        csv.WriteField(waiting?.ToString(CultureInfo.InvariantCulture) ?? Withheld);
        Number(csv, nearDivision);
        Number(csv, overCapacity);
    }

    /// <summary>Hours to a tenth, with the decimal comma of <see cref="Dutch"/>; whole numbers without one.</summary>
    private static void Number(CsvWriter csv, decimal value) => csv.WriteField(Math.Round(value, 1), "0.#");
}
