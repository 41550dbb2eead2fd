using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Idempotency;
using Xunit.Abstractions;

namespace Buurtzorg.Grains.Tests.Clients;

/// <summary>
/// What one change of a client or a care plan stores, in bytes over every row it writes: it
/// must depend on the change, not on how long the record has been kept. Each figure is printed,
/// so a run shows it (`dotnet test --filter RecordGrowthTests --logger "console;verbosity=detailed"`).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RecordGrowthTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Later = (13 * Grains.History.PagedLog<object>.PageSize) - 1;

    [Fact]
    public async Task A_network_change_of_a_full_network_stores_as_much_after_two_hundred_keyed_changes_as_after_one()
    {
        var (id, client) = await NewClient();
        for (var i = 0; i < ClientLimits.MaxNetworkMembers; i++)
        {
            await Keyed($"add-{i}", () => client.AddNetworkMember(Guid.NewGuid(), Member(i)).AsTask());
        }

        var members = (await client.Get())!.Network;

        // The ledger of recent keyed outcomes is bounded, not history: it is full before the first figure.
        for (var i = 0; i < OutcomeLedger.Capacity; i++)
        {
            await Keyed($"fill-{i}", () => client.SetNetworkAccess(members[i % members.Count].Id, (NetworkAccess)(i % 3)).AsTask());
        }

        var early = await BytesOf(id, () => Keyed("early", () => client.SetNetworkAccess(members[0].Id, NetworkAccess.Agenda).AsTask()));
        // Whole pages later, so both figures rewrite a log page holding as many entries.
        for (var i = 0; i < Later; i++)
        {
            await Keyed($"access-{i}", () => client.SetNetworkAccess(members[i % members.Count].Id, (NetworkAccess)(i % 3)).AsTask());
        }

        var late = await BytesOf(id, () => Keyed("late", () => client.SetNetworkAccess(members[1].Id, NetworkAccess.CarePlan).AsTask()));

        output.WriteLine($"client, {members.Count} network members: {early} bytes per keyed change after {31 + OutcomeLedger.Capacity} changes, {late} after {32 + OutcomeLedger.Capacity + Later}");
        Assert.True(late <= early + 100, $"{late} bytes late against {early} early");
    }

    [Fact]
    public async Task A_rating_stores_as_much_after_two_hundred_ratings_as_after_one()
    {
        var id = Guid.NewGuid();
        var plan = fixture.Grains.GetGrain<ICarePlanGrain>(id);
        var by = Guid.NewGuid();
        for (var code = 1; code <= 5; code++)
        {
            var version = (await plan.Get()).Version;
            await Keyed($"write-{code}", () => plan.WriteProblem(version, Problem(code), by).AsTask());
        }

        for (var i = 0; i < OutcomeLedger.Capacity; i++)
        {
            await Rate(plan, $"fill-{i}", by);
        }

        var early = await BytesOf(id, () => Rate(plan, "early", by));
        for (var i = 0; i < Later; i++)
        {
            await Rate(plan, $"rate-{i}", by);
        }

        var late = await BytesOf(id, () => Rate(plan, "late", by));

        output.WriteLine($"care plan, 5 problems: {early} bytes per keyed rating after {6 + OutcomeLedger.Capacity} edits, {late} after {7 + OutcomeLedger.Capacity + Later}");
        Assert.True(late <= early + 100, $"{late} bytes late against {early} early");
    }

    private static async Task<CarePlanResult> Rate(ICarePlanGrain plan, string key, Guid by)
    {
        var version = (await plan.Get()).Version;
        return await Keyed(key, () => plan.RateOutcome(version, 1 + (version % 5), new OutcomeRating(RatingMoment.Review, new DateOnly(2026, 1, 1).AddDays(version), 3, 4, 2), by).AsTask());
    }

    private async Task<int> BytesOf(Guid key, Func<Task> change)
    {
        var before = fixture.Storage.Log.Count;
        await change();
        var writes = fixture.Storage.WritesSince(before, key);
        output.WriteLine(string.Join(", ", writes.Select(w => $"{w.StateName} {w.Bytes} B")));
        return writes.Sum(w => w.Bytes);
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

    private static NetworkMemberDetails Member(int i) => new(
        $"Familielid {i} van mevrouw Jansen", NetworkRelation.Family, "kleinkind", "06 1234 5678", $"familielid{i}@example.nl", "boodschappen op zaterdag");

    private static ProblemEdit Problem(int code) => new(
        code, ProblemScope.Individual, ProblemType.Actual, ["kortademig bij inspanning", "vergeet medicatie"],
        [new Intervention(
            Guid.NewGuid(), InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven en controleren of die is ingenomen",
            new InterventionSchedule(1, SchedulePeriod.Day, new TimeOnly(8, 0), new TimeOnly(10, 0), 15, Qualification.InjectionsAndMedication, false),
            Performer.Team, null)]);

    private static async Task<T> Keyed<T>(string key, Func<Task<T>> call)
    {
        // Keys of one length, as the host's are: the ledger's size then says nothing about which key came when.
        key = key.PadRight(24, '.');
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
