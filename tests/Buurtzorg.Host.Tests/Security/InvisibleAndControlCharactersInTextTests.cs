using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Access;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// Stored junk: zero-width spaces, bidirectional overrides and line breaks hidden in an address or
/// in a person of the client's network are refused with a 400 naming the field, as they are in
/// names, and nothing stored changes. Text where lines belong (what a relative takes on) keeps
/// its line breaks, and every text is stored in one Unicode form.
/// </summary>
public sealed class InvisibleAndControlCharactersInTextTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    public static TheoryData<string> Junk => new()
    {
        "Oude\u200Bgracht",   // zero-width space
        "\u202Etharcgedu O",  // right-to-left override
        "Oudegracht\r\nBijlage: zie", // a line break in a one-line field
        "Oude\u2066gracht\u2069", // a bidirectional isolate
        "Oudegracht\t12",
    };

    private HttpClient Nurse => world.Http(Who.NurseOfTheTeam);

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Junk_in_an_address_street_is_a_400_naming_it_and_no_client_is_stored(string street)
    {
        var before = await TeamClients();

        var response = await Nurse.PostAsJsonAsync($"/api/teams/{world.TeamA}/clients", new
        {
            name = "Gerrit Hoekstra",
            dateOfBirth = "1941-02-03",
            address = new { street, houseNumber = "12", postcode = "3511 NK", city = "Utrecht", latitude = 52.0894, longitude = 5.1196 },
            phone = "0302314567",
            teamId = world.TeamA,
            indicationHoursPerWeek = 3,
            startDate = TeamDay.Today,
        }, TeamDay.Json);

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, "address.street");
        Assert.Equal(before, await TeamClients());
    }

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Junk_in_a_network_members_name_is_a_400_naming_it_on_adding_and_changing_and_the_record_is_unchanged(string junk) =>
        await RefusedInNetwork("name", junk);

    [Theory]
    [MemberData(nameof(Junk))]
    public async Task Junk_in_a_network_members_relation_is_a_400_naming_it_on_adding_and_changing_and_the_record_is_unchanged(string junk) =>
        await RefusedInNetwork("relationDescription", junk);

    [Theory]
    [InlineData("email", "kees\u200B@example.nl")]
    [InlineData("takesOn", "Boodschappen\u202E")]
    [InlineData("takesOn", "Boodschappen\u0007")]
    public async Task Junk_in_the_other_text_of_a_network_member_is_a_400_naming_it(string field, string junk) =>
        await RefusedInNetwork(field, junk);

    [Fact]
    public async Task Text_with_lines_keeps_its_line_breaks_and_all_text_is_stored_in_one_unicode_form()
    {
        var client = await Nurse.AddClient(world.TeamA, "Jose\u0301 Martens", "Cafe\u0301straat", "7");
        var added = await Nurse.PostAsJsonAsync($"/api/clients/{client.Id}/network", new
        {
            name = "Rene\u0301 Martens",
            relation = "Family",
            relationDescription = "zoon",
            takesOn = "Boodschappen op maandag\r\nDe steunkousen op zondag",
        }, TeamDay.Json);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var stored = await Nurse.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", TeamDay.Json);
        Assert.Equal(("José Martens", "Caféstraat"), (stored!.Details.Name, stored.Details.Address.Street));
        var member = Assert.Single(stored.Network);
        Assert.Equal(("René Martens", "Boodschappen op maandag\r\nDe steunkousen op zondag"), (member.Details.Name, member.Details.TakesOn));
    }

    [Theory]
    [InlineData("interventions[0].description", "Insuline \u202Enetiups", "Zelfzorg")]
    [InlineData("signsAndSymptoms[0]", "Insuline spuiten", "fouten\u200Bin dosering")]
    [InlineData("signsAndSymptoms[0]", "Insuline spuiten", "fouten\nin dosering")]
    public async Task Junk_in_a_care_plan_is_a_400_naming_the_field_and_the_plan_is_unchanged(string field, string description, string sign)
    {
        var client = await Nurse.AddClient(world.TeamA, "Aaltje Bos");
        var before = await Nurse.GetStringAsync($"/api/clients/{client.Id}/care-plan");

        var response = await Nurse.PutAsJsonAsync($"/api/clients/{client.Id}/care-plan/problems/42", new
        {
            expectedVersion = 0,
            changedBy = world.NurseA1,
            scope = "Individual",
            type = "Actual",
            signsAndSymptoms = new[] { sign },
            interventions = new[]
            {
                new
                {
                    category = "TreatmentsAndProcedures", targetCode = 39, description, timesPerPeriod = 1, period = "Day",
                    windowStart = "08:00", windowEnd = "10:00", durationMinutes = 30, performedBy = "Team",
                },
            },
        }, TeamDay.Json);

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await Nurse.GetStringAsync($"/api/clients/{client.Id}/care-plan"));
    }

    private async Task RefusedInNetwork(string field, string junk)
    {
        var client = await Nurse.AddClient(world.TeamA, "Truus Meijer");
        var added = await Nurse.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Kees Meijer", relation = "Family" }, TeamDay.Json);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var member = Assert.Single((await added.Content.ReadFromJsonAsync<ClientRecord>(TeamDay.Json))!.Network).Id;
        var before = await Nurse.GetStringAsync($"/api/clients/{client.Id}");

        var body = new JsonObject { ["name"] = "Kees Meijer", ["relation"] = "Family", [field] = junk };
        var adding = await Nurse.PostAsJsonAsync($"/api/clients/{client.Id}/network", body);
        var changing = await Nurse.PutAsJsonAsync($"/api/clients/{client.Id}/network/{member}", body);

        await ProblemAssert.Problem(adding, HttpStatusCode.BadRequest, field);
        await ProblemAssert.Problem(changing, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await Nurse.GetStringAsync($"/api/clients/{client.Id}"));
    }

    private Task<string> TeamClients() => Nurse.GetStringAsync($"/api/teams/{world.TeamA}/clients");
}
