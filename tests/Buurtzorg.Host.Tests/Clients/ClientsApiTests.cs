using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Clients;

/// <summary>Every client endpoint, its happy path and its bad input, over real HTTP.</summary>
public sealed class ClientsApiTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private HttpClient Http => fixture.Host.Http;

    private async Task<JsonObject> ValidRegistration()
    {
        var team = await fixture.Host.CreateTeam($"Buurtzorg {Guid.NewGuid():N}");
        return JsonNode.Parse($$"""
        {
          "name": "Johanna de Groot-van Dijk",
          "dateOfBirth": "1938-04-17",
          "address": { "street": "Oudegracht", "houseNumber": "231a", "postcode": "3511nk",
                       "city": "Utrecht", "latitude": 52.0894, "longitude": 5.1196 },
          "phone": "030 231 4567",
          "teamId": "{{team.Id}}",
          "indicationHoursPerWeek": 4.5,
          "startDate": "2026-11-02"
        }
        """)!.AsObject();
    }

    /// <summary>Registers with the team the body names, as the team's page does.</summary>
    private Task<HttpResponseMessage> Register(JsonObject body) => Http.PostAsync($"/api/teams/{(string?)body["teamId"]}/clients", Body(body));

    private async Task<ClientRecord> Register()
    {
        var response = await Register(await ValidRegistration());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClientRecord>(Json))!;
    }

    [Fact]
    public async Task Registering_a_client_stores_a_normalised_record_readable_by_its_location()
    {
        var response = await Register(await ValidRegistration());
        var created = (await response.Content.ReadFromJsonAsync<ClientRecord>(Json))!;
        var read = await Http.GetFromJsonAsync<ClientRecord>(response.Headers.Location, Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((1L, ClientStatus.Active), (read!.Version, read.Status));
        Assert.Equal("3511 NK", read.Details.Address.Postcode);
        Assert.Equal(new DateOnly(1938, 4, 17), read.Details.DateOfBirth);
        Assert.Equal(created.Id, read.Id);
    }

    public static TheoryData<string, string?, string> BadRegistrations => new()
    {
        { "name", "", "name" },
        { "name", null, "name" },
        { "dateOfBirth", "2999-01-01", "dateOfBirth" },
        { "dateOfBirth", "1800-01-01", "dateOfBirth" },
        { "address.postcode", "0123 AB", "address.postcode" },
        { "address.postcode", "35111 AB", "address.postcode" },
        { "address.latitude", "48.85", "address.location" },
        { "address.street", " ", "address.street" },
        { "phone", "12345", "phone" },
        { "phone", "", "phone" },
        { "teamId", "00000000-0000-0000-0000-000000000000", "teamId" },
        { "teamId", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "teamId" },
        { "indicationHoursPerWeek", "0", "indicationHoursPerWeek" },
        { "indicationHoursPerWeek", "500", "indicationHoursPerWeek" },
        { "startDate", "1930-01-01", "startDate" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task A_registration_with_a_bad_field_is_a_400_naming_it(string path, string? value, string field)
    {
        var body = await ValidRegistration();
        Set(body, path, value);

        var response = await Register(body);

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("""{"dateOfBirth":"17-04-1938"}""", "dateOfBirth")]
    [InlineData("""{"indicationHoursPerWeek":"veel"}""", "indicationHoursPerWeek")]
    [InlineData("""{"address":"Oudegracht 231"}""", "address")]
    public async Task A_registration_with_a_value_of_the_wrong_type_is_a_400_naming_the_field(string json, string field)
    {
        var response = await Http.PostAsync($"/api/teams/{Guid.NewGuid()}/clients", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_client_that_does_not_exist_is_a_404_on_every_client_endpoint()
    {
        var unknown = Guid.NewGuid();
        var member = Guid.NewGuid();
        var person = Body(JsonNode.Parse("""{"name":"Piet","relation":"Neighbour"}""")!);

        await ProblemAssert.Problem(await Http.GetAsync($"/api/clients/{unknown}"), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.PutAsync($"/api/clients/{unknown}/status", Body(JsonNode.Parse("""{"status":"Paused"}""")!)), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.PostAsync($"/api/clients/{unknown}/network", person), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.PutAsync($"/api/clients/{unknown}/network/{member}", person), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/clients/{unknown}/network/{member}"), HttpStatusCode.NotFound, "no client");
        await ProblemAssert.Problem(await Http.PutAsync($"/api/clients/{unknown}/network/{member}/access", Body(JsonNode.Parse("""{"access":"Agenda"}""")!)), HttpStatusCode.NotFound, "no client");
    }

    [Fact]
    public async Task The_client_status_changes_and_an_unknown_or_numeric_status_is_refused()
    {
        var client = await Register();

        var paused = await Http.PutAsync($"/api/clients/{client.Id}/status", Body(JsonNode.Parse("""{"status":"Paused"}""")!));
        var unknown = await Http.PutAsync($"/api/clients/{client.Id}/status", Body(JsonNode.Parse("""{"status":"Gone"}""")!));
        var numeric = await Http.PutAsync($"/api/clients/{client.Id}/status", Body(JsonNode.Parse("""{"status":7}""")!));

        Assert.Equal(ClientStatus.Paused, (await paused.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Status);
        await ProblemAssert.Problem(unknown, HttpStatusCode.BadRequest, "status");
        await ProblemAssert.Problem(numeric, HttpStatusCode.BadRequest, "status");
        Assert.Equal(2, (await Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!.Version);
    }

    [Fact]
    public async Task The_clients_network_can_be_added_to_changed_given_access_and_removed()
    {
        var client = await Register();

        var added = await Http.PostAsync($"/api/clients/{client.Id}/network", Body(JsonNode.Parse(
            """{"name":"Kees de Groot","relation":"Family","relationDescription":"zoon","phone":"06-12345678","email":"kees@example.nl","takesOn":"Boodschappen en de steunkousen op zondag"}""")!));
        var member = Assert.Single((await added.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network);
        Assert.Equal(NetworkAccess.None, member.Access);

        var granted = await Http.PutAsync($"/api/clients/{client.Id}/network/{member.Id}/access", Body(JsonNode.Parse("""{"access":"CarePlan"}""")!));
        Assert.Equal(NetworkAccess.CarePlan, Assert.Single((await granted.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network).Access);

        var changed = await Http.PutAsync($"/api/clients/{client.Id}/network/{member.Id}", Body(JsonNode.Parse("""{"name":"Kees de Groot","relation":"InformalCarer"}""")!));
        var after = Assert.Single((await changed.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network);
        Assert.Equal((NetworkRelation.InformalCarer, NetworkAccess.CarePlan), (after.Details.Relation, after.Access));

        var removed = await Http.DeleteAsync($"/api/clients/{client.Id}/network/{member.Id}");
        Assert.Empty((await removed.Content.ReadFromJsonAsync<ClientRecord>(Json))!.Network);
        await ProblemAssert.Problem(await Http.DeleteAsync($"/api/clients/{client.Id}/network/{member.Id}"), HttpStatusCode.NotFound, "not in the client's network");
    }

    [Theory]
    [InlineData("""{"relation":"Family"}""", "name")]
    [InlineData("""{"name":"Kees"}""", "relation")]
    [InlineData("""{"name":"Kees","relation":"Cousin"}""", "relation")]
    [InlineData("""{"name":"Kees","relation":"Family","phone":"bel maar"}""", "phone")]
    [InlineData("""{"name":"Kees","relation":"Family","email":"kees@"}""", "email")]
    [InlineData("""{"name":"Kees","relation":"Family","takesOn":"a\u0000b"}""", "takesOn")]
    public async Task A_network_member_with_bad_input_is_a_400_naming_the_field_and_nothing_changes(string json, string field)
    {
        var client = await Register();

        var response = await Http.PostAsync($"/api/clients/{client.Id}/network", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.Problem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(1, (await Http.GetFromJsonAsync<ClientRecord>($"/api/clients/{client.Id}", Json))!.Version);
    }

    [Fact]
    public async Task Access_for_someone_not_in_the_network_is_a_404_and_a_bad_tier_a_400()
    {
        var client = await Register();

        await ProblemAssert.Problem(
            await Http.PutAsync($"/api/clients/{client.Id}/network/{Guid.NewGuid()}/access", Body(JsonNode.Parse("""{"access":"Agenda"}""")!)),
            HttpStatusCode.NotFound, "not in the client's network");
        await ProblemAssert.Problem(
            await Http.PutAsync($"/api/clients/{client.Id}/network/{Guid.NewGuid()}/access", Body(JsonNode.Parse("""{"access":"Everything"}""")!)),
            HttpStatusCode.BadRequest, "access");
    }

    private static StringContent Body(JsonNode json) => new(json.ToJsonString(), Encoding.UTF8, "application/json");

    private static void Set(JsonObject body, string path, string? value)
    {
        var parts = path.Split('.');
        var target = parts.Length == 2 ? body[parts[0]]!.AsObject() : body;
        target[parts[^1]] = value is null ? null
            : double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) && !value.Contains(' ', StringComparison.Ordinal) && path != "phone"
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
    }
}
