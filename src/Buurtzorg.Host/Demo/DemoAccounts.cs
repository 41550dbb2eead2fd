using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, on only with <c>--demo</c>: one account per role in the demo region,
/// with a known password and (for nurses and central staff) a known authenticator key, printed at
/// start-up so the demo can be tried. Never part of a real deployment.
/// </summary>
public sealed class DemoAccounts(IServiceProvider services, IGrainFactory grains)
{
    public const string Password = "demo-wachtwoord";

    // Base32 keys, fixed so an authenticator app set up once keeps working across restarts.
    private const string NurseKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string ColleagueKey = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA";
    private const string CentralKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    public sealed record DemoAccount(string UserName, AccountRole Role, string Who, string? AuthenticatorKey);

    /// <summary>Opens the accounts if they are not there yet; returns them either way.</summary>
    public async Task<IReadOnlyList<DemoAccount>> Ensure(CancellationToken cancellationToken)
    {
        var teams = await grains.GetGrain<ITeamDirectoryGrain>(0).List();
        var first = await grains.GetGrain<ITeamGrain>(teams[0].Id).Get() ?? throw new InvalidOperationException("The demo region has no first team.");
        var second = await grains.GetGrain<ITeamGrain>(teams[1].Id).Get() ?? throw new InvalidOperationException("The demo region has no second team.");
        var client = await grains.GetGrain<IClientGrain>(first.ClientIds[0]).Get() ?? throw new InvalidOperationException("The first team has no client.");
        var relative = client.Network.FirstOrDefault();
        if (relative is null)
        {
            relative = new NetworkMember(Guid.NewGuid(), new NetworkMemberDetails("Sanne de Vries", NetworkRelation.Family, "dochter", null, null, null), NetworkAccess.CarePlan);
            await grains.GetGrain<IClientGrain>(client.Id).AddNetworkMember(relative.Id, relative.Details);
        }

        if (relative.Access != NetworkAccess.CarePlan)
        {
            await grains.GetGrain<IClientGrain>(client.Id).SetNetworkAccess(relative.Id, NetworkAccess.CarePlan);
        }

        var wanted = new (string UserName, AccountRole Role, string Name, Guid? Subject, string? Key, string Who)[]
        {
            ("wijkverpleegkundige", AccountRole.Nurse, first.Nurses[0].Name, first.Nurses[0].NurseId, NurseKey, $"{first.Nurses[0].Name}, team {first.Name}"),
            ("collega", AccountRole.Nurse, second.Nurses[0].Name, second.Nurses[0].NurseId, ColleagueKey, $"{second.Nurses[0].Name}, team {second.Name}"),
            ("client", AccountRole.Client, client.Details.Name, client.Id, null, $"{client.Details.Name}, client of team {first.Name}"),
            ("familie", AccountRole.Family, relative.Details.Name, null, null, $"{relative.Details.Name}, in {client.Details.Name}'s network (care plan access)"),
            ("centraal", AccountRole.Central, "Centraal bureau", null, CentralKey, "central office: capacity figures only"),
        };

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var directory = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        foreach (var account in wanted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var opened = await directory.Open(account.UserName, Password, account.Role, account.Name, account.Subject, account.Key);
            if (account.Role == AccountRole.Family)
            {
                await directory.Link(opened, client.Id, relative.Id);
            }
        }

        return [.. wanted.Select(a => new DemoAccount(a.UserName, a.Role, a.Who, a.Key))];
    }
}
