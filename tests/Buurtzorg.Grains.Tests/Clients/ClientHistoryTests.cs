using System.Text.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Clients;
using Buurtzorg.Grains.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace Buurtzorg.Grains.Tests.Clients;

/// <summary>
/// A client keeps the outcome of a keyed change as a version number and its changes in log
/// pages: a retry must still answer exactly what the change answered, whatever came after.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientHistoryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_kept_change_answers_the_record_as_it_left_it_after_every_kind_of_later_change()
    {
        var (_, client) = await NewClient();
        var anna = Guid.NewGuid();
        var bram = Guid.NewGuid();
        var carla = Guid.NewGuid();
        await client.AddNetworkMember(anna, Member("Anna"));
        var first = await Keyed("add-bram", () => client.AddNetworkMember(bram, Member("Bram")).AsTask());
        var access = await Keyed("access-anna", () => client.SetNetworkAccess(anna, NetworkAccess.CarePlan).AsTask());

        await client.AddNetworkMember(carla, Member("Carla"));
        await client.UpdateNetworkMember(bram, Member("Bram Jansen"));
        await client.RemoveNetworkMember(anna);
        await client.ChangeStatus(ClientStatus.Paused);
        await client.SetNetworkAccess(bram, NetworkAccess.Agenda);
        await Reactivate(client);

        // As the change left it, except that Anna, taken out of the network since, is erased
        // from its history too (AVG art. 17): her entry keeps its id, relation and access only.
        Assert.Equal(Json(Erased(first, anna)), Json(await Keyed("add-bram", () => client.AddNetworkMember(bram, Member("Bram")).AsTask())));
        Assert.Equal(Json(Erased(access, anna)), Json(await Keyed("access-anna", () => client.SetNetworkAccess(anna, NetworkAccess.CarePlan).AsTask())));
        Assert.Contains(access.Client!.Network, m => m.Id == anna && m.Details.Name == "Anna");
        Assert.Equal(["Bram Jansen", "Carla"], (await client.Get())!.Network.Select(m => m.Details.Name));
    }

    private static ClientResult Erased(ClientResult result, Guid memberId) => result with
    {
        Client = result.Client! with { Network = [.. result.Client.Network.Select(m => m.Id == memberId ? m with { Details = m.Details.Erased() } : m)] },
    };

    [Fact]
    public async Task A_network_change_whose_head_write_fails_after_its_log_page_is_not_kept_and_its_retry_is_stored_once()
    {
        var (_, client) = await NewClient();
        var anna = Guid.NewGuid();
        await client.AddNetworkMember(anna, Member("Anna"));
        var before = Json(await client.Get());

        using (fixture.Storage.FailWrites(client.GetGrainId()))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Keyed("access", () => client.SetNetworkAccess(anna, NetworkAccess.Agenda).AsTask()));
        }

        Assert.Equal(before, Json(await client.Get()));
        await Reactivate(client);
        Assert.Equal(before, Json(await client.Get()));

        var stored = await Keyed("access", () => client.SetNetworkAccess(anna, NetworkAccess.Agenda).AsTask());
        await client.SetNetworkAccess(anna, NetworkAccess.CarePlan);
        await Reactivate(client);
        var again = await Keyed("access", () => client.SetNetworkAccess(anna, NetworkAccess.Agenda).AsTask());

        Assert.Equal((ClientError.None, 3L, NetworkAccess.Agenda), (stored.Error, stored.Client!.Version, stored.Client.Network[0].Access));
        Assert.Equal(Json(stored), Json(again));
        Assert.Equal((4L, NetworkAccess.CarePlan), ((await client.Get())!.Version, (await client.Get())!.Network[0].Access));
    }

    [Fact]
    public async Task A_client_stored_with_whole_outcomes_replays_them_and_keeps_new_ones_by_version()
    {
        var (id, client) = await NewClient();
        var kept = await Keyed("add-anna", () => client.AddNetworkMember(Guid.NewGuid(), Member("Anna")).AsTask());
        var stored = await fixture.Storage.Stored<ClientState>("client", client.GetGrainId());
        var entry = stored.Outcomes.Entries.Single(e => e.Key == "add-anna");
        Assert.Equal((2, (long?)kept.Client!.Version, (byte[]?)null), (stored.Schema, entry.Version, entry.Outcome));

        // As an earlier release stored it: the outcome whole, in Orleans' serialization.
        var serializer = fixture.Cluster.Client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>();
        stored.Schema = 1;
        stored.Outcomes.Entries = [entry with { Version = null, Outcome = serializer.SerializeToArray<object>(kept) }];
        await Reactivate(client);
        var older = new GrainState<ClientState>(stored) { ETag = (await ReadEtag(client)) };
        await fixture.Storage.WriteStateAsync("client", client.GetGrainId(), older);
        await client.AddNetworkMember(Guid.NewGuid(), Member("Bram"));

        Assert.Equal(Json(kept), Json(await Keyed("add-anna", () => client.AddNetworkMember(Guid.NewGuid(), Member("Anna")).AsTask())));
        Assert.Equal(["Anna", "Bram"], (await client.Get())!.Network.Select(m => m.Details.Name));
        Assert.Equal(id, (await client.Get())!.Id);
    }

    private async Task<string?> ReadEtag(IClientGrain client)
    {
        var state = new GrainState<ClientState>(new ClientState());
        await fixture.Storage.ReadStateAsync("client", client.GetGrainId(), state);
        return state.ETag;
    }

    private async Task<(Guid Id, IClientGrain Client)> NewClient()
    {
        var teamId = Guid.NewGuid();
        await fixture.Grains.GetGrain<ITeamGrain>(teamId).Create("Buurtzorg Zuilen");
        var id = Guid.NewGuid();
        var client = fixture.Grains.GetGrain<IClientGrain>(id);
        await client.Register(new ClientRegistration(
            "Mevrouw Jansen", new DateOnly(1938, 4, 2), new Address("Amsterdamsestraatweg", "512", "3553 EJ", "Utrecht", new GeoPoint(52.11, 5.09)),
            "030 123 4567", teamId, 6, new DateOnly(2026, 1, 5)));
        return (id, client);
    }

    /// <summary>The next call finds a new activation, which knows only what was stored.</summary>
    private static async Task Reactivate(IClientGrain client) => await client.Cast<IGrainManagementExtension>().DeactivateOnIdle();

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static NetworkMemberDetails Member(string name) => new(name, NetworkRelation.Family, null, "06 1234 5678", null, null);

    private static async Task<T> Keyed<T>(string key, Func<Task<T>> call)
    {
        IdempotentRequest.Carry(key, "request " + key);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Clear();
        }
    }
}
