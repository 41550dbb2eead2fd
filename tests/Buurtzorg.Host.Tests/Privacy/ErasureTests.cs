using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Privacy;

/// <summary>The right to erasure (AVG art. 17) of relatives and account holders, on a secure host over HTTP.</summary>
public sealed class ErasureTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task A_relative_taken_out_of_the_network_is_erased_from_the_record_its_history_and_the_accounts_and_signed_out()
    {
        var team = await PrivacyTeam.Start(Host);
        var client = await team.Client("Aaltje Verwijder");
        var member = await team.Relative(client, "Kees Wegwezen", "0611122233", "kees.wegwezen@example.nl");
        var stays = await team.Relative(client, "Mien Blijft", "0644455566", "mien@example.nl");
        // A change of number leaves the old one in the network's history: that must go too.
        var updated = await team.Nurse.Http.PutAsJsonAsync($"/api/clients/{client}/network/{member}",
            new { name = "Kees Wegwezen", relation = "Family", phone = "0677788899", email = "kees.wegwezen@example.nl" }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var relative = await team.FamilyAccount("kees-wegwezen", (client, member));
        Assert.Equal(HttpStatusCode.OK, (await relative.Http.GetAsync($"/api/clients/{client}/care-plan")).StatusCode);
        Assert.True(await Stored.GrainStatesHolding(Host, "0611122233") > 0, "the test must see the number stored before the erasure");

        var removed = await team.Nurse.Http.DeleteAsync($"/api/clients/{client}/network/{member}");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var network = (await team.Record(client)).Network;
        Assert.DoesNotContain(network, m => m.Id == member);
        Assert.Contains(network, m => m.Id == stays && m.Details.Phone == "0644455566");
        foreach (var gone in new[] { "Kees Wegwezen", "0611122233", "0677788899", "kees.wegwezen@example.nl" })
        {
            Assert.Equal(0, await Stored.GrainStatesHolding(Host, gone));
        }

        // The others in the network keep their history.
        Assert.True(await Stored.GrainStatesHolding(Host, "Mien Blijft") > 0);
        Assert.Equal(0, await Stored.AccountsNamed(Host, "kees-wegwezen"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await relative.Http.GetAsync("/api/account/me")).StatusCode);
        await team.SignInRefused("kees-wegwezen");
    }

    [Fact]
    public async Task A_relative_in_two_clients_networks_keeps_the_account_for_the_other_until_taken_out_of_both()
    {
        var team = await PrivacyTeam.Start(Host);
        var (first, second) = (await team.Client("Bep Eerste"), await team.Client("Gerrit Tweede"));
        var inFirst = await team.Relative(first, "Ria Beide", "0612312312", "ria.beide@example.nl");
        var inSecond = await team.Relative(second, "Ria Beide", "0612312312", "ria.beide@example.nl");
        var relative = await team.FamilyAccount("ria-beide", (first, inFirst), (second, inSecond));

        Assert.Equal(HttpStatusCode.OK, (await team.Nurse.Http.DeleteAsync($"/api/clients/{first}/network/{inFirst}")).StatusCode);

        using var me = JsonDocument.Parse(await relative.Http.GetStringAsync("/api/account/me"));
        Assert.Equal([second], me.RootElement.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await relative.Http.GetAsync($"/api/clients/{second}/care-plan")).StatusCode);
        await ProblemAssert.Problem(await relative.Http.GetAsync($"/api/clients/{first}/care-plan"), HttpStatusCode.NotFound, "nothing here");
        Assert.Equal(1, await Stored.AccountsNamed(Host, "ria-beide"));

        Assert.Equal(HttpStatusCode.OK, (await team.Nurse.Http.DeleteAsync($"/api/clients/{second}/network/{inSecond}")).StatusCode);

        Assert.Equal(0, await Stored.AccountsNamed(Host, "ria-beide"));
        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "0612312312"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await relative.Http.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_relative_deletes_their_own_account_with_their_password_and_leaves_every_network()
    {
        var team = await PrivacyTeam.Start(Host);
        var (first, second) = (await team.Client("Dina Een"), await team.Client("Evert Twee"));
        var inFirst = await team.Relative(first, "Joop Zelf", "0698798798", "joop.zelf@example.nl");
        var inSecond = await team.Relative(second, "Joop Zelf", "0698798798", "joop.zelf@example.nl");
        var relative = await team.FamilyAccount("joop-zelf", (first, inFirst), (second, inSecond));
        var copiedCookie = relative.Cookies.GetCookieHeader(Host.Address);

        await ProblemAssert.Problem(await PrivacyTeam.DeleteOwnAccount(relative.Http, null), HttpStatusCode.BadRequest, "password");
        var wrong = await ProblemAssert.Problem(await PrivacyTeam.DeleteOwnAccount(relative.Http, "not my password"), HttpStatusCode.BadRequest, "password");
        Assert.Equal("wrong-password", wrong.GetProperty("fieldCodes").GetProperty("password")[0].GetString());
        Assert.Equal(1, await Stored.AccountsNamed(Host, "joop-zelf"));

        Assert.Equal(HttpStatusCode.NoContent, (await PrivacyTeam.DeleteOwnAccount(relative.Http, TestHost.Password)).StatusCode);

        Assert.Equal(0, await Stored.AccountsNamed(Host, "joop-zelf"));
        Assert.DoesNotContain((await team.Record(first)).Network, m => m.Id == inFirst);
        Assert.DoesNotContain((await team.Record(second)).Network, m => m.Id == inSecond);
        Assert.Equal(0, await Stored.GrainStatesHolding(Host, "0698798798"));
        await team.SignInRefused("joop-zelf");

        // Twice: the session ended with the account, so there is no one left to delete.
        await ProblemAssert.Problem(await PrivacyTeam.DeleteOwnAccount(relative.Http, TestHost.Password), HttpStatusCode.Unauthorized, "sign in");
        using var copy = new HttpClient { BaseAddress = Host.Address };
        copy.DefaultRequestHeaders.Add("Cookie", copiedCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/account/me")).StatusCode);
    }

    [Fact]
    public async Task A_client_deletes_their_own_account_and_the_care_record_stays_with_the_team()
    {
        var team = await PrivacyTeam.Start(Host);
        var client = await team.Client("Frieda Eigen");
        await Host.OpenAccount("frieda-eigen", AccountRole.Client, client);
        var session = await Host.SignIn("frieda-eigen");

        Assert.Equal(HttpStatusCode.NoContent, (await PrivacyTeam.DeleteOwnAccount(session.Http, TestHost.Password)).StatusCode);

        Assert.Equal(0, await Stored.AccountsNamed(Host, "frieda-eigen"));
        Assert.Equal("Frieda Eigen", (await team.Record(client)).Details.Name);
        await team.SignInRefused("frieda-eigen");
    }

    [Fact]
    public async Task A_nurse_is_told_her_account_is_closed_by_her_employer_and_keeps_it()
    {
        var team = await PrivacyTeam.Start(Host);

        var refused = await PrivacyTeam.DeleteOwnAccount(team.Nurse.Http, TestHost.Password);

        await ProblemAssert.Problem(refused, HttpStatusCode.Conflict, "employer");
        Assert.Equal(HttpStatusCode.OK, (await team.Nurse.Http.GetAsync("/api/account/me")).StatusCode);
        Assert.NotNull(await Host.App.Services.GetRequiredService<AccountStore>().FindByIdAsync(
            JsonDocument.Parse(await team.Nurse.Http.GetStringAsync("/api/account/me")).RootElement.GetProperty("accountId").GetString()!, default));
    }
}
