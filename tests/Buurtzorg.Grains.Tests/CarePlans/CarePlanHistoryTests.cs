using System.Text.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Grains.CarePlans;
using Buurtzorg.Grains.Idempotency;
using Orleans.Core.Internal;

namespace Buurtzorg.Grains.Tests.CarePlans;

/// <summary>
/// A care plan is its log, stored a page at a time beside a small head: what the plan pages
/// show, its earlier versions and the answers of kept edits must be what they were when the
/// whole log sat in the plan's state, also across a failed write and a new activation.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CarePlanHistoryTests(ClusterFixture fixture)
{
    private static readonly Guid Nurse = Guid.NewGuid();

    [Fact]
    public async Task A_rating_whose_head_write_fails_after_its_log_page_is_not_in_the_plan_and_its_retry_is_stored_once()
    {
        var plan = await NewPlan(problems: 2);
        await plan.RateOutcome(2, 1, Rating(1), Nurse);
        var before = await Read(plan);

        // The page holds the entry, the head that would make it part of the plan is refused.
        using (fixture.Storage.FailWrites(plan.GetGrainId()))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Keyed("rate", () => plan.RateOutcome(3, 2, Rating(2), Nurse).AsTask()));
        }

        Assert.Equal(before, await Read(plan));
        await Reactivate(plan);
        Assert.Equal(before, await Read(plan));

        var stored = await Keyed("rate", () => plan.RateOutcome(3, 2, Rating(3), Nurse).AsTask());
        var again = await Keyed("rate", () => plan.RateOutcome(3, 2, Rating(3), Nurse).AsTask());

        Assert.Equal((CarePlanError.None, 4), (stored.Error, stored.Plan.Version));
        Assert.Equal(Json(stored), Json(again));
        Assert.Equal([Rating(3)], stored.Plan.Problems.Single(p => p.Code == 2).Ratings);
        Assert.Equal([1, 2, 3, 4], (await plan.GetHistory()).Select(c => c.Version));
        var after = await Read(plan);
        await Reactivate(plan);
        Assert.Equal(after, await Read(plan));
    }

    [Fact]
    public async Task A_kept_edit_answers_the_plan_as_it_left_it_after_later_edits_and_a_new_activation()
    {
        var plan = await NewPlan(problems: 1);
        var first = await Keyed("first", () => plan.RateOutcome(1, 1, Rating(1), Nurse).AsTask());
        for (var version = 2; version < 2 + (2 * Grains.History.PagedLog<CarePlanLogEntry>.PageSize); version++)
        {
            await plan.RateOutcome(version, 1, Rating(version), Nurse);
        }

        await Reactivate(plan);
        var again = await Keyed("first", () => plan.RateOutcome(1, 1, Rating(1), Nurse).AsTask());

        Assert.Equal(Json(first), Json(again));
        Assert.Single(again.Plan.Problems[0].Ratings);
    }

    [Fact]
    public async Task A_rewritten_problem_keeps_its_ratings_and_a_removed_one_comes_back_without_them_in_every_version()
    {
        var plan = await NewPlan(problems: 1);
        await plan.RateOutcome(1, 1, Rating(1), Nurse);
        await plan.WriteProblem(2, Problem(1, "herschreven"), Nurse);
        await plan.RemoveProblem(3, 1, Nurse);
        await plan.WriteProblem(4, Problem(1, "terug"), Nurse);

        Assert.Equal([Rating(1)], (await plan.GetVersion(3))!.Problems[0].Ratings);
        Assert.Equal("herschreven", (await plan.GetVersion(3))!.Problems[0].SignsAndSymptoms[0]);
        Assert.Empty((await plan.GetVersion(4))!.Problems);
        Assert.Empty((await plan.Get()).Problems[0].Ratings);
        Assert.Null(await plan.GetVersion(6));
    }

    [Fact]
    public async Task A_plan_stored_with_its_whole_log_in_its_state_reads_the_same_and_moves_its_log_to_pages_on_the_next_edit()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        var written = new CarePlanProblem(1, ProblemScope.Individual, ProblemType.Actual, ["kortademig"], [], []);
        var rated = written with { Ratings = [Rating(1)] };
        var older = new CarePlanState
        {
            Schema = 1,
            Version = 2,
            ChangedAt = at.AddDays(1),
            Problems = [rated],
            Log =
            [
                new CarePlanLogEntry { Version = 1, At = at, By = Nurse, Kind = CarePlanChangeKind.ProblemWritten, ProblemCode = 1, ProblemAfter = written },
                new CarePlanLogEntry { Version = 2, At = at.AddDays(1), By = Nurse, Kind = CarePlanChangeKind.OutcomeRated, ProblemCode = 1, ProblemAfter = rated },
            ],
        };
        var plan = fixture.Grains.GetGrain<ICarePlanGrain>(id);
        await fixture.Storage.WriteStateAsync("care-plan", plan.GetGrainId(), new GrainState<CarePlanState>(older));

        Assert.Equal(Json(new CarePlanSnapshot(id, 2, at.AddDays(1), [rated], [])), Json(await plan.Get()));
        Assert.Equal(Json(new CarePlanSnapshot(id, 1, at, [written], [])), Json(await plan.GetVersion(1)));

        // Cut off after its pages and before its head: the plan is still the one its state holds.
        var before = await Read(plan);
        using (fixture.Storage.FailWrites(plan.GetGrainId()))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => plan.RateOutcome(2, 1, Rating(9), Nurse).AsTask());
        }

        Assert.Equal(before, await Read(plan));
        await Reactivate(plan);
        Assert.Equal(before, await Read(plan));

        var next = await plan.RateOutcome(2, 1, Rating(2), Nurse);
        await Reactivate(plan);

        Assert.Equal([Rating(1), Rating(2)], next.Plan.Problems[0].Ratings);
        Assert.Equal(Json(next.Plan), Json(await plan.Get()));
        Assert.Equal([1, 2, 3], (await plan.GetHistory()).Select(c => c.Version));
        var head = await fixture.Storage.Stored<CarePlanState>("care-plan", plan.GetGrainId());
        Assert.Equal((2, 3, 0, 0), (head.Schema, head.Version, head.Log.Count, head.Problems.Count));
    }

    private async Task<ICarePlanGrain> NewPlan(int problems)
    {
        var plan = fixture.Grains.GetGrain<ICarePlanGrain>(Guid.NewGuid());
        for (var code = 1; code <= problems; code++)
        {
            await plan.WriteProblem(code - 1, Problem(code, "kortademig"), Nurse);
        }

        return plan;
    }

    [Fact]
    public async Task The_circles_steps_are_versions_of_the_plan_that_replay_the_same_after_a_new_activation_and_a_kept_answer_replays_its_own()
    {
        var plan = await NewPlan(problems: 1);
        var daughter = new PlanActor(PlanActorKind.NetworkMember, Guid.NewGuid());
        var when = new CircleTaskTiming([DayOfWeek.Friday, DayOfWeek.Tuesday], null, Contracts.Capacity.PartOfDay.Morning);
        var proposal = new CircleTaskProposal(Guid.NewGuid(), "ik doe de boodschappen", when, daughter.Id);

        var proposed = await Keyed("propose", () => plan.ProposeCircleTask(proposal, daughter).AsTask());
        var replayed = await Keyed("propose", () => plan.ProposeCircleTask(proposal with { Id = Guid.NewGuid() }, daughter).AsTask());
        Assert.Equal(Json(proposed), Json(replayed));
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], Assert.Single(proposed.Plan.CircleTasks).When.Days);

        var agreement = new CircleTaskAgreement(1, InterventionCategory.CaseManagement, 74, null, null, null);
        var agreed = await plan.AgreeCircleTask(proposal.Id, agreement, Nurse);
        Assert.Equal(CarePlanError.None, agreed.Error);
        Assert.Equal(CarePlanError.None, (await plan.AgreeCircleTask(proposal.Id, agreement, Nurse)).Error);
        Assert.Equal(CarePlanError.CircleTaskAnswered, (await plan.DeclineCircleTask(proposal.Id, "Dat doen wij.", Nurse)).Error);
        Assert.Equal(CarePlanError.NotTheProposer, (await plan.WithdrawCircleTask(proposal.Id, new PlanActor(PlanActorKind.Client, Guid.NewGuid()))).Error);
        Assert.Equal(agreed.Plan.Version, (await plan.Get()).Version);

        var added = agreed.Plan.Problems.Single().Interventions.Single(i => i.PerformedBy == Performer.Network);
        Assert.Equal((daughter.Id, 2), (added.NetworkMemberId, added.Schedule.TimesPerPeriod));
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], added.Schedule.Days!);
        // The version before the agreement had the proposal and not yet the intervention.
        var before = (await plan.GetVersion(agreed.Plan.Version - 1))!;
        Assert.Equal(CircleTaskStatus.Proposed, Assert.Single(before.CircleTasks).Status);
        Assert.DoesNotContain(before.Problems.Single().Interventions, i => i.PerformedBy == Performer.Network);
        Assert.Equal(
            [(CarePlanChangeKind.CircleTaskProposed, PlanActorKind.NetworkMember, daughter.Id), (CarePlanChangeKind.CircleTaskAgreed, PlanActorKind.Nurse, Nurse)],
            (await plan.GetHistory()).Where(c => c.CircleTaskId == proposal.Id).Select(c => (c.Kind, c.ByKind, c.By)));

        var read = await Read(plan);
        await Reactivate(plan);
        Assert.Equal(read, await Read(plan));
    }

    [Fact]
    public void A_schedule_stored_before_days_existed_reads_without_days()
    {
        var stored = """{"TimesPerPeriod":2,"Period":2,"WindowStart":"08:00:00","WindowEnd":"10:00:00","DurationMinutes":15,"RequiredQualification":null,"TwoNurses":false}""";

        var schedule = JsonSerializer.Deserialize<InterventionSchedule>(stored)!;

        Assert.Equal((2, SchedulePeriod.Week, (IReadOnlyList<DayOfWeek>?)null), (schedule.TimesPerPeriod, schedule.Period, schedule.Days));
    }

    /// <summary>Everything the plan's pages can read: the plan, each earlier version and the history.</summary>
    private static async Task<string> Read(ICarePlanGrain plan)
    {
        var current = await plan.Get();
        var versions = new List<CarePlanSnapshot?>();
        for (var version = 0; version <= current.Version; version++)
        {
            versions.Add(await plan.GetVersion(version));
        }

        return JsonSerializer.Serialize(new { current, versions, history = await plan.GetHistory() });
    }

    /// <summary>The next call finds a new activation, which knows only what was stored.</summary>
    private static async Task Reactivate(ICarePlanGrain plan) => await plan.Cast<IGrainManagementExtension>().DeactivateOnIdle();

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static OutcomeRating Rating(int day) => new(RatingMoment.Review, new DateOnly(2026, 1, 1).AddDays(day), 3, 4, 2);

    private static ProblemEdit Problem(int code, string sign) => new(
        code, ProblemScope.Individual, ProblemType.Actual, [sign],
        [new Intervention(
            Guid.Parse("5f0e7a52-4c43-4f7e-9b0a-6f3d3c8a0b01"), InterventionCategory.TreatmentsAndProcedures, 39, "Medicatie geven",
            new InterventionSchedule(1, SchedulePeriod.Day, new TimeOnly(8, 0), new TimeOnly(10, 0), 15, Qualification.InjectionsAndMedication, false),
            Performer.Team, null)]);

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
