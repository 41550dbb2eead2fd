using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// Development feature, on only with <c>--demo</c>: one account per role in the demo region,
/// with a known password and (for nurses, central staff and operators) a known authenticator key, printed at
/// start-up so the demo can be tried. Never part of a real deployment.
/// </summary>
/// <remarks>
/// The database may be one users have changed since the last start (teams divided, nurses moved,
/// a client's choices made): an account that exists is left exactly as it is, and only missing
/// ones are opened, from people found by what they are (a live team with nurses and clients), never
/// by where they stand in a list. Nothing here may stop the host from starting.
/// </remarks>
public sealed class DemoAccounts(IServiceProvider services, IGrainFactory grains)
{
    public const string Password = "demo-wachtwoord";

    public const string Nurse = "wijkverpleegkundige";
    public const string Colleague = "collega";
    public const string Newcomer = "nieuwkomer";
    public const string Client = "client";
    public const string Family = "familie";
    public const string Central = "centraal";
    public const string Operations = "beheer";

    // Base32 keys, fixed so an authenticator app set up once keeps working across restarts.
    private const string NurseKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string ColleagueKey = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA";
    private const string NewcomerKey = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U";
    private const string CentralKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private const string OperationsKey = "3OKTZCJBJ7JE4KROUKPBM66RCX2SKQSA";

    public sealed record DemoAccount(string UserName, AccountRole Role, string Who, string? AuthenticatorKey);

    /// <summary>Opens the accounts that are not there yet; returns all there are, described as they are now.</summary>
    public async Task<IReadOnlyList<DemoAccount>> Ensure(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var directory = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var store = scope.ServiceProvider.GetRequiredService<AccountStore>();
        var teams = await LiveTeams();

        var nurse = await users.FindByNameAsync(Nurse);
        var colleague = await users.FindByNameAsync(Colleague);
        var newcomer = await users.FindByNameAsync(Newcomer);
        var taken = new HashSet<Guid>(new[] { nurse, colleague, newcomer }.Select(a => a?.SubjectId).OfType<Guid>());

        // The team to try team work in: the one the nurse account is in now, else the fullest
        // live team with clients (the seeded team at twelve, ready for a thirteenth).
        var home = await TeamOf(nurse) ?? teams.Where(t => t.ClientIds.Count > 0).OrderByDescending(t => t.Nurses.Count).FirstOrDefault();
        cancellationToken.ThrowIfCancellationRequested();
        nurse ??= await OpenNurse(directory, Nurse, NurseKey, home, taken);
        home = await TeamOf(nurse) ?? home;
        colleague ??= await OpenNurse(directory, Colleague, ColleagueKey, home, taken);
        newcomer ??= await OpenNurse(directory, Newcomer, NewcomerKey, teams.Where(t => t.Id != home?.Id).OrderBy(t => t.Nurses.Count).FirstOrDefault(), taken);

        var client = await users.FindByNameAsync(Client);
        if (client is null && home is not null && home.ClientIds.Count > 0 && await grains.GetGrain<IClientGrain>(home.ClientIds[0]).Get() is { } record)
        {
            client = await directory.Open(Client, Password, AccountRole.Client, record.Details.Name, record.Id);
        }

        var family = await users.FindByNameAsync(Family) ?? await OpenFamily(directory, client);
        var central = await users.FindByNameAsync(Central) ?? await directory.Open(Central, Password, AccountRole.Central, "Centraal bureau", authenticatorKey: CentralKey);
        var operations = await users.FindByNameAsync(Operations) ?? await directory.Open(Operations, Password, AccountRole.Operations, "Technisch beheer", authenticatorKey: OperationsKey);

        var opened = new List<DemoAccount>();
        foreach (var (account, key) in new[] { (nurse, NurseKey), (colleague, ColleagueKey), (newcomer, NewcomerKey) })
        {
            if (account is not null)
            {
                opened.Add(new DemoAccount(account.UserName, AccountRole.Nurse, await DescribeNurse(account), key));
            }
        }

        if (client is not null)
        {
            opened.Add(new DemoAccount(client.UserName, AccountRole.Client, await DescribeClient(client), null));
        }

        if (family is not null)
        {
            opened.Add(new DemoAccount(family.UserName, AccountRole.Family, await DescribeFamily(family, store), null));
        }

        opened.Add(new DemoAccount(central.UserName, AccountRole.Central, "central office: capacity figures only", CentralKey));
        opened.Add(new DemoAccount(operations.UserName, AccountRole.Operations, "operations: the Orleans dashboard at /dashboard, no client data", OperationsKey));
        return opened;
    }

    /// <summary>
    /// Listed teams that work: not divided (a divided parent keeps only its lineage) and with
    /// nurses. When every first team has divided, their children are listed, so they are found.
    /// </summary>
    private async Task<List<TeamSnapshot>> LiveTeams()
    {
        var live = new List<TeamSnapshot>();
        foreach (var listing in await grains.GetGrain<ITeamDirectoryGrain>(0).List())
        {
            if (await grains.GetGrain<ITeamGrain>(listing.Id).Get() is { IsDivided: false, Nurses.Count: > 0 } team)
            {
                live.Add(team);
            }
        }

        return live;
    }

    private async Task<TeamSnapshot?> TeamOf(Account? account) =>
        account?.SubjectId is { } nurseId && await grains.GetGrain<INurseGrain>(nurseId).Get() is { TeamId: { } teamId }
            ? await grains.GetGrain<ITeamGrain>(teamId).Get() is { IsDivided: false } team ? team : null
            : null;

    private static async Task<Account?> OpenNurse(AccountDirectory directory, string userName, string key, TeamSnapshot? team, HashSet<Guid> taken)
    {
        if (team?.Nurses.FirstOrDefault(n => !taken.Contains(n.NurseId)) is not { } member)
        {
            return null;
        }

        taken.Add(member.NurseId);
        return await directory.Open(userName, Password, AccountRole.Nurse, member.Name, member.NurseId, key);
    }

    /// <summary>
    /// Links a relative of the client account's client. Only when the account is opened: from then
    /// on the tier is the client's choice, and a restart must not overrule it.
    /// </summary>
    private async Task<Account?> OpenFamily(AccountDirectory directory, Account? client)
    {
        if (client?.SubjectId is not { } clientId || await grains.GetGrain<IClientGrain>(clientId).Get() is not { } record)
        {
            return null;
        }

        var grain = grains.GetGrain<IClientGrain>(clientId);
        var relative = record.Network.FirstOrDefault();
        if (relative is null)
        {
            relative = new NetworkMember(Guid.NewGuid(), new NetworkMemberDetails("Sanne de Vries", NetworkRelation.Family, "dochter", null, null, null), NetworkAccess.CarePlan);
            await grain.AddNetworkMember(relative.Id, relative.Details);
        }

        await grain.SetNetworkAccess(relative.Id, NetworkAccess.CarePlan);
        var opened = await directory.Open(Family, Password, AccountRole.Family, relative.Details.Name);
        await directory.Link(opened, clientId, relative.Id);
        return opened;
    }

    private async Task<string> DescribeNurse(Account account)
    {
        var team = await TeamOf(account);
        return team is null ? $"{account.DisplayName}, in no team" : $"{account.DisplayName}, team {team.Name} ({team.Nurses.Count} nurses)";
    }

    private async Task<string> DescribeClient(Account account) =>
        account.SubjectId is { } id && await grains.GetGrain<IClientGrain>(id).Get() is { } record
            && await grains.GetGrain<ITeamGrain>(record.Details.TeamId).Get() is { } team
            ? $"{record.Details.Name}, client of team {team.Name}"
            : account.DisplayName;

    private async Task<string> DescribeFamily(Account account, AccountStore store)
    {
        foreach (var clientId in await store.LinkedClients(account.Id))
        {
            if (await store.MemberOf(account.Id, clientId) is { } memberId
                && await grains.GetGrain<IClientGrain>(clientId).Get() is { } record
                && record.Network.FirstOrDefault(m => m.Id == memberId) is { } member)
            {
                return $"{account.DisplayName}, in {record.Details.Name}'s network ({Tier(member.Access)})";
            }
        }

        return $"{account.DisplayName}, in no client's network";
    }

    private static string Tier(NetworkAccess access) => access switch
    {
        NetworkAccess.CarePlan => "care plan access",
        NetworkAccess.Agenda => "agenda access",
        _ => "no access",
    };
}
