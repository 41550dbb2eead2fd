using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Host.Demo;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Demo;

/// <summary>With <c>--demo</c>, each role has an account that signs in with what the console prints.</summary>
public sealed class DemoAccountsTests
{
    [Fact]
    public async Task Every_demo_account_signs_in_with_the_printed_password_and_key_and_sees_what_its_role_may()
    {
        using var file = new TempSqliteFile();
        await using var host = await TestHost.StartSecureOnSqlite(file.Path, BuurtzorgApp.DemoFlag);
        var accounts = await host.App.Services.GetRequiredService<DemoAccounts>().Ensure(CancellationToken.None);
        Assert.Equal(["beheer", "centraal", "client", "collega", "familie", "nieuwkomer", "wijkverpleegkundige"], accounts.Select(a => a.UserName).Order());

        foreach (var account in accounts)
        {
            var session = await host.SignIn(account.UserName, DemoAccounts.Password, account.AuthenticatorKey);
            var me = await session.Http.GetFromJsonAsync<JsonElement>("/api/account/me");
            Assert.Equal(account.Role.ToString(), me.GetProperty("role").GetString());
            var capacity = await session.Http.GetAsync("/api/capacity");
            Assert.Equal(account.Role is Accounts.AccountRole.Nurse or Accounts.AccountRole.Central, capacity.IsSuccessStatusCode);
            if (account.Role is Accounts.AccountRole.Client or Accounts.AccountRole.Family)
            {
                var client = me.GetProperty("clients")[0].GetProperty("id").GetGuid();
                Assert.True((await session.Http.GetAsync($"/api/clients/{client}/care-plan")).IsSuccessStatusCode);
            }

            // The region has open places: the newcomer finds at least two of other teams than hers, central staff count them.
            if (account.UserName == DemoAccounts.Newcomer)
            {
                var places = await EventuallyExtensions.Eventually(
                    () => session.Http.GetFromJsonAsync<JsonElement>("/api/open-places/near-me"), p => p.GetProperty("places").GetArrayLength() >= 2);
                var own = (await session.Http.GetFromJsonAsync<JsonElement>($"/api/nurses/{me.GetProperty("subjectId").GetGuid()}")).GetProperty("teamId").GetGuid();
                Assert.All(places.GetProperty("places").EnumerateArray(), p => Assert.NotEqual(own, p.GetProperty("teamId").GetGuid()));
            }

            if (account.Role is Accounts.AccountRole.Central)
            {
                var counts = await EventuallyExtensions.Eventually(
                    () => session.Http.GetFromJsonAsync<JsonElement>("/api/capacity/places"), c => c.GetProperty("nation").GetProperty("openPlaces").GetInt32() == 3);
                Assert.NotEmpty(counts.GetProperty("regions").EnumerateArray());
            }

            // The dashboard is the operators' only; they have nothing else.
            Assert.Equal(account.Role is Accounts.AccountRole.Operations, (await session.Http.GetAsync("/dashboard/ClusterStats")).IsSuccessStatusCode);
        }
    }
}
