using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.CarePlans;
using Buurtzorg.Host.CarePlans.Circle;
using Buurtzorg.Host.Tests.Calendar;
using Buurtzorg.Host.Tests.Infrastructure;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.CarePlans;

/// <summary>
/// "The client's circle first" over real HTTP with real sign-ins: the client and relatives with
/// care-plan access propose what they do themselves, the team answers, the plan and its history
/// say who, and a relative's own agreed task is in her calendar feed.
/// </summary>
public sealed class CircleTasksApiTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private const int Nutrition = 35;

    private TestHost Host => fixture.Host;

    /// <summary>
    /// A team with nurse Anne, client Johanna with a care plan (nutrition), her daughter Anna
    /// (care plan access) and neighbour Kees (agenda), each signed in; and a nurse of another team.
    /// </summary>
    private sealed record Circle(
        Guid Team, Guid Client, Guid Anna, Guid Kees, HttpClient Nurse, HttpClient OtherNurse, HttpClient Johanna, HttpClient AnnaHttp, HttpClient KeesHttp)
    {
        public string Tasks => $"/api/clients/{Client}/care-plan/circle-tasks";
    }

    private async Task<Circle> World()
    {
        var n = Guid.NewGuid().ToString("N")[..8];
        var team = await Host.FoundTeam($"Buurtzorg Lombok {n}");
        var other = await Host.FoundTeam($"Buurtzorg Zuilen {n}");
        await Host.Hire(team, "Anne de Wit", $"anne-{n}");
        await Host.Hire(other, "Carla Smit", $"carla-{n}");
        var anne = await Host.SignIn($"anne-{n}");
        var client = await anne.Http.AddClient(team, "Johanna de Groot");
        var anna = await Member(anne.Http, client.Id, "Anna de Vries", "dochter", NetworkAccess.CarePlan);
        var kees = await Member(anne.Http, client.Id, "Kees Mulder", null, NetworkAccess.Agenda);
        var plan = await anne.Http.PutAsJsonAsync($"/api/clients/{client.Id}/care-plan/problems/{Nutrition}", new
        {
            expectedVersion = 0, scope = "Individual", type = "Actual", signsAndSymptoms = new[] { "eet te weinig" }, interventions = Array.Empty<object>(),
        }, Json);
        plan.EnsureSuccessStatusCode();

        await Host.OpenAccount($"johanna-{n}", AccountRole.Client, client.Id);
        await Host.Link(await Host.OpenAccount($"anna-{n}", AccountRole.Family), client.Id, anna);
        await Host.Link(await Host.OpenAccount($"kees-{n}", AccountRole.Family), client.Id, kees);
        return new Circle(
            team, client.Id, anna, kees, anne.Http, (await Host.SignIn($"carla-{n}")).Http,
            (await Host.SignIn($"johanna-{n}")).Http, (await Host.SignIn($"anna-{n}")).Http, (await Host.SignIn($"kees-{n}")).Http);
    }

    private static async Task<Guid> Member(HttpClient nurse, Guid client, string name, string? relationDescription, NetworkAccess access)
    {
        var added = await nurse.PostAsJsonAsync($"/api/clients/{client}/network", new { name, relation = "Family", relationDescription }, Json);
        added.EnsureSuccessStatusCode();
        var id = (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single(m => m.Details.Name == name).Id;
        (await nurse.PutAsJsonAsync($"/api/clients/{client}/network/{id}/access", new { access }, Json)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<CircleTaskView> Answer(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CircleTaskView>(Json))!;
    }

    private static void Same(CircleTaskView expected, CircleTaskView actual) => Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    [Fact]
    public async Task A_daughter_proposes_her_shopping_the_team_agrees_and_the_plan_her_page_the_history_and_her_calendar_say_it_is_hers()
    {
        var w = await World();
        var shopping = new { text = "ik doe de boodschappen op dinsdag en vrijdag", days = new[] { "Friday", "Tuesday" }, at = "10:00" };

        // Kees sees the visits only: the circle's part of the plan is closed to him, as the plan is.
        Assert.Equal(HttpStatusCode.NotFound, (await w.KeesHttp.PostAsJsonAsync(w.Tasks, shopping, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.KeesHttp.GetAsync(w.Tasks)).StatusCode);
        // The team answers; it does not propose in the circle's name.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Nurse.PostAsJsonAsync(w.Tasks, shopping, Json)).StatusCode);
        // A relative proposes for herself only.
        await ProblemAssert.Problem(await w.AnnaHttp.PostAsJsonAsync(w.Tasks, new { shopping.text, shopping.days, networkMemberId = w.Kees }, Json), HttpStatusCode.BadRequest, "networkMemberId");

        var proposed = await Answer(await w.AnnaHttp.PostAsJsonAsync(w.Tasks, shopping, Json), HttpStatusCode.Created);
        Assert.Equal((CircleTaskStatus.Proposed, true, true, true), (proposed.Status, proposed.DoneBy.IsYou, proposed.ProposedBy.IsYou, proposed.CanWithdraw));
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], proposed.When.Days);

        // Another team's nurse finds nothing to answer; the client's team sees who proposed it.
        Assert.Equal(HttpStatusCode.NotFound, (await w.OtherNurse.PostAsJsonAsync($"{w.Tasks}/{proposed.Id}/agree", new { problemCode = Nutrition }, Json)).StatusCode);
        var seen = Assert.Single((await w.Nurse.GetFromJsonAsync<CircleTasksView>(w.Tasks, Json))!.Tasks);
        Assert.Equal(("Anna de Vries", "dochter", PlanActorKind.NetworkMember), (seen.ProposedBy.Name, seen.ProposedBy.RelationDescription, seen.ProposedBy.Kind));
        Assert.Equal("Anna de Vries", seen.DoneBy.Name);

        // Under a problem the plan has, or it says which field is wrong.
        await ProblemAssert.Problem(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{proposed.Id}/agree", new { problemCode = 36 }, Json), HttpStatusCode.BadRequest, "problemCode");
        var agreed = await Answer(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{proposed.Id}/agree", new { problemCode = Nutrition }, Json));
        Assert.Equal((CircleTaskStatus.Agreed, Nutrition, "Anne de Wit"), (agreed.Status, agreed.ProblemCode, agreed.AnsweredBy!.Name));

        // In the plan: an intervention of the network, hers, on Tuesdays and Fridays; never a visit of the team.
        var plan = (await w.Nurse.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{w.Client}/care-plan", Json))!;
        var hers = Assert.Single(Assert.Single(plan.Problems).Interventions);
        Assert.Equal((agreed.InterventionId, Performer.Network, (Guid?)w.Anna, "ik doe de boodschappen op dinsdag en vrijdag"), ((Guid?)hers.Id, hers.PerformedBy, hers.NetworkMemberId, hers.Description));
        Assert.Equal((2, SchedulePeriod.Week, new TimeOnly(10, 0)), (hers.Schedule.TimesPerPeriod, hers.Schedule.Period, hers.Schedule.WindowStart));
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], hers.Schedule.Days!);
        var visits = (await w.Nurse.GetFromJsonAsync<ScheduleView>($"/api/teams/{w.Team}/visits", Json))!;
        Assert.DoesNotContain(visits.Visits, v => v.ClientId == w.Client);

        // The same answer again changes nothing; another answer to it is a conflict.
        var again = await Answer(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{proposed.Id}/agree", new { problemCode = Nutrition }, Json));
        Assert.Equal(JsonSerializer.Serialize(agreed), JsonSerializer.Serialize(again));
        await ProblemAssert.Problem(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{proposed.Id}/decline", new { explanation = "Dat doet de thuiszorg." }, Json), HttpStatusCode.Conflict, "already answered");
        await ProblemAssert.Problem(await w.AnnaHttp.PostAsJsonAsync($"{w.Tasks}/{proposed.Id}/withdraw", new { }, Json), HttpStatusCode.Conflict, "already answered");
        Assert.Equal(plan.Version, (await w.Nurse.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{w.Client}/care-plan", Json))!.Version);

        // The history names each step's person; Anna reads herself as "you".
        var history = (await w.Johanna.GetFromJsonAsync<List<CarePlanHistoryEntry>>($"/api/clients/{w.Client}/care-plan/history", Json))!;
        var steps = history.Where(h => h.CircleTaskId == proposed.Id).Select(h => (h.Kind, h.Who.Name, h.Who.RelationDescription)).ToList();
        Assert.Equal([(CarePlanChangeKind.CircleTaskProposed, "Anna de Vries", "dochter"), (CarePlanChangeKind.CircleTaskAgreed, "Anne de Wit", null)], steps);
        var annasHistory = (await w.AnnaHttp.GetFromJsonAsync<List<CarePlanHistoryEntry>>($"/api/clients/{w.Client}/care-plan/history", Json))!;
        Assert.True(annasHistory.Single(h => h.Kind == CarePlanChangeKind.CircleTaskProposed).Who.IsYou);

        // Her own task in her calendar, weekly on its days; the client's feed does not hold it.
        var link = await CalendarWorld.MakeLink(w.AnnaHttp, $"/api/clients/{w.Client}/calendar");
        var feed = await Host.Http.GetStringAsync(new Uri(link));
        var task = Assert.Single(Ical.Net.Calendar.Load(feed)!.Events, e => e.Summary == "ik doe de boodschappen op dinsdag en vrijdag");
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=TU,FR", feed, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(task.Start!.Value));
        var clientsFeed = await Host.Http.GetStringAsync(new Uri(await CalendarWorld.MakeLink(w.Johanna, $"/api/clients/{w.Client}/calendar")));
        Assert.DoesNotContain("boodschappen", clientsFeed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_proposes_for_themself_and_for_their_network_the_team_explains_a_refusal_and_only_the_proposer_withdraws()
    {
        var w = await World();

        // Every field named: a task, its days, a part of the day of the waking day, a person of the network.
        await ProblemAssert.Problem(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = " ", days = new[] { "Monday" } }, Json), HttpStatusCode.BadRequest, "text");
        await ProblemAssert.Problem(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = "Wassen", days = Array.Empty<string>() }, Json), HttpStatusCode.BadRequest, "days");
        await ProblemAssert.Problem(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = "Wassen", days = new[] { "Monday" }, partOfDay = "Night" }, Json), HttpStatusCode.BadRequest, "partOfDay");
        await ProblemAssert.Problem(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = new string('x', 201), days = new[] { "Monday" } }, Json), HttpStatusCode.BadRequest, "text");
        await ProblemAssert.Problem(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = "Wassen", days = new[] { "Monday" }, networkMemberId = Guid.NewGuid() }, Json), HttpStatusCode.BadRequest, "networkMemberId");

        var insulin = await Answer(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = "Ik spuit zelf mijn insuline", days = new[] { "Monday", "Thursday" }, partOfDay = "Morning" }, Json), HttpStatusCode.Created);
        Assert.Equal((PlanActorKind.Client, true), (insulin.DoneBy.Kind, insulin.DoneBy.IsYou));

        // Declining needs the team's reason, named as the field; the same reason again changes nothing.
        await ProblemAssert.Problem(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{insulin.Id}/decline", new { explanation = "" }, Json), HttpStatusCode.BadRequest, "explanation");
        var reason = "Uw suikers schommelen nog te veel; dat doen wij tot de diabetesverpleegkundige het anders zegt.";
        var declined = await Answer(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{insulin.Id}/decline", new { explanation = reason }, Json));
        Assert.Equal((CircleTaskStatus.Declined, reason), (declined.Status, declined.TeamNote));
        Same(declined, await Answer(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{insulin.Id}/decline", new { explanation = reason }, Json)));
        await ProblemAssert.Problem(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{insulin.Id}/decline", new { explanation = "Anders." }, Json), HttpStatusCode.Conflict, "already answered");

        // For Kees: the client may; Anna reads it without his name, and cannot withdraw it.
        var walk = await Answer(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = "Kees wandelt met mij", days = new[] { "Sunday" }, networkMemberId = w.Kees }, Json), HttpStatusCode.Created);
        var annasView = (await w.AnnaHttp.GetFromJsonAsync<CircleTasksView>(w.Tasks, Json))!;
        Assert.Equal((null, null, false), (annasView.Tasks.Single(t => t.Id == walk.Id).DoneBy.Name, annasView.Tasks.Single(t => t.Id == walk.Id).DoneBy.Id, annasView.Tasks.Single(t => t.Id == walk.Id).CanWithdraw));
        Assert.Equal([w.Anna], annasView.MayProposeFor.Select(p => p.Id!.Value));
        await ProblemAssert.Problem(await w.AnnaHttp.PostAsJsonAsync($"{w.Tasks}/{walk.Id}/withdraw", new { }, Json), HttpStatusCode.Forbidden, "withdraws");

        var withdrawn = await Answer(await w.Johanna.PostAsJsonAsync($"{w.Tasks}/{walk.Id}/withdraw", new { }, Json));
        Assert.Equal(CircleTaskStatus.Withdrawn, withdrawn.Status);
        Same(withdrawn, await Answer(await w.Johanna.PostAsJsonAsync($"{w.Tasks}/{walk.Id}/withdraw", new { }, Json)));
        await ProblemAssert.Problem(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{walk.Id}/agree", new { problemCode = Nutrition }, Json), HttpStatusCode.Conflict, "already answered");

        // Adjusted with the family: what was proposed stays beside what was agreed.
        var cooking = await Answer(await w.Johanna.PostAsJsonAsync(w.Tasks, new { text = "Ik kook zelf", days = new[] { "Monday", "Tuesday", "Wednesday" } }, Json), HttpStatusCode.Created);
        var adjusted = await Answer(await w.Nurse.PostAsJsonAsync($"{w.Tasks}/{cooking.Id}/agree", new
        {
            problemCode = Nutrition, text = "Ik kook zelf, Anna kookt voor in", days = new[] { "Monday", "Wednesday" }, partOfDay = "Evening", note = "Besproken met Anna.",
        }, Json));
        Assert.Equal((CircleTaskStatus.Adjusted, "Ik kook zelf", "Besproken met Anna."), (adjusted.Status, adjusted.ProposedText, adjusted.TeamNote));
        var plan = (await w.Johanna.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{w.Client}/care-plan", Json))!;
        var own = Assert.Single(plan.Problems.Single().Interventions);
        Assert.Equal((Performer.Client, (Guid?)null, new TimeOnly(17, 0)), (own.PerformedBy, own.NetworkMemberId, own.Schedule.WindowStart));
        var kinds = (await w.Nurse.GetFromJsonAsync<List<CarePlanHistoryEntry>>($"/api/clients/{w.Client}/care-plan/history", Json))!
            .Where(h => h.CircleTaskId is not null).Select(h => (h.Kind, h.Who.Name)).ToList();
        Assert.Equal(
            [
                (CarePlanChangeKind.CircleTaskProposed, "Johanna de Groot"), (CarePlanChangeKind.CircleTaskDeclined, "Anne de Wit"),
                (CarePlanChangeKind.CircleTaskProposed, "Johanna de Groot"), (CarePlanChangeKind.CircleTaskWithdrawn, "Johanna de Groot"),
                (CarePlanChangeKind.CircleTaskProposed, "Johanna de Groot"), (CarePlanChangeKind.CircleTaskAdjusted, "Anne de Wit"),
            ], kinds);
    }
}
