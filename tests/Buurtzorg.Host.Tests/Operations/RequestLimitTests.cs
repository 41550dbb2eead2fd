using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Operations;

/// <summary>
/// The host's request limits: per caller over everything, per team on round proposals (counted
/// only for callers the team's access rule lets through), and per account name on sign-in from
/// any address. Each refusal is a 429 ProblemDetails with Retry-After.
/// </summary>
public sealed class RequestLimitTests
{
    private static async Task AssertLimited(HttpResponseMessage response, string code)
    {
        var problem = await ProblemAssert.Problem(response, HttpStatusCode.TooManyRequests, "Too many");
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
    }

    [Fact]
    public async Task A_caller_who_keeps_asking_is_refused_with_retry_after_while_others_go_on()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, new Dictionary<string, string?>
        {
            ["Buurtzorg:RequestLimits:PerCallerBurst"] = "10",
            ["Buurtzorg:RequestLimits:PerCallerPerSecond"] = "1",
        });
        var team = await host.FoundTeam("Buurtzorg Druk");
        await host.Hire(team, "Eva Mulder", "busy");
        await host.Hire(team, "Fenna Bos", "calm");
        var busy = await host.SignIn("busy");
        var calm = await host.SignIn("calm");

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var answer = await busy.Http.GetAsync($"/api/teams/{team}");
            refused = answer.StatusCode == HttpStatusCode.TooManyRequests ? answer : null;
        }

        Assert.NotNull(refused);
        await AssertLimited(refused, "too-many-requests");
        Assert.Equal(HttpStatusCode.OK, (await calm.Http.GetAsync($"/api/teams/{team}")).StatusCode);
    }

    [Fact]
    public async Task Proposals_are_limited_per_team_and_an_outsider_cannot_spend_a_teams_share()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, new Dictionary<string, string?>
        {
            ["Buurtzorg:RequestLimits:ProposalsPerTeamBurst"] = "2",
            ["Buurtzorg:RequestLimits:ProposalEvery"] = "01:00:00",
        });
        var teamA = await host.FoundTeam("Buurtzorg Noord");
        var teamB = await host.FoundTeam("Buurtzorg Zuid");
        await host.Hire(teamA, "Ilse Kok", "a-nurse");
        await host.Hire(teamA, "Joke Dekker", "a-colleague");
        await host.Hire(teamB, "Lotte Meijer", "b-nurse");
        var a = await host.SignIn("a-nurse");
        var colleague = await host.SignIn("a-colleague");
        var b = await host.SignIn("b-nurse");
        var day = TeamDay.Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Proposals(Guid team) => $"/api/teams/{team}/proposals/{day}?seconds=1";

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await b.Http.GetAsync(Proposals(teamA))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await a.Http.GetAsync(Proposals(teamA))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync(Proposals(teamA))).StatusCode);
        // The team's share is the team's, whoever of it asks.
        await AssertLimited(await a.Http.GetAsync(Proposals(teamA)), "too-many-requests");
        Assert.Equal(HttpStatusCode.OK, (await b.Http.GetAsync(Proposals(teamB))).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_for_one_name_are_limited_whatever_the_address_per_address_allows()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, new Dictionary<string, string?>
        {
            ["Buurtzorg:SignInLimits:PerNameAndAddress"] = "100",
            ["Buurtzorg:SignInLimits:PerAddress"] = "100",
            ["Buurtzorg:SignInLimits:PerName"] = "3",
        });
        var team = await host.FoundTeam("Buurtzorg Slot");
        await host.Hire(team, "Mila Vos", "target");
        await host.Hire(team, "Sara Peters", "bystander");

        for (var i = 0; i < 3; i++)
        {
            var wrong = await host.Http.PostAsJsonAsync("/api/account/sign-in", new { userName = "target", password = "guess " + i });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, wrong.StatusCode);
        }

        await AssertLimited(await host.Http.PostAsJsonAsync("/api/account/sign-in", new { userName = "TARGET", password = "guess" }), "too-many-attempts");
        Assert.NotNull(await host.SignIn("bystander"));
    }
}
