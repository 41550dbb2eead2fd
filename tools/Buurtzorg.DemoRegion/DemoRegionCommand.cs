using System.CommandLine;
using Buurtzorg.Tools;

namespace Buurtzorg.DemoRegion;

/// <summary>The demo generator's command line; <see cref="Build"/> is what the tests parse.</summary>
public static class DemoRegionCommand
{
    public static Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        ToolCommandLine.Run(Build(), args, output, error);

    public static RootCommand Build()
    {
        var teams = ToolOptions.Teams(30, "Teams to generate; 100 or more use the national mix (900: about 10,000 nurses and 60,000 clients), fewer the demo's per-team mix.");
        var seed = ToolOptions.Seed(2007, "Seed of the generated region.");
        var postgres = ToolOptions.Postgres("Generate into this PostgreSQL database.");
        var sqlite = new Option<string?>("--sqlite")
        {
            Description = "Generate into this SQLite file. Without --postgres or --sqlite: the store the silo configuration names.",
            HelpName = "path",
        };
        sqlite.AcceptLegalFilePathsOnly();

        var root = new RootCommand(
            "Generates a demo region straight into the store, through the grains, on a silo of its own (stop the hosts first, or give another database). " +
            "Progress goes to stderr, the summary line to stdout.")
        {
            teams, seed, postgres, sqlite,
        };
        root.Validators.Add(result =>
        {
            if (result.GetResult(postgres) is not null && result.GetResult(sqlite) is not null)
            {
                result.AddError("Give --postgres or --sqlite, not both.");
            }
        });
        root.SetAction((result, cancellationToken) => Generation.Run(
            result.GetValue(teams), result.GetValue(seed), result.GetValue(postgres), result.GetValue(sqlite), cancellationToken));
        return root;
    }
}
