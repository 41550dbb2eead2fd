using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.CarePlans;

/// <summary>Care plans over real HTTP: Omaha problems, history, ratings, conflicts, bad input.</summary>
public sealed class CarePlansApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private const int Skin = 24, MedicationRegimen = 42, Circulation = 27;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Guid Nurse = Guid.Parse("6f1c2b9e-1f3a-4c55-9a57-0d2f3c4b5a61");

    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task Every_edit_makes_a_version_and_every_earlier_version_stays_readable()
    {
        var client = await RegisterClient();
        await Ok(WriteProblem(client, MedicationRegimen, SkinOrMedication(expectedVersion: 0)));
        await Ok(WriteProblem(client, Skin, SkinOrMedication(expectedVersion: 1, actual: true)));
        var removed = await Ok(Http.DeleteAsync($"/api/clients/{client}/care-plan/problems/{MedicationRegimen}?expectedVersion=2&changedBy={Nurse}"));

        var v1 = await Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{client}/care-plan/versions/1", Json);
        var v2 = await Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{client}/care-plan/versions/2", Json);
        var history = await Http.GetFromJsonAsync<List<CarePlanChange>>($"/api/clients/{client}/care-plan/history", Json);

        Assert.Equal([Skin], removed.Problems.Select(p => p.Code));
        Assert.Equal([MedicationRegimen], v1!.Problems.Select(p => p.Code));
        Assert.Equal([Skin, MedicationRegimen], v2!.Problems.Select(p => p.Code));
        Assert.Equal(
            [(1, CarePlanChangeKind.ProblemWritten, MedicationRegimen), (2, CarePlanChangeKind.ProblemWritten, Skin), (3, CarePlanChangeKind.ProblemRemoved, MedicationRegimen)],
            history!.Select(h => (h.Version, h.Kind, h.ProblemCode)));
        Assert.All(history!, h => Assert.Equal(Nurse, h.By));
        await ProblemAssert.Problem(await Http.GetAsync($"/api/clients/{client}/care-plan/versions/4"), HttpStatusCode.NotFound, "no version 4");
    }

    [Fact]
    public async Task Ratings_accumulate_over_time_and_survive_a_rewrite_of_the_problem()
    {
        var client = await RegisterClient();
        await Ok(WriteProblem(client, Skin, SkinOrMedication(expectedVersion: 0, actual: true)));
        await Ok(Rate(client, Skin, expectedVersion: 1, "Admission", "2026-11-02", 2, 2, 1));
        await Ok(Rate(client, Skin, expectedVersion: 2, "Review", "2026-11-20", 3, 4, 3));

        var rewritten = await Ok(WriteProblem(client, Skin, SkinOrMedication(expectedVersion: 3, actual: true, description: "Wond op het linkerbeen verbinden, nu om de dag")));

        var ratings = Assert.Single(rewritten.Problems).Ratings;
        Assert.Equal([(RatingMoment.Admission, 1), (RatingMoment.Review, 3)], ratings.Select(r => (r.Moment, r.Status)));
        Assert.Equal("Wond op het linkerbeen verbinden, nu om de dag", rewritten.Problems[0].Interventions[0].Description);
    }

    [Fact]
    public async Task Of_two_edits_made_on_the_same_version_one_lands_and_the_other_gets_a_conflict_with_the_current_version()
    {
        var client = await RegisterClient();
        await Ok(WriteProblem(client, Skin, SkinOrMedication(expectedVersion: 0, actual: true)));

        var responses = await Task.WhenAll(
            WriteProblem(client, Circulation, SkinOrMedication(expectedVersion: 1)),
            WriteProblem(client, MedicationRegimen, SkinOrMedication(expectedVersion: 1)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var conflict = await ProblemAssert.Problem(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "changed since you read it");
        Assert.Equal(2, conflict.GetProperty("currentVersion").GetInt32());
        var plan = await Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{client}/care-plan", Json);
        Assert.Equal(2, plan!.Version);
        Assert.Equal(2, plan.Problems.Count);
    }

    [Fact]
    public async Task An_intervention_can_be_taken_on_by_someone_in_the_clients_network_but_not_by_a_stranger()
    {
        var client = await RegisterClient();
        var added = await Http.PostAsync($"/api/clients/{client}/network", Body(JsonNode.Parse("""{"name":"Kees de Groot","relation":"Family"}""")!));
        var member = (await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network.Single().Id;
        var byFamily = SkinOrMedication(expectedVersion: 0);
        byFamily["interventions"]![0]!["performedBy"] = "Network";
        byFamily["interventions"]![0]!["networkMemberId"] = member.ToString();
        byFamily["interventions"]![0]!["requiredQualification"] = null;

        var plan = await Ok(WriteProblem(client, MedicationRegimen, byFamily));
        byFamily["expectedVersion"] = 1;
        byFamily["interventions"]![0]!["networkMemberId"] = Guid.NewGuid().ToString();
        var stranger = await WriteProblem(client, MedicationRegimen, byFamily);

        Assert.Equal((Performer.Network, member), (plan.Problems[0].Interventions[0].PerformedBy, plan.Problems[0].Interventions[0].NetworkMemberId));
        await ProblemAssert.Problem(stranger, HttpStatusCode.BadRequest, "interventions[0].networkMemberId");
    }

    public static TheoryData<string, string?, string> BadProblemFields => new()
    {
        { "expectedVersion", null, "expectedVersion" },
        { "expectedVersion", "-1", "expectedVersion" },
        { "changedBy", "00000000-0000-0000-0000-000000000000", "changedBy" },
        { "scope", "Street", "scope" },
        { "type", null, "type" },
        { "signsAndSymptoms", "[]", "signsAndSymptoms" },
        { "interventions[0].category", "Cooking", "interventions[0].category" },
        { "interventions[0].targetCode", "99", "interventions[0].targetCode" },
        { "interventions[0].windowEnd", "\"06:00\"", "interventions[0].windowEnd" },
        { "interventions[0].windowStart", "\"25:00\"", "interventions[0].windowStart" },
        { "interventions[0].durationMinutes", "300", "interventions[0].durationMinutes" },
        { "interventions[0].timesPerPeriod", "0", "interventions[0].timesPerPeriod" },
        { "interventions[0].requiredQualification", "Surgery", "interventions[0].requiredQualification" },
        { "interventions[0].performedBy", "\"Network\"", "interventions[0].networkMemberId" },
        { "interventions[0].description", "\"\"", "interventions[0].description" },
    };

    [Theory]
    [MemberData(nameof(BadProblemFields))]
    public async Task A_problem_with_a_bad_field_is_a_400_naming_it_and_the_plan_stays_as_it_was(string path, string? value, string field)
    {
        var client = await RegisterClient();
        var body = SkinOrMedication(expectedVersion: 0, actual: true);
        Set(body, path, value);

        await ProblemAssert.Problem(await WriteProblem(client, Skin, body), HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await Http.GetFromJsonAsync<CarePlanSnapshot>($"/api/clients/{client}/care-plan", Json))!.Version);
    }

    [Fact]
    public async Task Signs_and_symptoms_are_refused_for_a_problem_that_is_not_actual_and_an_unknown_problem_code_is_refused()
    {
        var client = await RegisterClient();
        var potential = SkinOrMedication(expectedVersion: 0);
        potential["signsAndSymptoms"] = new JsonArray("rood");

        await ProblemAssert.Problem(await WriteProblem(client, Skin, potential), HttpStatusCode.BadRequest, "signsAndSymptoms");
        await ProblemAssert.Problem(await WriteProblem(client, 43, SkinOrMedication(expectedVersion: 0)), HttpStatusCode.BadRequest, "problemCode");
    }

    [Theory]
    [InlineData("knowledge", "6")]
    [InlineData("status", "0")]
    [InlineData("ratedOn", "\"2999-01-01\"")]
    [InlineData("moment", "\"Yesterday\"")]
    public async Task A_rating_outside_the_scale_or_dated_in_the_future_is_a_400(string field, string value)
    {
        var client = await RegisterClient();
        await Ok(WriteProblem(client, Skin, SkinOrMedication(expectedVersion: 0, actual: true)));
        var rating = JsonNode.Parse($$"""{"expectedVersion":1,"changedBy":"{{Nurse}}","moment":"Admission","ratedOn":"2026-11-02","knowledge":2,"behavior":2,"status":2}""")!.AsObject();
        rating[field] = JsonNode.Parse(value);

        await ProblemAssert.Problem(await Http.PostAsync($"/api/clients/{client}/care-plan/problems/{Skin}/ratings", Body(rating)), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Rating_or_removing_a_problem_that_is_not_in_the_plan_is_a_404_and_a_malformed_author_a_400()
    {
        var client = await RegisterClient();

        await ProblemAssert.Problem(await Rate(client, Skin, 0, "Admission", "2026-11-02", 1, 1, 1), HttpStatusCode.NotFound, "not in the client's care plan");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/clients/{client}/care-plan/problems/{Skin}?expectedVersion=0&changedBy={Nurse}"), HttpStatusCode.NotFound, "not in the client's care plan");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/clients/{client}/care-plan/problems/{Skin}?expectedVersion=0&changedBy=zuster-anna"), HttpStatusCode.BadRequest, "changedBy");
    }

    [Fact]
    public async Task Every_care_plan_endpoint_answers_404_for_a_client_that_does_not_exist()
    {
        var unknown = Guid.NewGuid();

        await ProblemAssert.Problem(await Http.GetAsync($"/api/clients/{unknown}/care-plan"), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/clients/{unknown}/care-plan/history"), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.GetAsync($"/api/clients/{unknown}/care-plan/versions/0"), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await WriteProblem(unknown, Skin, SkinOrMedication(expectedVersion: 0, actual: true)), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/clients/{unknown}/care-plan/problems/{Skin}?expectedVersion=0&changedBy={Nurse}"), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Rate(unknown, Skin, 0, "Admission", "2026-11-02", 1, 1, 1), HttpStatusCode.NotFound, "no client");
    }

    private async Task<Guid> RegisterClient()
    {
        var team = await fixture.Host.CreateTeam($"Buurtzorg {Guid.NewGuid():N}");
        var response = await Http.PostAsync($"/api/teams/{team.Id}/clients", Body(JsonNode.Parse($$"""
            {"name":"Johanna de Groot","dateOfBirth":"1938-04-17",
             "address":{"street":"Oudegracht","houseNumber":"231","postcode":"3511 NK","city":"Utrecht","latitude":52.0894,"longitude":5.1196},
             "phone":"0302314567","teamId":"{{team.Id}}","indicationHoursPerWeek":4.5,"startDate":"2026-11-02"}
            """)!));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Id;
    }

    private static JsonObject SkinOrMedication(int expectedVersion, bool actual = false, string description = "Wond op het linkerbeen verbinden") =>
        JsonNode.Parse($$"""
        {
          "expectedVersion": {{expectedVersion}},
          "changedBy": "{{Nurse}}",
          "scope": "Individual",
          "type": "{{(actual ? "Actual" : "Potential")}}",
          "signsAndSymptoms": {{(actual ? "[\"lesie/open wond\"]" : "[]")}},
          "interventions": [{
            "category": "TreatmentsAndProcedures", "targetCode": 17, "description": "{{description}}",
            "timesPerPeriod": 3, "period": "Week", "windowStart": "08:00", "windowEnd": "11:00",
            "durationMinutes": 30, "requiredQualification": "WoundCare", "twoNurses": false, "performedBy": "Team"
          }]
        }
        """)!.AsObject();

    private Task<HttpResponseMessage> WriteProblem(Guid client, int code, JsonObject body) =>
        Http.PutAsync($"/api/clients/{client}/care-plan/problems/{code}", Body(body));

    private Task<HttpResponseMessage> Rate(Guid client, int code, int expectedVersion, string moment, string on, int knowledge, int behavior, int status) =>
        Http.PostAsync($"/api/clients/{client}/care-plan/problems/{code}/ratings", Body(JsonNode.Parse(
            $$"""{"expectedVersion":{{expectedVersion}},"changedBy":"{{Nurse}}","moment":"{{moment}}","ratedOn":"{{on}}","knowledge":{{knowledge}},"behavior":{{behavior}},"status":{{status}}}""")!));

    private static async Task<CarePlanSnapshot> Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<CarePlanSnapshot>(body, Json)!;
    }

    private static StringContent Body(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Sets a value by a path like "interventions[0].category"; a value that is not JSON is taken as a string.</summary>
    private static void Set(JsonObject body, string path, string? value)
    {
        JsonNode target = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            target = part.EndsWith(']') ? target[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : target[part]!;
        }

        JsonNode? node;
        try
        {
            node = value is null ? null : JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            node = JsonValue.Create(value);
        }

        target[parts[^1]] = node;
    }
}
