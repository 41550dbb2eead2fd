namespace Buurtzorg.Host.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The folder holding Buurtzorg.sln, found from the test binaries upwards.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Buurtzorg.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Buurtzorg.sln).");
    }
}
