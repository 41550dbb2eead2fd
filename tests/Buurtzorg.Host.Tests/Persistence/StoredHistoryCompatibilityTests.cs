using System.Text.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Grains;
using Buurtzorg.Grains.CarePlans;
using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Host.Tests.Persistence.EarlierRelease;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace Buurtzorg.Host.Tests.Persistence;

/// <summary>
/// Care plans and clients stored before their history moved to log pages read as they did, on
/// both databases; a plan's next edit moves its log to pages, and what it then stores is small.
/// </summary>
public abstract class StoredHistoryCompatibilityTests
{
    private static readonly Guid Nurse = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    protected abstract TestHost Host { get; }

    private IGrainStorage Storage => Host.App.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    private IGrainFactory Grains => Host.App.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task A_care_plan_stored_with_its_whole_log_reads_the_same_and_goes_on_with_its_log_in_pages()
    {
        var id = Guid.NewGuid();
        var written = new CarePlanProblem(38, ProblemScope.Individual, ProblemType.Actual, ["kortademig"], [], []);
        var ratings = Enumerable.Range(1, 40).Select(Rating).ToList();
        var older = new CarePlanStateV1 { Version = 1 + ratings.Count, ChangedAt = At.AddDays(ratings.Count), Problems = [written with { Ratings = ratings }] };
        older.Log.Add(new CarePlanLogEntryV1 { Version = 1, At = At, By = Nurse, Kind = CarePlanChangeKind.ProblemWritten, ProblemCode = 38, ProblemAfter = written });
        for (var i = 1; i <= ratings.Count; i++)
        {
            older.Log.Add(new CarePlanLogEntryV1 { Version = 1 + i, At = At.AddDays(i), By = Nurse, Kind = CarePlanChangeKind.OutcomeRated, ProblemCode = 38, ProblemAfter = written with { Ratings = ratings[..i] } });
        }

        var plan = Grains.GetGrain<ICarePlanGrain>(id);
        await Storage.WriteStateAsync("care-plan", plan.GetGrainId(), new GrainState<CarePlanStateV1>(older));

        var current = await plan.Get();
        Assert.Equal(Json(new CarePlanSnapshot(id, 41, At.AddDays(40), [written with { Ratings = ratings }], [])), Json(current));
        Assert.Equal(Json(new CarePlanSnapshot(id, 11, At.AddDays(10), [written with { Ratings = ratings[..10] }], [])), Json(await plan.GetVersion(11)));
        Assert.Equal(Enumerable.Range(1, 41), (await plan.GetHistory()).Select(c => c.Version));

        var next = await plan.RateOutcome(41, 38, Rating(41), Nurse);
        await plan.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal(CarePlanError.None, next.Error);
        Assert.Equal(Json(next.Plan), Json(await plan.Get()));
        Assert.Equal(Json(current.Problems[0].Ratings), Json((await plan.GetVersion(41))!.Problems[0].Ratings));
        Assert.Equal(Enumerable.Range(1, 42), (await plan.GetHistory()).Select(c => c.Version));
        var head = new GrainState<CarePlanState>(new CarePlanState());
        await Storage.ReadStateAsync("care-plan", plan.GetGrainId(), head);
        Assert.Equal((2, 42, 0, 0), (head.State!.Schema, head.State.Version, head.State.Log.Count, head.State.Problems.Count));

        // The next rating rewrites the small head, its sync mark and the last page, not the forty ratings before it.
        await plan.RateOutcome(42, 38, Rating(42), Nurse);
        var owner = plan.GetGrainId();
        var lastPage = GrainId.Create(owner.Type, GrainIdKeyExtensions.CreateGuidKey(id, $"{(43 - 1) / Buurtzorg.Grains.History.PagedLog<object>.PageSize}"));
        var stored = await Size<CarePlanState>("care-plan", owner) + await Size<CarePlanSynced>("care-plan-synced", owner)
            + await Size<Buurtzorg.Grains.History.LogPage<CarePlanLogEntry>>(CarePlanGrain.LogName, lastPage);
        Assert.InRange(stored, 1, 4_000);
    }

    [Fact]
    public async Task A_client_stored_before_its_changes_were_logged_reads_the_same_and_goes_on()
    {
        var id = Guid.NewGuid();
        var details = new ClientRegistration(
            "Mevrouw Jansen", new DateOnly(1938, 4, 2), new Address("Amsterdamsestraatweg", "512", "3553 EJ", "Utrecht", new GeoPoint(52.11, 5.09)),
            "030 123 4567", Guid.NewGuid(), 6, new DateOnly(2026, 1, 5));
        var anna = new NetworkMember(Guid.NewGuid(), new NetworkMemberDetails("Anna", NetworkRelation.Family, null, null, null, null), NetworkAccess.Agenda);
        var client = Grains.GetGrain<IClientGrain>(id);
        await Storage.WriteStateAsync("client", client.GetGrainId(), new GrainState<ClientStateV1>(new ClientStateV1 { Version = 7, Details = details, Network = [anna] }));

        Assert.Equal(Json(new ClientRecord(id, 7, details, ClientStatus.Active, [anna])), Json(await client.Get()));

        var changed = await client.SetNetworkAccess(anna.Id, NetworkAccess.CarePlan);
        await client.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal((8L, NetworkAccess.CarePlan), (changed.Client!.Version, changed.Client.Network[0].Access));
        Assert.Equal(Json(changed.Client), Json(await client.Get()));
    }

    /// <summary>A row's stored payload, in bytes (0 if there is none).</summary>
    private async Task<int> Size<T>(string name, GrainId id)
        where T : class, new()
    {
        var state = new GrainState<T>(new T());
        await Storage.ReadStateAsync(name, id, state);
        return state.RecordExists ? JsonSerializer.SerializeToUtf8Bytes(state.State).Length : 0;
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static OutcomeRating Rating(int day) => new(RatingMoment.Review, new DateOnly(2025, 1, 1).AddDays(day), 3, 4, 2);
}

public sealed class SqliteStoredHistoryCompatibilityTests(SqliteHostFixture fixture)
    : StoredHistoryCompatibilityTests, IClassFixture<SqliteHostFixture>
{
    protected override TestHost Host => fixture.Host;
}

public sealed class PostgresStoredHistoryCompatibilityTests(PostgresHostFixture fixture)
    : StoredHistoryCompatibilityTests, IClassFixture<PostgresHostFixture>
{
    protected override TestHost Host => fixture.Host;
}
