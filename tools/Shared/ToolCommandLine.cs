using System.CommandLine;
using System.CommandLine.Parsing;

namespace Buurtzorg.Tools;

/// <summary>
/// Parses and runs a tool's command. A wrong command line is named on stderr with exit code 2
/// (the help and typo hints System.CommandLine would print go to stdout, which scripts read).
/// </summary>
internal static class ToolCommandLine
{
    public const int UsageError = 2;

    public static async Task<int> Run(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var errors = error ?? Console.Error;
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await errors.WriteLineAsync(problem.Message);
            }

            var command = new List<string>();
            for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
            {
                command.Insert(0, result.Command.Name);
            }

            await errors.WriteLineAsync($"{string.Join(' ', command)} --help lists the options.");
            return UsageError;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output ?? Console.Out, Error = errors });
    }
}
