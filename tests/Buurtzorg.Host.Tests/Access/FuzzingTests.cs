using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Buurtzorg.Persistence;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>
/// Generated hostile requests against every endpoint the host maps: malformed JSON, values of the
/// wrong type, oversized and deeply nested bodies, impossible dates, unknown ids and Unicode
/// tricks in every route value. None may get a 5xx or a stack trace, and the stored state must be
/// exactly as before (every body is invalid by construction, so nothing may be written).
/// </summary>
public sealed partial class FuzzingTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private const int Requests = 10_000;

    private static readonly string[] Tricks =
    [
        "\u202eevil", "a\u0000b", "%00", "../../etc/passwd", "🙂", "Ж", "\uFEFF", "null", "-1", "2026-02-30", "9999-99-99",
        "' OR 1=1 --", "<script>alert(1)</script>", "00000000-0000-0000-0000-000000000000", new string('x', 3000), "１２３", "NaN",
    ];

    private sealed record Probe(string Method, string Path, string? Body, int Caller);

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_5xx_and_change_nothing_stored()
    {
        var endpoints = world.Host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not null)
            // Signing out would end the fuzzing caller's session: it has no body to fuzz anyway.
            .Where(e => e.RoutePattern.RawText != "/api/account/sign-out")
            // Making a calendar link reads no body either: any body is as good as {} (the access
            // matrix and the calendar tests try it with real ids and callers).
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()?.EndpointName is not ("MakeRoundCalendarLink" or "MakeClientCalendarLink"))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Template: e.RoutePattern.RawText!)))
            .ToArray();
        Assert.True(endpoints.Length > 40, $"only {endpoints.Length} endpoints found");
        var ids = new[] { world.TeamA, world.ClientA, world.NurseA1, world.NurseA2, world.VisitA.Id, world.RelativeWithAgenda, world.TeamB, world.ClientB };
        var before = await StoredState();

        // A DELETE without a body is well-formed whenever its ids are real: those get only unknown or malformed ids.
        var malformedValue = Gen.OneOf(
            Gen.Guid.Select(g => g.ToString()),
            Gen.Int[0, Tricks.Length - 1].Select(i => Uri.EscapeDataString(Tricks[i])),
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.String[Gen.Char.AlphaNumeric, 0, 40].Select(Uri.EscapeDataString));
        var routeValue = Gen.Frequency((1, Gen.Int[0, ids.Length - 1].Select(i => ids[i].ToString())), (3, malformedValue));
        // Each field the endpoints know gets a value of a type it cannot have, so no body is valid.
        var poisoned = Gen.Int[0, 2].Array[PoisonFields.Length].Select(picks =>
            "{" + string.Join(",", PoisonFields.Select((field, i) => $"\"{field}\":{WrongFor(field)[picks[i]]}")) + "}");
        var body = Gen.Frequency(
            (30, poisoned),
            (15, Gen.OneOf(Gen.Const("{"), Gen.Const("{\"name\":"), Gen.Const("[1,2"), Gen.Const("nul"), Gen.Const("{\"a\":1,}"), Gen.Const("\u0000"))),
            (10, Gen.OneOf(Gen.Const("[]"), Gen.Const("42"), Gen.Const("\"text\""), Gen.Const("true"), Gen.Const("null"))),
            (10, Gen.String.Select(s => s)),
            (2, Gen.Int[65, 5000].Select(depth => new string('[', depth) + new string(']', depth))),
            (1, Gen.Const("{\"name\":\"" + new string('a', 1_100_000) + "\"}")),
            (5, Gen.Const("")));
        var query = Gen.OneOf(Gen.Const(""), Gen.Const("?since=-5"), Gen.Const("?since=abc"), Gen.Const("?seconds=100000"), Gen.Const("?from=2026-13-01&to=x"), Gen.Const("?expectedVersion=%00"));
        var probe =
            from endpoint in Gen.Int[0, endpoints.Length - 1].Select(i => endpoints[i])
            from values in (endpoint.Method == "DELETE" ? malformedValue : routeValue).Array[4]
            from q in query
            from b in body
            from caller in Gen.Frequency((8, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2)))
            select new Probe(endpoint.Method, Fill(endpoint.Template, values) + q, endpoint.Method is "GET" or "DELETE" ? null : b, caller);

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var sent = 0;
        await probe.SampleAsync(async p =>
        {
            var http = p.Caller switch { 0 => world.Http(Who.NurseOfTheTeam), 1 => world.Http(Who.FamilyWithCarePlan), _ => world.Http(Who.Anonymous) };
            using var request = new HttpRequestMessage(new HttpMethod(p.Method), p.Path);
            if (p.Body is not null)
            {
                request.Content = new StringContent(p.Body, Encoding.UTF8, "application/json");
                // As a browser would for a big upload: wait for the server's go-ahead, so a
                // refusal of the size is read rather than cut off mid-upload.
                request.Headers.ExpectContinue = p.Body.Length > 64 * 1024;
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Interlocked.Increment(ref sent);
            if ((int)response.StatusCode >= 500 || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{p.Method} {p.Path[..Math.Min(p.Path.Length, 200)]} → {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            }

            // Every body is invalid, so no change may be accepted.
            if (p.Method != "GET" && response.IsSuccessStatusCode)
            {
                failures.Add($"accepted: {p.Method} {p.Path[..Math.Min(p.Path.Length, 200)]} body {p.Body?[..Math.Min(p.Body.Length, 300)]} → {(int)response.StatusCode}");
            }
        }, iter: Requests, threads: 2, print: p => $"{p.Method} {p.Path[..Math.Min(p.Path.Length, 120)]} body {p.Body?[..Math.Min(p.Body.Length, 120)]}");

        Assert.Equal(Requests, sent);
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures));
        var after = await StoredState();
        Assert.Empty(after.Except(before).Select(row => "now: " + row).Concat(before.Except(after).Select(row => "was: " + row)));
    }

    [Fact]
    public async Task A_hub_message_over_the_size_limit_closes_only_that_connection()
    {
        await using var connection = await world.Sessions[Who.NurseOfTheTeam].ConnectToHub();
        var closed = new TaskCompletionSource();
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync<object>("WatchTeam", new string('x', 100_000)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await using var next = await world.Sessions[Who.NurseOfTheTeam].ConnectToHub();
        Assert.NotNull(await next.InvokeAsync<object>("WatchTeam", world.TeamA));
    }

    // Field names the endpoints' bodies use, each given a value of the wrong type.
    private static readonly string[] PoisonFields =
    [
        "name", "teamId", "nurseId", "toNurseId", "expectedVersion", "changedBy", "order", "start", "access", "status", "relation",
        "qualifications", "weeklyAvailability", "from", "to", "reason", "minutes", "scheduleVersion", "rounds", "code", "userName",
        "password", "knowledge", "behaviour", "ratedOn", "moment", "scope", "type", "interventions", "signsAndSymptoms",
        "dateOfBirth", "address", "phone", "indicationHoursPerWeek", "startDate", "contractHoursPerWeek", "home", "takesOn", "setUpToken",
        "message", "onBehalfOf", "fromNurseId",
    ];

    private static readonly HashSet<string> ArrayFields = ["qualifications", "weeklyAvailability", "order", "rounds", "interventions", "signsAndSymptoms"];
    private static readonly HashSet<string> ObjectFields = ["address", "home"];

    private static string[] WrongFor(string field) =>
        ArrayFields.Contains(field) ? ["{}", "42", "true"] : ObjectFields.Contains(field) ? ["[]", "42", "true"] : ["{}", "[]", "true"];

    private static string Fill(string template, string[] values)
    {
        var i = 0;
        return RouteParameter().Replace(template, _ => values[i++ % values.Length]);
    }

    /// <summary>Every stored row but the access log's (which grows with every request, by design); grain payloads by their hash.</summary>
    private async Task<HashSet<string>> StoredState()
    {
        await using var connection = SchemaMigrator.Open(world.Host.App.Services.GetRequiredService<ClusterSettings>().Storage);
        await connection.OpenAsync();
        var rows = new HashSet<string>();
        foreach (var sql in new[]
        {
            // The capacity roll-up is an aggregate the teams report into on their own time (and
            // first stored when someone asks for it): not data a request writes.
            "SELECT state_name, grain_id_n0, grain_id_n1, grain_id_ext, version, payload FROM grain_state WHERE state_name <> 'capacity-rollup';",
            "SELECT id, password_hash, security_stamp, lockout_end, access_failed_count, two_factor_enabled FROM account;",
            "SELECT account_id, client_id, member_id FROM account_link;",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    var value = reader.IsDBNull(c) ? "∅" : reader.GetValue(c) is byte[] bytes ? Convert.ToHexString(SHA256.HashData(bytes)) : reader.GetValue(c).ToString();
                    row.Append(value).Append('|');
                }

                rows.Add(row.ToString());
            }
        }

        return rows;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
