using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Demo;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Demo;

/// <summary>
/// <c>--demo</c> on a database people have used: it starts, opens only what is missing and keeps
/// what they changed. The headline feature, a thirteenth nurse dividing a team, is ready to try.
/// </summary>
public sealed class DemoRestartTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_second_demo_start_after_a_division_and_a_changed_tier_starts_prints_the_accounts_and_keeps_the_tier()
    {
        using var file = new TempSqliteFile();
        Guid twelve, clientId, memberId;
        await using (var first = await TestHost.StartSecureOnSqlite(file.Path, BuurtzorgApp.DemoFlag))
        {
            var accounts = await first.App.Services.GetRequiredService<DemoAccounts>().Ensure(CancellationToken.None);
            var nurses = accounts.Where(a => a.Role == AccountRole.Nurse).Select(a => a.UserName).ToList();
            Assert.Equal([DemoAccounts.Nurse, DemoAccounts.Colleague, DemoAccounts.Newcomer], nurses);

            // Two printed nurses share the team at twelve; the third is elsewhere, free to ask to join it.
            var team = await TeamOf(first, DemoAccounts.Nurse);
            Assert.Equal(team.Id, (await TeamOf(first, DemoAccounts.Colleague)).Id);
            Assert.Equal(TeamLimits.MaxNurses, team.Nurses.Count);
            Assert.NotEqual(team.Id, (await TeamOf(first, DemoAccounts.Newcomer)).Id);
            twelve = team.Id;

            var newcomer = await SignIn(first, accounts, DemoAccounts.Newcomer);
            var newcomerId = (await Subject(first, DemoAccounts.Newcomer))!.Value;
            Assert.Equal(HttpStatusCode.OK, (await newcomer.Http.PostAsJsonAsync($"/api/teams/{twelve}/join-requests", new { message = "Mag ik erbij?" })).StatusCode);
            var nurse = await SignIn(first, accounts, DemoAccounts.Nurse);
            var accepted = await nurse.Http.PostAsync($"/api/teams/{twelve}/join-requests/{newcomerId}/accept", null);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(2, (await accepted.Content.ReadFromJsonAsync<TeamSnapshot>(Json))!.ChildTeamIds.Count);

            // The client narrows their relative's tier: their choice, which a restart must keep.
            var client = await SignIn(first, accounts, DemoAccounts.Client);
            var me = await client.Http.GetFromJsonAsync<JsonElement>("/api/account/me");
            clientId = me.GetProperty("clients")[0].GetProperty("id").GetGuid();
            using (var scope = first.App.Services.CreateScope())
            {
                var family = (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(DemoAccounts.Family))!;
                memberId = (await scope.ServiceProvider.GetRequiredService<AccountStore>().MemberOf(family.Id, clientId))!.Value;
            }

            var record = (await client.Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{clientId}", Json))!;
            Assert.Equal(NetworkAccess.CarePlan, record.Network.Single(m => m.Id == memberId).Access);
            Assert.Equal(HttpStatusCode.OK, (await client.Http.PutAsJsonAsync($"/api/clients/{clientId}/network/{memberId}/access", new { access = "Agenda" })).StatusCode);
        }

        await using var second = await TestHost.StartSecureOnSqlite(file.Path, BuurtzorgApp.DemoFlag);
        var again = await second.App.Services.GetRequiredService<DemoAccounts>().Ensure(CancellationToken.None);
        Assert.Equal(["beheer", "centraal", "client", "collega", "familie", "nieuwkomer", "wijkverpleegkundige"], again.Select(a => a.UserName).Order());
        Assert.Contains("agenda access", again.Single(a => a.UserName == DemoAccounts.Family).Who, StringComparison.Ordinal);

        var relative = (await second.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IClientGrain>(clientId).Get())!.Network.Single(m => m.Id == memberId);
        Assert.Equal(NetworkAccess.Agenda, relative.Access);

        // The divided team is history, not a fifth working team: its two halves are listed instead.
        var colleague = await SignIn(second, again, DemoAccounts.Colleague);
        var listed = (await colleague.Http.GetFromJsonAsync<List<TeamListing>>("/api/teams", Json))!;
        Assert.DoesNotContain(listed, t => t.Id == twelve);
        Assert.Equal(5, listed.Count);
        Assert.Equal((await TeamOf(second, DemoAccounts.Nurse)).ParentTeamId, twelve);
        foreach (var account in again.Where(a => a.UserName != DemoAccounts.Colleague))
        {
            await SignIn(second, again, account.UserName);
        }
    }

    private static Task<TestHost.Session> SignIn(TestHost host, IReadOnlyList<DemoAccounts.DemoAccount> accounts, string userName) =>
        host.SignIn(userName, DemoAccounts.Password, accounts.Single(a => a.UserName == userName).AuthenticatorKey);

    private static async Task<Guid?> Subject(TestHost host, string userName)
    {
        using var scope = host.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByNameAsync(userName))?.SubjectId;
    }

    private static async Task<TeamSnapshot> TeamOf(TestHost host, string userName)
    {
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var nurse = (await grains.GetGrain<INurseGrain>((await Subject(host, userName))!.Value).Get())!;
        return (await grains.GetGrain<ITeamGrain>(nurse.TeamId!.Value).Get())!;
    }
}
