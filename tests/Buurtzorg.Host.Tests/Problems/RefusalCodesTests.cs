using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Buurtzorg.Host.Tests.Infrastructure.TeamDay;

namespace Buurtzorg.Host.Tests.Problems;

/// <summary>
/// Every kind of refusal names itself with a stable code, so the pages can say it in Dutch or
/// English without reading the server's English; and no code ships without a text on the page.
/// Each request is a real one against the real host, as a browser or a script would send it.
/// </summary>
public sealed class RefusalCodesTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    private HttpClient Anonymous() => new(new ActionKeys()) { BaseAddress = Host.Address };

    [Fact]
    public async Task A_client_the_caller_has_no_relation_with_is_not_found()
    {
        var team = await Host.FoundTeam("Refusals Lombok");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-lombok");
        var anne = await Host.SignIn("anne-refusals-lombok");

        await AssertCode(await anne.Http.GetAsync($"/api/clients/{Guid.NewGuid()}"), HttpStatusCode.NotFound, RefusalCodes.NotFound);
        await AssertCode(await anne.Http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, RefusalCodes.NotFound);
    }

    [Fact]
    public async Task Signing_in_wrongly_and_asking_without_a_session_say_which()
    {
        using var anonymous = Anonymous();

        await AssertCode(await anonymous.GetAsync("/api/teams"), HttpStatusCode.Unauthorized, RefusalCodes.NotSignedIn);
        await AssertCode(await anonymous.GetAsync("/api/account/me"), HttpStatusCode.Unauthorized, RefusalCodes.NotSignedIn);
        await AssertCode(
            await anonymous.PostAsJsonAsync("/api/account/sign-in", new { userName = "nobody-refusals", password = "not the password" }),
            HttpStatusCode.Unauthorized, RefusalCodes.SignInFailed);
    }

    [Fact]
    public async Task Bad_input_names_each_field_with_the_rule_it_broke()
    {
        var team = await Host.FoundTeam("Refusals Zuilen");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-zuilen");
        var anne = await Host.SignIn("anne-refusals-zuilen");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");

        var blank = await AssertCode(
            await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = " ", relation = "Family" }, Json),
            HttpStatusCode.BadRequest, RefusalCodes.Validation);
        Assert.Equal([FieldCodes.Required], FieldCodesOf(blank, "name"));
        Assert.Contains("name", blank.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var tooLong = await AssertCode(
            await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = new string('a', 501), relation = "Family" }, Json),
            HttpStatusCode.BadRequest, RefusalCodes.Validation);
        Assert.Equal([FieldCodes.TooLong], FieldCodesOf(tooLong, "name"));

        var unknownRelation = await AssertCode(
            await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Nobody" }, Json),
            HttpStatusCode.BadRequest, RefusalCodes.Validation);
        Assert.Equal([FieldCodes.BadForm], FieldCodesOf(unknownRelation, "relation"));

        var control = await AssertCode(
            await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/network", new { name = "Ria\u200BBakker", relation = "Family" }, Json),
            HttpStatusCode.BadRequest, RefusalCodes.Validation);
        Assert.Equal([FieldCodes.InvalidCharacters], FieldCodesOf(control, "name"));

        var plan = await anne.Http.GetFromJsonAsync<JsonElement>($"/api/clients/{client.Id}/care-plan", Json);
        var rating = await AssertCode(
            await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/care-plan/problems/42/ratings",
                new { expectedVersion = plan.GetProperty("version").GetInt32(), changedBy = Guid.NewGuid(), moment = "Admission", ratedOn = Today, knowledge = 9, behavior = 3, status = 3 }, Json),
            HttpStatusCode.BadRequest, RefusalCodes.Validation);
        Assert.Equal([FieldCodes.OutOfRange], FieldCodesOf(rating, "knowledge"));

        var malformed = await AssertCode(
            await anne.Http.PostAsync($"/api/clients/{client.Id}/network", new StringContent("{\"name\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, RefusalCodes.Validation);
        Assert.All(malformed.GetProperty("fieldCodes").EnumerateObject(), f => Assert.Equal(FieldCodes.BadForm, f.Value[0].GetString()));
    }

    [Fact]
    public async Task A_care_plan_edit_on_an_old_version_is_stale()
    {
        var team = await Host.FoundTeam("Refusals Tuindorp");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-tuindorp");
        var anne = await Host.SignIn("anne-refusals-tuindorp");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        await anne.Http.AddDailyVisit(team, client.Id);

        var stale = await anne.Http.PostAsJsonAsync($"/api/clients/{client.Id}/care-plan/problems/42/ratings",
            new { expectedVersion = 0, changedBy = Guid.NewGuid(), moment = "Admission", ratedOn = Today, knowledge = 2, behavior = 3, status = 3 }, Json);

        var problem = await AssertCode(stale, HttpStatusCode.Conflict, RefusalCodes.StaleVersion);
        Assert.True(problem.GetProperty("currentVersion").GetInt32() > 0);
    }

    [Fact]
    public async Task A_visit_a_colleague_took_first_is_taken_and_her_round_is_hers_to_order()
    {
        var team = await Host.FoundTeam("Refusals Wittevrouwen");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-wittevrouwen");
        var bramId = await Host.Hire(team, "Bram Jansen", "bram-refusals-wittevrouwen");
        var anne = await Host.SignIn("anne-refusals-wittevrouwen");
        var bram = await Host.SignIn("bram-refusals-wittevrouwen");
        var visit = await anne.Http.AddDailyVisit(team, (await anne.Http.AddClient(team, "Johanna de Groot")).Id);
        (await bram.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json)).EnsureSuccessStatusCode();

        await AssertCode(await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/claim", new { }, Json), HttpStatusCode.Conflict, RefusalCodes.VisitTaken);
        await AssertCode(await anne.Http.PostAsJsonAsync($"/api/teams/{team}/visits/{visit.Id}/release", new { }, Json), HttpStatusCode.Conflict, RefusalCodes.VisitNotYours);
        await AssertCode(
            await anne.Http.PutAsJsonAsync($"/api/teams/{team}/rounds/{bramId}/{Today:yyyy-MM-dd}", new { stops = Array.Empty<object>() }, Json),
            HttpStatusCode.Forbidden, RefusalCodes.OwnRoundOnly);
    }

    [Fact]
    public async Task Idempotency_keys_reused_or_malformed_are_named()
    {
        var team = await Host.FoundTeam("Refusals Vathorst");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-vathorst");
        var anne = await Host.SignIn("anne-refusals-vathorst");
        var client = await anne.Http.AddClient(team, "Gerrit Bakker");
        var key = Guid.NewGuid().ToString();

        (await Send(anne.Http, HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Ria Bakker", relation = "Family" }, key)).EnsureSuccessStatusCode();
        await AssertCode(
            await Send(anne.Http, HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees Bakker", relation = "Family" }, key),
            HttpStatusCode.UnprocessableEntity, RefusalCodes.IdempotencyKeyReused);
        await AssertCode(
            await Send(anne.Http, HttpMethod.Post, $"/api/clients/{client.Id}/network", new { name = "Kees Bakker", relation = "Family" }, "not a key"),
            HttpStatusCode.BadRequest, RefusalCodes.IdempotencyKeyInvalid);
    }

    [Fact]
    public async Task Requests_from_another_site_of_the_wrong_type_or_method_are_named()
    {
        var team = await Host.FoundTeam("Refusals Overvecht");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-overvecht");
        var anne = await Host.SignIn("anne-refusals-overvecht");

        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-out") { Content = JsonContent.Create(new { }) };
        foreign.Headers.Add("Origin", "https://elsewhere.example");
        await AssertCode(await anne.Http.SendAsync(foreign), HttpStatusCode.Forbidden, RefusalCodes.OriginRefused);

        await AssertCode(
            await anne.Http.PostAsync($"/api/teams/{team}/visits/{Guid.NewGuid()}/claim", new StringContent("{}", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, RefusalCodes.JsonRequired);
        await AssertCode(await anne.Http.PostAsync("/api/account/sign-out", new StringContent("", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, RefusalCodes.JsonRequired);
    }

    [Fact]
    public async Task A_hub_refusal_starts_with_its_code()
    {
        var team = await Host.FoundTeam("Refusals Hoograven");
        await Host.Hire(team, "Anne de Vries", "anne-refusals-hoograven");
        var anne = await Host.SignIn("anne-refusals-hoograven");
        await using var hub = await anne.ConnectToHub();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("WatchClient", Guid.NewGuid()));

        Assert.Contains($"[{RefusalCodes.NotFound}] ", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A code the server can send and the page cannot say would show the visitor nothing useful.</summary>
    [Fact]
    public async Task Every_code_has_a_Dutch_and_an_English_text_in_the_web_client()
    {
        var script = await Host.Http.GetStringAsync("/js/i18n.js");
        var english = script.IndexOf("\n  en: {", StringComparison.Ordinal);
        Assert.True(english > 0, "i18n.js has its English strings under 'en: {'.");
        var (dutch, inEnglish) = (script[..english], script[english..]);

        var missing = Codes(typeof(RefusalCodes)).Select(code => $"problem.{code}")
            .Concat(Codes(typeof(FieldCodes)).Select(code => $"problem.field.{code}"))
            .SelectMany(key => new[] { ("nl", key, dutch), ("en", key, inEnglish) })
            .Where(k => !k.Item3.Contains($"\"{k.key}\":", StringComparison.Ordinal))
            .Select(k => $"{k.Item1}: {k.key}")
            .ToList();

        Assert.True(missing.Count == 0, "No text for: " + string.Join(", ", missing));
        Assert.True(Codes(typeof(RefusalCodes)).Count() > 30);
    }

    private static IEnumerable<string> Codes(Type holder) =>
        holder.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> AssertCode(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem.Clone();
    }

    private static string[] FieldCodesOf(JsonElement problem, string field) =>
        [.. problem.GetProperty("fieldCodes").GetProperty(field).EnumerateArray().Select(c => c.GetString() ?? "")];
}
