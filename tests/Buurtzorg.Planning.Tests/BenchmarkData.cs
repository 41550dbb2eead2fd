namespace Buurtzorg.Planning.Tests;

/// <summary>
/// Where the benchmark instances are. The tests read the copy built next to them, because a clean
/// clone (CI) has no ../shared/data; that folder, where present, is only compared against.
/// </summary>
internal static class BenchmarkData
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Data");

    public static string SolomonFile(string name) => Path.Combine(Directory, "solomon", name + ".txt");

    public static string MankowskaFile(string name) => Path.Combine(Directory, "mankowska2014", name + ".txt");

    public static string SolomonBestKnownFile => Path.Combine(Directory, "solomon", "best_known.csv");

    public static string MankowskaBestKnownFile => Path.Combine(Directory, "mankowska2014", "brkga_best.csv");

    /// <summary>The folder holding Buurtzorg.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Buurtzorg.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No Buurtzorg.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>../shared/data beside the repository, or null where it is not there (a clean clone).</summary>
    public static string? SharedData
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
            return System.IO.Directory.Exists(shared) ? shared : null;
        }
    }
}
