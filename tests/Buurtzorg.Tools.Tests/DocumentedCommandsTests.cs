using System.Text;
using System.Text.RegularExpressions;

namespace Buurtzorg.Tools.Tests;

/// <summary>
/// Every command README.md, docs/*.md and the scripts in tools/ show for a tool parses without an
/// error, so the documents run as written. The commands are found by pattern, so a new one is
/// checked without being listed here.
/// </summary>
public sealed partial class DocumentedCommandsTests
{
    private static readonly string Root = FindRoot();

    // A Solomon instance the planner's tests carry: stands in for "<files>" and globs.
    private static readonly string Instance = Path.Combine(Root, "tests", "Buurtzorg.Planning.Tests", "Data", "solomon", "C201.txt");

    public static TheoryData<string, string, string> Documented()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (source, tool, args) in Markdown().Concat(Scripts()).Distinct())
        {
            data.Add(source, tool, args);
        }

        return data;
    }

    [Fact]
    public void The_documents_show_commands_of_every_tool()
    {
        var found = Markdown().Concat(Scripts()).Select(c => c.Tool).ToHashSet();

        Assert.Equal(Tools.ByName.Keys.Order(), found.Order());
        Assert.True(Markdown().Concat(Scripts()).Count() >= 15);
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void A_documented_command_parses(string source, string tool, string args)
    {
        Environment.SetEnvironmentVariable("BUURTZORG_POSTGRES", "Host=127.0.0.1");
        var tokens = Split(args).SelectMany(Placeholder).ToArray();
        if (tool == "Buurtzorg.Chaos" && !tokens.Contains("--repo"))
        {
            // What tools/chaos/run.sh adds to the caller's options.
            tokens = [.. tokens, "--repo", Root, "--postgres", "Host=x", "--pg-bin", "/usr/bin", "--pg-dir", "/tmp", "--certificate", "c.pfx", "--certificate-password", "p"];
        }

        var parsed = Tools.ByName[tool].Build().Parse(tokens);

        Assert.True(parsed.Errors.Count == 0, $"{source}: {tool} {args}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
    }

    private static IEnumerable<(string Source, string Tool, string Args)> Markdown()
    {
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => Path.GetRelativePath(Root, f)));
        foreach (var file in files)
        {
            // Commands in backticks; a line break inside one is a space. Fences go first: their three
            // backticks would pair the rest of the file the wrong way round.
            foreach (Match code in CodeSpan().Matches(Fence().Replace(File.ReadAllText(Path.Combine(Root, file)), "")))
            {
                var text = code.Groups[1].Value.Replace('\n', ' ');
                if (Command().Match(text) is { Success: true } command)
                {
                    yield return (file, ToolOf(command.Groups["tool"].Value), command.Groups["args"].Value.Trim());
                }
            }

            // Indented shell lines (README's chaos block), up to a comment.
            foreach (Match line in ScriptLine().Matches(File.ReadAllText(Path.Combine(Root, file))))
            {
                yield return (file, "Buurtzorg.Chaos", line.Groups[1].Value.Split("  ")[0].Trim());
            }
        }
    }

    private static IEnumerable<(string Source, string Tool, string Args)> Scripts()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "tools"), "*.sh").Append(Path.Combine(Root, "tools", "chaos", "run.sh")))
        {
            var source = Path.GetRelativePath(Root, path);
            var lines = File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
            foreach (var line in lines)
            {
                if (line.TrimStart().StartsWith('#'))
                {
                    // The usage and examples in the header comment are documentation too.
                    if (Command().Match(line) is { Success: true } shown && !line.Contains('[', StringComparison.Ordinal))
                    {
                        // What follows two spaces is the comment's explanation of the command.
                        yield return (source, ToolOf(shown.Groups["tool"].Value), shown.Groups["args"].Value.Split("  ")[0].Trim());
                    }

                    continue;
                }

                if (Invocation().Match(line) is { Success: true } call)
                {
                    // The caller's options ("$@") are checked where they are documented; a phase is a part --only names; any other variable is a number or a connection string.
                    var args = ShellValue().Replace(call.Groups["args"].Value, m => m.Value.Contains('@') ? "" : m.Value.Contains("phase", StringComparison.Ordinal) ? "generation" : "1");
                    yield return (source, call.Groups["tool"].Value, args.Split(" |")[0].Split(" &")[0].Trim());
                }
            }
        }
    }

    private static string ToolOf(string shown) => shown switch
    {
        "tools/bench-hub.sh" => "Buurtzorg.HubBench",
        "tools/chaos/run.sh" => "Buurtzorg.Chaos",
        _ => shown,
    };

    // "<files>" and globs become a real instance; "<cs>" and the like are values and stay.
    private static IEnumerable<string> Placeholder(string token) =>
        token == "<files>" || token.Contains('*', StringComparison.Ordinal) ? [Instance] : [token];

    private static List<string> Split(string args)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in args.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Buurtzorg.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Buurtzorg.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^ *```.*$", RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    // "dotnet run ... --project tools/X -- args", "dotnet tools/X/bin/.../X.dll args", "Buurtzorg.X args", "tools/bench-hub.sh args", "tools/chaos/run.sh args".
    [GeneratedRegex(@"(?:--project tools/(?<tool>Buurtzorg\.\w+) --|tools/(?:chaos/)?Buurtzorg\.\w+/bin/\S+/(?<tool>Buurtzorg\.\w+)\.dll|^(?<tool>Buurtzorg\.\w+)|(?<tool>tools/bench-hub\.sh|tools/chaos/run\.sh))(?<args>(?: [^#]*)?)$")]
    private static partial Regex Command();

    [GeneratedRegex(@"^ {4}tools/chaos/run\.sh( [^#\n]*)?", RegexOptions.Multiline)]
    private static partial Regex ScriptLine();

    [GeneratedRegex(@"dotnet tools/(?:chaos/)?(?<tool>Buurtzorg\.\w+)/bin/\S+\.dll(?<args>.*)$")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"""\$[^""]*""|\$\w+")]
    private static partial Regex ShellValue();
}
