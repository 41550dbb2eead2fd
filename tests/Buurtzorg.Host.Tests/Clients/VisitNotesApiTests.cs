using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Notes;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Faults;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Clients;

/// <summary>Visit notes over real HTTP: writing, reading, correcting, bad input, retries and a restart.</summary>
public sealed class VisitNotesApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private TestHost Host => fixture.Host;

    /// <summary>A team with a nurse and a client with a visit today; the nurse's own HTTP client.</summary>
    private async Task<(HttpClient Nurse, Guid NurseId, Guid ClientId, Guid VisitId, Guid TeamId)> ClientWithVisit()
    {
        var team = await Host.CreateTeam($"Buurtzorg {Guid.NewGuid():N}");
        var nurse = await Host.AddWorkingNurse(team.Id, "Fatima Yilmaz");
        var client = await Host.AddClient(team.Id, "Johanna de Groot");
        var visit = await Host.AddDailyVisit(team.Id, client.Id);
        return (Host.As(nurse.Id), nurse.Id, client.Id, visit.Id, team.Id);
    }

    private static async Task<VisitNote> Written(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<VisitNote>(TeamDay.Json))!;
    }

    [Fact]
    public async Task A_nurse_writes_a_note_about_todays_visit_and_the_record_shows_it_with_visit_author_and_text()
    {
        var (nurse, nurseId, clientId, visitId, _) = await ClientWithVisit();

        var note = await Written(await nurse.PostAsJsonAsync($"/api/clients/{clientId}/notes", new { visitId, text = "  Voeten gezwollen.\nHuisarts gebeld.  " }));
        var notes = (await nurse.GetFromJsonAsync<ClientNotes>($"/api/clients/{clientId}/notes", TeamDay.Json))!;
        var visits = (await nurse.GetFromJsonAsync<IReadOnlyList<NoteVisit>>($"/api/clients/{clientId}/notes/visits", TeamDay.Json))!;

        var read = Assert.Single(notes.Notes);
        Assert.Equal(note, read with { Earlier = note.Earlier });
        Assert.Equal((visitId, TeamDay.Today, new TimeOnly(8, 0)), (read.VisitId, read.VisitDate, read.VisitTime));
        Assert.Equal((nurseId, "Fatima Yilmaz"), (read.AuthorId, read.AuthorName));
        Assert.Equal("Voeten gezwollen.\nHuisarts gebeld.", read.Text);
        Assert.Empty(read.Earlier);
        Assert.True(Assert.Single(visits, v => v.VisitId == visitId).HasNote);
    }

    public static TheoryData<string, string> BadTexts => new()
    {
        { "", "blank" },
        { new string('x', ClientLimits.MaxVisitNoteLength + 1), "too long" },
        { "Bel\u0007 de huisarts", "a control character" },
        { "Gezien\u200B", "an invisible character" },
        { "Gezien\tvandaag", "a tab" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task A_text_that_breaks_the_text_rule_is_refused_naming_the_text(string text, string because)
    {
        var (nurse, _, clientId, visitId, _) = await ClientWithVisit();

        var response = await nurse.PostAsJsonAsync($"/api/clients/{clientId}/notes", new { visitId, text });

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, "text");
        Assert.Empty((await nurse.GetFromJsonAsync<ClientNotes>($"/api/clients/{clientId}/notes", TeamDay.Json))!.Notes);
        Assert.NotNull(because);
    }

    [Fact]
    public async Task A_note_must_be_about_a_visit_of_this_client_of_today_or_the_days_before()
    {
        var (nurse, _, clientId, _, teamId) = await ClientWithVisit();
        var other = await Host.AddClient(teamId, "Piet Bakker", houseNumber: "12");
        var othersVisit = await Host.AddDailyVisit(teamId, other.Id);
        var tomorrow = (await nurse.GetFromJsonAsync<Contracts.Visits.ScheduleView>(
            $"/api/teams/{teamId}/visits?from={TeamDay.Today.AddDays(1):yyyy-MM-dd}&to={TeamDay.Today.AddDays(1):yyyy-MM-dd}", TeamDay.Json))!.Visits.First(v => v.ClientId == clientId);

        foreach (var visitId in new Guid?[] { null, Guid.Empty, Guid.NewGuid(), othersVisit.Id, tomorrow.Id })
        {
            var response = await nurse.PostAsJsonAsync($"/api/clients/{clientId}/notes", new { visitId, text = "Gezien." });
            await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, "visitId");
        }

        Assert.Empty((await nurse.GetFromJsonAsync<ClientNotes>($"/api/clients/{clientId}/notes", TeamDay.Json))!.Notes);
    }

    [Fact]
    public async Task Only_the_author_corrects_her_note_and_the_replaced_text_stays_in_its_history()
    {
        var (nurse, _, clientId, visitId, teamId) = await ClientWithVisit();
        var colleague = Host.As((await Host.AddWorkingNurse(teamId, "Bram Jansen")).Id);
        var note = await Written(await nurse.PostAsJsonAsync($"/api/clients/{clientId}/notes", new { visitId, text = "Wond rood." }));

        var byColleague = await colleague.PutAsJsonAsync($"/api/clients/{clientId}/notes/{note.Id}", new { text = "Wond rustig." });
        var bad = await nurse.PutAsJsonAsync($"/api/clients/{clientId}/notes/{note.Id}", new { text = " " });
        var unknown = await nurse.PutAsJsonAsync($"/api/clients/{clientId}/notes/{Guid.NewGuid()}", new { text = "Wond rustig." });
        var corrected = await nurse.PutAsJsonAsync($"/api/clients/{clientId}/notes/{note.Id}", new { text = "Wond rood, niet warm." });

        await ProblemAssert.Problem(byColleague, HttpStatusCode.Forbidden, "wrote");
        await ProblemAssert.Problem(bad, HttpStatusCode.BadRequest, "text");
        await ProblemAssert.Problem(unknown, HttpStatusCode.NotFound, "note");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var read = Assert.Single((await nurse.GetFromJsonAsync<ClientNotes>($"/api/clients/{clientId}/notes", TeamDay.Json))!.Notes);
        Assert.Equal("Wond rood, niet warm.", read.Text);
        Assert.Equal(note.FirstWrittenAt, read.FirstWrittenAt);
        var earlier = Assert.Single(read.Earlier);
        Assert.Equal(("Wond rood.", note.WrittenAt), (earlier.Text, earlier.WrittenAt));
    }

    [Fact]
    public async Task A_retried_note_with_the_same_idempotency_key_is_written_once()
    {
        var (nurse, _, clientId, visitId, _) = await ClientWithVisit();
        var key = Guid.NewGuid().ToString();

        var first = await Written(await nurse.Send(HttpMethod.Post, $"/api/clients/{clientId}/notes", new { visitId, text = "Gezien." }, key));
        var again = await Written(await nurse.Send(HttpMethod.Post, $"/api/clients/{clientId}/notes", new { visitId, text = "Gezien." }, key));
        var reused = await nurse.Send(HttpMethod.Post, $"/api/clients/{clientId}/notes", new { visitId, text = "Iets anders." }, key);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, (int)reused.StatusCode);
        Assert.Single((await nurse.GetFromJsonAsync<ClientNotes>($"/api/clients/{clientId}/notes", TeamDay.Json))!.Notes);
    }

    [Fact]
    public async Task Notes_and_their_corrections_survive_a_host_restart_on_the_same_store()
    {
        using var file = new TempSqliteFile();
        Guid clientId;
        string before;
        await using (var first = await TestHost.StartOnSqlite(file.Path))
        {
            var team = await first.CreateTeam("Buurtzorg Lombok");
            var nurse = first.As((await first.AddWorkingNurse(team.Id, "Fatima Yilmaz")).Id);
            clientId = (await first.AddClient(team.Id, "Johanna de Groot")).Id;
            var visit = await first.AddDailyVisit(team.Id, clientId);
            var note = await Written(await nurse.PostAsJsonAsync($"/api/clients/{clientId}/notes", new { visitId = visit.Id, text = "Gezien." }));
            Assert.Equal(HttpStatusCode.OK, (await nurse.PutAsJsonAsync($"/api/clients/{clientId}/notes/{note.Id}", new { text = "Gezien, goed." })).StatusCode);
            before = await first.Http.GetStringAsync($"/api/clients/{clientId}/notes");
        }

        await using var second = await TestHost.StartOnSqlite(file.Path);
        Assert.Equal(before, await second.Http.GetStringAsync($"/api/clients/{clientId}/notes"));
        Assert.Contains("Gezien, goed.", before, StringComparison.Ordinal);
    }
}

/// <summary>Who may write and read visit notes, with real sign-ins, and the NEN 7513 line each read leaves.</summary>
public sealed class VisitNotesAccessTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    [Fact]
    public async Task The_teams_nurse_writes_the_client_and_family_with_care_plan_access_read_and_every_look_is_logged()
    {
        var (clientId, log) = (world.ClientA, world.Host.App.Services.GetRequiredService<AccessLog>());
        var path = $"/api/clients/{clientId}/notes";
        var written = await world.Http(Who.NurseOfTheTeam).PostAsJsonAsync(path, new { visitId = world.VisitA.Id, text = "Mevrouw was vrolijk." });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);

        foreach (var who in new[] { Who.NurseOfAnotherTeam, Who.TheClient, Who.FamilyWithCarePlan, Who.FamilyWithAgenda })
        {
            var refused = await world.Http(who).PostAsJsonAsync(path, new { visitId = world.VisitA.Id, text = "Ook gezien." });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        foreach (var (who, allowed) in new[] { (Who.NurseOfTheTeam, true), (Who.TheClient, true), (Who.FamilyWithCarePlan, true), (Who.FamilyWithAgenda, false), (Who.NurseOfAnotherTeam, false), (Who.AnotherClientsFamily, false) })
        {
            var before = (await log.All()).Count;
            var response = await world.Http(who).GetAsync(path);
            var line = Assert.Single((await log.All()).Skip(before));

            Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal((clientId, "read", "Notes", allowed), (line.ClientId, line.Action, line.What, line.Allowed));
            if (allowed)
            {
                var notes = (await response.Content.ReadFromJsonAsync<ClientNotes>(TeamDay.Json))!;
                Assert.Equal("Mevrouw was vrolijk.", Assert.Single(notes.Notes).Text);
                Assert.Equal("Anne de Wit", notes.Notes[0].AuthorName);
            }
        }
    }
}
