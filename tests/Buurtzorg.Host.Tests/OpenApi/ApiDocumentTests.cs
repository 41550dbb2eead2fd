using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.ApiDocs;
using Buurtzorg.Host.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scope = Buurtzorg.Host.Access.Scope;

namespace Buurtzorg.Host.Tests.OpenApi;

/// <summary>
/// The OpenAPI document describes every endpoint the host maps, with the refusals each can
/// answer, in a form a standard reader accepts; the interactive reference exists in Development only.
/// </summary>
public sealed partial class ApiDocumentTests(ApiDocsFixture docs) : IClassFixture<ApiDocsFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public void Every_mapped_endpoint_is_in_the_document_with_its_method_and_path()
    {
        var mapped = Endpoints()
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Path(e)}"))
            .ToHashSet();
        var documented = Operations().Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();

        Assert.True(mapped.Count > 40, $"only {mapped.Count} endpoints found");
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public void Every_operation_documents_its_refusals_as_problems_beside_its_success()
    {
        var wrong = new List<string>();
        foreach (var (method, path, operation) in Operations())
        {
            var responses = operation["responses"]!.AsObject();
            var name = $"{method.ToUpperInvariant()} {path}";
            if (!responses.Any(r => r.Key.StartsWith('2')))
            {
                wrong.Add($"{name}: no success response");
            }

            if (!responses.Any(r => r.Key.StartsWith('4') && IsProblem(r.Value)))
            {
                wrong.Add($"{name}: no 4xx problem");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                if (!IsProblem(response))
                {
                    wrong.Add($"{name}: {status} is not a problem");
                }
            }

            if (!responses.ContainsKey("503"))
            {
                wrong.Add($"{name}: no 503");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Client_scoped_endpoints_document_404_and_changes_document_403()
    {
        var operations = Operations().ToDictionary(o => (string)o.Operation["operationId"]!);
        var wrong = new List<string>();
        var clientScoped = 0;
        foreach (var endpoint in Endpoints())
        {
            var rule = endpoint.Metadata.GetMetadata<AccessRule>()!;
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;
            var responses = operations[name].Operation["responses"]!.AsObject();
            if (rule.Scope == Scope.Client)
            {
                clientScoped++;
                wrong.AddRange(Missing(name, responses, rule.Changes ? ["401", "403", "404"] : ["401", "404"]));
            }
            else if (rule.Scope == Scope.Public)
            {
                Assert.False(responses.ContainsKey("401") && !responses.ContainsKey("429"), $"{name} is public: no sign-in refusal but a failed sign-in");
            }
            else
            {
                wrong.AddRange(Missing(name, responses, ["401"]));
            }

            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Any(m => m != HttpMethods.Get))
            {
                wrong.AddRange(Missing(name, responses, ["403", "422"]));
            }
        }

        Assert.True(clientScoped > 10);
        Assert.Empty(wrong);
    }

    [Fact]
    public void Changes_made_on_a_version_document_the_409_of_a_stale_one()
    {
        var versioned = Operations()
            .Where(o => o.Method != "get" && SendsVersion(o.Operation))
            .ToList();
        var names = versioned.Select(o => (string)o.Operation["operationId"]!).ToHashSet();

        Assert.Superset(new HashSet<string> { "WriteCarePlanProblem", "RemoveCarePlanProblem", "RateCarePlanOutcome", "AcceptProposal" }, names);
        Assert.All(versioned, o => Assert.Contains("stale-version", (string)o.Operation["responses"]!["409"]!["description"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Sign_in_documents_its_rate_limit_and_the_locked_account()
    {
        var signIn = Operations().Single(o => (string?)o.Operation["operationId"] == "SignIn").Operation["responses"]!.AsObject();

        Assert.All(new[] { "400", "401", "423", "429" }, status => Assert.True(signIn.ContainsKey(status), status));
        Assert.NotNull(signIn["429"]!["headers"]!["Retry-After"]);
        Assert.Contains("account-locked", (string)signIn["423"]!["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_carry_the_refusal_code_and_validation_problems_the_field_codes()
    {
        var schemas = docs.Document["components"]!["schemas"]!;
        var problem = schemas["ProblemDetails"]!["properties"]!;
        var validation = schemas["HttpValidationProblemDetails"]!["properties"]!;

        Assert.Contains("stale-version", problem["code"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.NotNull(validation["errors"]);
        Assert.Contains("too-long", validation["fieldCodes"]!["additionalProperties"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Enums_are_their_names_and_orleans_records_have_their_properties()
    {
        var schemas = docs.Document["components"]!["schemas"]!.AsObject();
        var enums = schemas.Where(s => s.Value!["enum"] is not null).ToList();

        Assert.NotEmpty(enums);
        // A nullable use of an enum adds null to its list; a number would mean the names are not what travels.
        Assert.All(enums, e => Assert.All(e.Value!["enum"]!.AsArray(), v => Assert.True(v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String, $"{e.Key}: {v}")));
        Assert.Equal(["Nurse", "Client", "Family", "Central", "Operations"], schemas["AccountRole"]!["enum"]!.AsArray().Select(v => (string?)v));
        // A wire record of the contracts ([GenerateSerializer], [Id] on each member) as its JSON names.
        var team = schemas["TeamSnapshot"]!["properties"]!.AsObject();
        Assert.Superset(new HashSet<string> { "id", "name", "version", "nurses" }, team.Select(p => p.Key).ToHashSet());
    }

    [Fact]
    public async Task The_document_is_openapi_3_and_a_standard_reader_reads_it_without_errors()
    {
        Assert.StartsWith("3.", (string)docs.Document["openapi"]!, StringComparison.Ordinal);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(docs.Text));
        var (document, diagnostic) = await OpenApiDocument.LoadAsync(stream, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Equal(Operations().Count(), document.Paths.Sum(p => p.Value.Operations?.Count ?? 0));
    }

    [Fact]
    public async Task The_reference_is_served_in_development_with_its_own_policy_and_nowhere_else()
    {
        using var anonymous = new HttpClient { BaseAddress = docs.Development.Address };
        var page = await anonymous.GetAsync(ApiDocsSetup.ReferencePath);
        var script = await anonymous.GetAsync(ApiDocsSetup.ReferencePath + "/scalar.js");
        var home = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("scalar.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(ApiDocsSetup.ReferencePolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, home.Headers.GetValues("Content-Security-Policy").Single());

        using var stranger = new HttpClient { BaseAddress = docs.Production.Address };
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(ApiDocsSetup.ReferencePath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(ApiDocsSetup.ReferencePath + "/scalar.js")).StatusCode);
        // Outside Development the document is for signed-in accounts.
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync(ApiDocsSetup.DocumentPath)).StatusCode);
    }

    [Fact]
    public void Only_the_operational_endpoints_are_left_out_of_the_document()
    {
        var left = docs.Development.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            .Select(e => e.RoutePattern.RawText!)
            .ToList();
        Assert.Contains("/health/ready", left);
        Assert.Contains("/dashboard/ClusterStats", left);
        // Besides the document itself and its reference, which describe the API rather than make it.
        Assert.All(left, route => Assert.Matches("^/(health|metrics|dashboard|openapi|scalar)", route));
    }

    /// <summary>The endpoints of the API: not the hub, the document or its reference, nor the operational ones (health, metrics, the Orleans dashboard).</summary>
    private IEnumerable<RouteEndpoint> Endpoints() =>
        docs.Development.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/hubs/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.StartsWith("/openapi/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.StartsWith(ApiDocsSetup.ReferencePath, StringComparison.Ordinal));

    private IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        from path in docs.Document["paths"]!.AsObject()
        from method in Methods
        where path.Value![method] is not null
        select (method, path.Key, path.Value![method]!.AsObject());

    private static string Path(RouteEndpoint endpoint)
    {
        var path = Constraint().Replace(endpoint.RoutePattern.RawText!, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static bool IsProblem(JsonNode? response) => response?["content"]?["application/problem+json"] is not null;

    private static IEnumerable<string> Missing(string name, JsonObject responses, string[] statuses) =>
        statuses.Where(s => !responses.ContainsKey(s)).Select(s => $"{name}: no {s}");

    private bool SendsVersion(JsonObject operation)
    {
        var inQuery = operation["parameters"]?.AsArray().Any(p => ((string)p!["name"]!).EndsWith("version", StringComparison.OrdinalIgnoreCase)) ?? false;
        var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (body?["$ref"] is { } reference)
        {
            body = docs.Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        }

        var inBody = body?["properties"]?.AsObject().Any(p => p.Key.EndsWith("Version", StringComparison.Ordinal)) ?? false;
        return inQuery || inBody;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();
}
