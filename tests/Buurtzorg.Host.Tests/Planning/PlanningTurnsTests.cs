using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Planning;

/// <summary>
/// Planning takes seconds of CPU: it answers however long it may think, a team plans one day at
/// a time, two nurses asking for the same day share one planning, and a request nobody waits
/// for any more stops its planning. Orleans' response timeout is 2 s here, so a proposal of 4 s
/// shows the planner's own timeout is what counts.
/// </summary>
public sealed class PlanningTurnsTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;
    private Guid _team;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartOnSqlite(_file.Path, services =>
            services.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(2)));
        _team = (await _host.CreateTeam("Buurtzorg Tuinwijk")).Id;
        await _host.AddWorkingNurse(_team, "Anne de Vries");
        await _host.AddWorkingNurse(_team, "Bram Jansen");
        foreach (var (name, street) in new[] { ("Johanna", "Biltstraat"), ("Gerrit", "Adelaarstraat"), ("Truus", "Kerkstraat"), ("Kees", "Zonstraat"), ("Annie", "Jan Pieterszoon Coenstraat") })
        {
            await _host.AddDailyVisit(_team, (await _host.AddClient(_team, name, street, "5")).Id);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    private string Proposal(DateOnly date, int seconds) => $"/api/teams/{_team}/proposals/{date:yyyy-MM-dd}?seconds={seconds}";

    [Fact]
    public async Task A_proposal_that_thinks_longer_than_orleans_response_timeout_still_answers()
    {
        var response = await _host.Http.GetAsync(Proposal(Today, 4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proposal = (await response.Content.ReadFromJsonAsync<RoundProposal>(Json))!;
        Assert.True(proposal.Seconds > 2, $"the planner thought {proposal.Seconds:0.0} s, within Orleans' 2 s: this test shows nothing");
    }

    [Fact]
    public async Task Two_nurses_asking_for_the_same_day_at_once_share_one_planning()
    {
        var first = _host.Http.GetFromJsonAsync<RoundProposal>(Proposal(Today.AddDays(1), 2), Json);
        var second = _host.Http.GetFromJsonAsync<RoundProposal>(Proposal(Today.AddDays(1), 2), Json);

        var both = await Task.WhenAll(first, second);

        // One planning gives one answer, to the hundredth of a second it took.
        Assert.Equal(both[0]!.Seconds, both[1]!.Seconds);
        Assert.Equal(both[0]!.Rounds.SelectMany(r => r.Stops).Select(s => s.VisitId), both[1]!.Rounds.SelectMany(r => r.Stops).Select(s => s.VisitId));
    }

    [Fact]
    public async Task A_cancelled_request_stops_its_planning_so_the_teams_next_one_is_served_at_once()
    {
        using var gaveUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Http.GetAsync(Proposal(Today.AddDays(2), 30), gaveUp.Token));

        // The team plans one day at a time: had the 30-second planning gone on, this would wait for it.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var next = await _host.Http.GetAsync(Proposal(Today.AddDays(3), 1), patience.Token);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Contains($"for {Today.AddDays(2)} stopped after", StringComparison.Ordinal));
    }
}
