using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Buurtzorg.Host.Tests.Browser;

public static class Accessibility
{
    // The WCAG 2.1 A and AA rules, and only violations gathered: axe's passes and "incomplete"
    // lists cost most of its time and are never read here.
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Runs axe-core on the page as it is and fails on any serious or critical violation, naming each.</summary>
    public static async Task AssertNoSeriousViolations(IPage page, string pageName)
    {
        var result = await page.RunAxe(Options);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found on {pageName}:{Environment.NewLine}" + string.Join(Environment.NewLine, serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
