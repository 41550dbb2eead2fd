using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Interop;

/// <summary>The AVG download: everything held about the client in one zip, for the client and their team only, and logged.</summary>
[Collection(InteropCollection.Name)]
public sealed class PersonalDataTests(InteropWorld interop)
{
    private AccessWorld World => interop.World;

    private string Path => $"/api/clients/{World.ClientA}/personal-data";

    [Fact]
    public async System.Threading.Tasks.Task The_client_downloads_their_record_care_plan_notes_visits_fhir_bundle_and_access_log_in_one_zip()
    {
        // An earlier read by someone else, which the client's log must show.
        (await World.Http(Who.FamilyWithCarePlan).GetAsync($"/api/clients/{World.ClientA}/care-plan")).EnsureSuccessStatusCode();

        var response = await World.Http(Who.TheClient).GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var entries = await Unzip(response);
        Assert.Equal(["access-log.json", "client.json", "fhir-bundle.json"], entries.Keys.Order());

        using var client = JsonDocument.Parse(entries["client.json"]);
        var root = client.RootElement;
        Assert.Equal("Johanna de Groot", root.GetProperty("client").GetProperty("details").GetProperty("name").GetString());
        Assert.Equal("Buurtzorg Lombok", root.GetProperty("teamName").GetString());
        Assert.Contains("Sanne de Groot", root.GetProperty("client").GetProperty("network").EnumerateArray().Select(m => m.GetProperty("details").GetProperty("name").GetString()));
        Assert.Equal([InteropWorld.Skin, InteropWorld.MedicationRegimen], root.GetProperty("carePlan").GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetInt32()).Order());
        var version = root.GetProperty("carePlan").GetProperty("version").GetInt32();
        Assert.Equal(version, root.GetProperty("carePlanHistory").GetArrayLength());
        Assert.Equal(Enumerable.Range(1, version), root.GetProperty("carePlanVersions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        var note = Assert.Single(root.GetProperty("visitNotes").EnumerateArray());
        Assert.Equal(InteropWorld.NoteText, note.GetProperty("text").GetString());
        Assert.Contains(root.GetProperty("visits").EnumerateArray(), v => v.GetProperty("id").GetGuid() == World.VisitA.Id);
        Assert.Equal("Anne de Wit", root.GetProperty("nurses").GetProperty(World.NurseA1.ToString("D")).GetString());

        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(entries["fhir-bundle.json"]);
        Assert.Equal(World.ClientA.ToString("D"), bundle.Entry.Select(e => e.Resource).OfType<Patient>().Single().Id);
        Assert.Equal(2, bundle.Entry.Select(e => e.Resource).OfType<Condition>().Count());

        using var log = JsonDocument.Parse(entries["access-log.json"]);
        Assert.Equal(JsonValueKind.Null, log.RootElement.GetProperty("withheld").ValueKind);
        var lines = log.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("name").GetString() == "sanne" && l.GetProperty("via").GetString() == "GET /api/clients/{clientId:guid}/care-plan/");
        // The download is audited like any read, and its own line is already in what it downloads.
        Assert.Contains(lines, l => l.GetProperty("name").GetString() == "johanna" && l.GetProperty("via").GetString() == "GET /api/clients/{clientId:guid}/personal-data");
    }

    [Fact]
    public async System.Threading.Tasks.Task A_nurse_of_the_team_downloads_it_for_the_client_without_the_access_log_which_is_the_clients_own()
    {
        var response = await World.Http(Who.NurseOfTheTeam).GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await Unzip(response);
        using var client = JsonDocument.Parse(entries["client.json"]);
        Assert.Equal(World.ClientA, client.RootElement.GetProperty("client").GetProperty("id").GetGuid());
        using var log = JsonDocument.Parse(entries["access-log.json"]);
        Assert.False(string.IsNullOrEmpty(log.RootElement.GetProperty("withheld").GetString()));
        Assert.Equal(0, log.RootElement.GetProperty("lines").GetArrayLength());
        var line = (await World.Host.App.Services.GetRequiredService<AccessLog>().All()).Last(l => l.Via.EndsWith("/personal-data", StringComparison.Ordinal));
        Assert.Equal(("Nurse", true, World.ClientA), (line.Role, line.Allowed, line.ClientId));
    }

    [Theory]
    [InlineData(Who.FamilyWithCarePlan)]
    [InlineData(Who.FamilyWithAgenda)]
    [InlineData(Who.Central)]
    [InlineData(Who.NurseOfAnotherTeam)]
    [InlineData(Who.AnotherClient)]
    public async System.Threading.Tasks.Task Everyone_else_is_refused_and_the_attempt_is_logged(Who who)
    {
        var log = World.Host.App.Services.GetRequiredService<AccessLog>();
        var before = (await log.All()).Count;

        var response = await World.Http(who).GetAsync(Path);

        await ProblemAssert.Problem(response, HttpStatusCode.NotFound, "nothing here");
        var line = Assert.Single((await log.All()).Skip(before), l => l.Via.EndsWith("/personal-data", StringComparison.Ordinal));
        Assert.Equal((World.ClientA, false), (line.ClientId, line.Allowed));
    }

    [Fact]
    public async System.Threading.Tasks.Task Anonymous_callers_must_sign_in()
    {
        await ProblemAssert.Problem(await World.Http(Who.Anonymous).GetAsync(Path), HttpStatusCode.Unauthorized, "sign in");
    }

    private static async Task<Dictionary<string, string>> Unzip(HttpResponseMessage response)
    {
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var entries = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            entries[entry.FullName] = await reader.ReadToEndAsync();
        }

        return entries;
    }
}
