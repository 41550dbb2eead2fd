using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Knowledge;

/// <summary>
/// The network of nurses over real HTTP and SignalR on a secure host: who knows what, questions
/// live to those who follow a topic, refusals of anything that identifies a person, and what
/// other roles see of it.
/// </summary>
public sealed class KnowledgeNetworkTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    private async Task<(Guid Team, Guid Nurse, TestHost.Session Session)> NurseIn(string team, string region, string name, string userName)
    {
        var teamId = (await Host.App.Services.GetRequiredService<IMediator>().Send(new CreateTeam(team, region))).Id;
        var nurse = await Host.Hire(teamId, name, userName);
        return (teamId, nurse, await Host.SignIn(userName));
    }

    [Fact]
    public async Task A_nurse_finds_colleagues_by_topic_and_region_nationally_and_a_hidden_one_not()
    {
        var (_, anneId, anne) = await NurseIn("Buurtzorg Utrecht Lombok", "Utrecht", "Anne de Vries", "anne-knowhow");
        var (_, _, mira) = await NurseIn("Buurtzorg Zwolle Assendorp", "Overijssel", "Mira Jansen", "mira-knowhow");
        var (_, _, sara) = await NurseIn("Buurtzorg Zwolle Diezerpoort", "Overijssel", "Sara Bos", "sara-knowhow");

        var set = await mira.Http.PutAsJsonAsync("/api/know-how/me", new { topics = new[] { "wondzorg", "Negatieve druk therapie" }, hidden = false, following = new[] { "wondzorg" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var stored = (await set.Content.ReadFromJsonAsync<KnowHowProfile>(Json))!;
        Assert.Equal(["wondzorg", "negatieve-druk-therapie"], stored.Topics);
        (await sara.Http.PutAsJsonAsync("/api/know-how/me", new { topics = new[] { "wondzorg" }, hidden = true, following = Array.Empty<string>() })).EnsureSuccessStatusCode();

        var found = await anne.Http.GetFromJsonAsync<JsonElement>("/api/know-how?topic=wondzorg&region=Overijssel", Json);
        var names = found.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Mira Jansen"], names);
        var mirasEntry = found[0];
        Assert.Equal("Buurtzorg Zwolle Assendorp", mirasEntry.GetProperty("teamName").GetString());
        // Name, team, region and topics: nothing else about her, and nothing about anyone's clients.
        Assert.Equal(["nurseId", "name", "teamId", "teamName", "region", "topics"], mirasEntry.EnumerateObject().Select(p => p.Name));

        Assert.Empty((await anne.Http.GetFromJsonAsync<JsonElement>("/api/know-how?topic=wondzorg&region=Utrecht", Json)).EnumerateArray());
        var byNeighbourhood = await anne.Http.GetFromJsonAsync<JsonElement>("/api/know-how?topic=negatieve druk therapie&region=assendorp", Json);
        Assert.Single(byNeighbourhood.EnumerateArray());

        var bad = await anne.Http.PutAsJsonAsync("/api/know-how/me", new { topics = new[] { "wond<script>" }, hidden = false, following = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("topics[0]", (await bad.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Empty((await Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IKnowHowGrain>(anneId).Get()).Topics);
    }

    [Fact]
    public async Task A_question_reaches_a_follower_in_another_team_live_and_she_answers_and_the_asker_marks_it()
    {
        var (_, _, asker) = await NurseIn("Buurtzorg Leiden Noord", "Zuid-Holland", "Fleur Visser", "fleur-questions");
        var (_, _, follower) = await NurseIn("Buurtzorg Breda Ginneken", "Noord-Brabant", "Lotte Smit", "lotte-questions");
        var (_, _, bystander) = await NurseIn("Buurtzorg Breda Haagse Beemden", "Noord-Brabant", "Eva Mulder", "eva-questions");
        (await follower.Http.PutAsJsonAsync("/api/know-how/me", new { topics = new[] { "wondzorg" }, hidden = false, following = new[] { "wondzorg" } })).EnsureSuccessStatusCode();
        (await bystander.Http.PutAsJsonAsync("/api/know-how/me", new { topics = Array.Empty<string>(), hidden = false, following = new[] { "dementie" } })).EnsureSuccessStatusCode();

        await using var followerHub = await follower.ConnectToHub();
        var followerHears = new HubEvents<QuestionChanged>(followerHub, "QuestionChanged");
        var feed = await followerHub.InvokeAsync<JsonElement>("WatchQuestions");
        Assert.Equal(["wondzorg"], feed.GetProperty("following").EnumerateArray().Select(t => t.GetString()));
        await using var bystanderHub = await bystander.ConnectToHub();
        var bystanderHears = new HubEvents<QuestionChanged>(bystanderHub, "QuestionChanged");
        await bystanderHub.InvokeAsync<JsonElement>("WatchQuestions");
        await using var askerHub = await asker.ConnectToHub();
        var askerHears = new HubEvents<QuestionChanged>(askerHub, "QuestionChanged");
        await askerHub.InvokeAsync<JsonElement>("WatchQuestions");

        var asked = await asker.Http.PostAsJsonAsync("/api/questions", new
        {
            title = "Wie heeft ervaring met negatieve druktherapie thuis?",
            text = "Een diepe wond aan het onderbeen geneest slecht. Hoe regelen jullie de pomp thuis?",
            topics = new[] { "wondzorg" },
        });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var question = (await asked.Content.ReadFromJsonAsync<NetworkQuestion>(Json))!;
        Assert.Equal("Buurtzorg Leiden Noord", question.AskedBy.TeamName);

        var live = await followerHears.Next(c => c.Question.Id == question.Id);
        Assert.Equal(QuestionChangeKind.Asked, live.Kind);
        Assert.Equal(question.Title, live.Question.Title);

        var answered = await follower.Http.PostAsJsonAsync($"/api/questions/{question.Id}/answers", new { text = "Ja: wij huren de pomp via de apotheek, de wond wordt twee keer per week verbonden." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var answer = (await answered.Content.ReadFromJsonAsync<NetworkQuestion>(Json))!.Answers.Single();
        Assert.Equal("Lotte Smit", answer.By.Name);
        Assert.Equal(QuestionChangeKind.Answered, (await askerHears.Next(c => c.Question.Id == question.Id && c.Kind == QuestionChangeKind.Answered)).Kind);

        var notHers = await follower.Http.PutAsJsonAsync($"/api/questions/{question.Id}/most-useful", new { answerId = answer.Id });
        await ProblemAssert.HasCode(notHers, HttpStatusCode.Forbidden, RefusalCodes.NotTheAsker);
        var marked = await asker.Http.PutAsJsonAsync($"/api/questions/{question.Id}/most-useful", new { answerId = answer.Id });
        Assert.Equal(answer.Id, (await marked.Content.ReadFromJsonAsync<NetworkQuestion>(Json))!.MostUsefulAnswerId);

        // Searchable later by topic and by words of the answer, and listed as the asker's own.
        var byWords = await bystander.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?q=apotheek pomp", Json);
        Assert.Contains(byWords!, q => q.Id == question.Id && q.MostUsefulMarked && q.Answers == 1);
        Assert.Contains((await bystander.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?topic=wondzorg", Json))!, q => q.Id == question.Id);
        Assert.DoesNotContain((await bystander.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?topic=dementie", Json))!, q => q.Id == question.Id);
        Assert.Contains((await asker.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?mine=true", Json))!, q => q.Id == question.Id);

        // The bystander follows another topic: nothing of it reached her.
        Assert.DoesNotContain(bystanderHears.Drain(), c => c.Question.Id == question.Id);
    }

    [Fact]
    public async Task A_question_naming_a_client_of_the_team_or_any_address_is_refused_and_nothing_is_posted()
    {
        var (team, _, anne) = await NurseIn("Buurtzorg Utrecht Zuilen", "Utrecht", "Anne Kok", "anne-refused");
        await anne.Http.AddClient(team, "Wilhelmina Verhoeven", street: "Amsterdamsestraatweg", houseNumber: "410");

        var refused = await anne.Http.PostAsJsonAsync("/api/questions", new
        {
            title = "Stomazorg bij mevrouw Verhoeven",
            text = "Wilhelmina Verhoeven, Amsterdamsestraatweg 410, geboren 17-04-1938, bel 06-12345678. Wie weet raad?",
            topics = new[] { "stomazorg" },
        });
        var problem = await ProblemAssert.HasCode(refused, HttpStatusCode.BadRequest, RefusalCodes.IdentifiesPerson);
        var codes = problem.GetProperty("fieldCodes");
        Assert.Equal([FieldCodes.IdentifiesClientName], codes.GetProperty("title").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(
            [FieldCodes.IdentifiesClientName, FieldCodes.IdentifiesAddress, FieldCodes.IdentifiesDateOfBirth, FieldCodes.IdentifiesPhone],
            codes.GetProperty("text").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("Verhoeven", problem.GetRawText(), StringComparison.Ordinal);

        Assert.DoesNotContain((await anne.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?q=verhoeven", Json))!, _ => true);
        Assert.Empty((await anne.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?mine=true", Json))!);

        // Another team's nurse is not checked against this team's clients: she does not know them,
        // and the check must not tell her who they are. The address is refused for everyone.
        var (_, _, other) = await NurseIn("Buurtzorg Houten Noord", "Utrecht", "Bo Peters", "bo-refused");
        var elsewhere = await other.Http.PostAsJsonAsync("/api/questions", new { title = "Vraag over stomazorg", text = "Amsterdamsestraatweg 410", topics = new[] { "stomazorg" } });
        var codesElsewhere = (await ProblemAssert.HasCode(elsewhere, HttpStatusCode.BadRequest, RefusalCodes.IdentifiesPerson)).GetProperty("fieldCodes").GetProperty("text");
        Assert.Equal([FieldCodes.IdentifiesAddress], codesElsewhere.EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Asking_twice_with_one_key_posts_one_question_and_answers_are_checked_too()
    {
        var (team, _, anne) = await NurseIn("Buurtzorg Amersfoort Vathorst", "Utrecht", "Anne Wit", "anne-twice");
        await anne.Http.AddClient(team, "Hendrik Claassen");

        var body = new { title = "Insuline bij een slechte eter", text = "Hoe spreken jullie dit af met de huisarts?", topics = new[] { "diabetes" } };
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/questions") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "ask-once");
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/questions") { Content = JsonContent.Create(body) };
        again.Headers.Add("Idempotency-Key", "ask-once");
        var one = (await (await anne.Http.SendAsync(first)).Content.ReadFromJsonAsync<NetworkQuestion>(Json))!;
        var two = (await (await anne.Http.SendAsync(again)).Content.ReadFromJsonAsync<NetworkQuestion>(Json))!;
        Assert.Equal(one.Id, two.Id);
        Assert.Single((await anne.Http.GetFromJsonAsync<List<QuestionSummary>>("/api/questions?mine=true", Json))!);

        var answer = await anne.Http.PostAsJsonAsync($"/api/questions/{one.Id}/answers", new { text = "Meneer Claassen doet het zo" });
        await ProblemAssert.HasCode(answer, HttpStatusCode.BadRequest, RefusalCodes.IdentifiesPerson);
        Assert.Empty((await Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IQuestionGrain>(one.Id).Get())!.Answers);

        var unknown = await anne.Http.PostAsJsonAsync($"/api/questions/{Guid.NewGuid()}/answers", new { text = "Antwoord" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Relatives_and_clients_never_reach_the_network_and_central_staff_see_figures_only()
    {
        var (team, _, anne) = await NurseIn("Buurtzorg Nijmegen Oost", "Gelderland", "Anne Hendriks", "anne-roles");
        var client = await anne.Http.AddClient(team, "Cornelis Dekker");
        await Host.OpenAccount("client-roles", AccountRole.Client, client.Id);
        await Host.OpenAccount("central-roles", AccountRole.Central);
        (await anne.Http.PutAsJsonAsync("/api/know-how/me", new { topics = new[] { "palliatieve-zorg" }, hidden = false, following = Array.Empty<string>() })).EnsureSuccessStatusCode();
        (await anne.Http.PostAsJsonAsync("/api/questions", new { title = "Zorgpad stervensfase", text = "Welke versie gebruiken jullie?", topics = new[] { "palliatieve-zorg" } })).EnsureSuccessStatusCode();

        var theClient = await Host.SignIn("client-roles");
        var central = await Host.SignIn("central-roles");
        foreach (var session in new[] { theClient, central })
        {
            foreach (var path in new[] { "/api/questions", "/api/know-how?topic=palliatieve-zorg", "/api/know-how/me" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await session.Http.GetAsync(path)).StatusCode);
            }

            await using var hub = await session.ConnectToHub();
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("WatchQuestions"));
        }

        var figures = await central.Http.GetStringAsync("/api/capacity/network-activity");
        var activity = JsonDocument.Parse(figures).RootElement;
        Assert.True(activity.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("asked").GetInt32()) >= 1);
        var topic = activity.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == "palliatieve-zorg");
        Assert.True(topic.GetProperty("nursesListed").GetInt32() >= 1);
        foreach (var personal in new[] { "Anne", "Hendriks", "Zorgpad", "Nijmegen", "Dekker" })
        {
            Assert.DoesNotContain(personal, figures, StringComparison.OrdinalIgnoreCase);
        }
    }
}
