using Microsoft.Playwright;

namespace Buurtzorg.Host.Tests.Browser;

/// <summary>Full-page screenshots kept as test artefacts (TestResults/screenshots, or $BUURTZORG_ARTIFACTS).</summary>
public static class Screenshots
{
    public static async Task<string> Save(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("BUURTZORG_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"The screenshot {path} is empty.");
        return path;
    }
}
