using System.Globalization;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Faults;
using Buurtzorg.Host.Problems;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scope = Buurtzorg.Host.Access.Scope;

namespace Buurtzorg.Host.ApiDocs;

/// <summary>
/// Documents the refusals of every operation from what its endpoint already declares: its
/// <see cref="AccessRule"/>, its method, its parameters and body, and the sign-in rate limit. The
/// middleware in front of every handler refuses by these alone (the access gate, the origin
/// check, the idempotency keys, binding), so a new endpoint is described correctly without a
/// word of its own; an endpoint adds <c>.ProducesProblem</c> only for a refusal of its handler
/// that none of these implies (a locked account, say).
/// </summary>
internal sealed class RefusalResponses : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";

    public const string Overview =
        "Every refusal is an RFC 9457 problem (application/problem+json) whose extension 'code' names it " +
        "for programs; the English title and detail are for people and may be reworded. A validation " +
        "refusal (400) also names each field to correct in 'errors', with a code per message in 'fieldCodes'. " +
        "Access refusals answer 404 like a missing resource, so ids cannot be probed. " +
        "A state-changing request may carry an Idempotency-Key: sent again with the same key and body, " +
        "it is applied at most once, which makes a retry after a 503 safe.";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var rule = metadata.OfType<AccessRule>().LastOrDefault();
        var reads = description.HttpMethod is null || HttpMethods.IsGet(description.HttpMethod) || HttpMethods.IsHead(description.HttpMethod);
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        var signInStep = metadata.OfType<EnableRateLimitingAttribute>().Any();
        var isPublic = rule is null || rule.Scope == Scope.Public;

        operation.Responses ??= [];
        var refusals = new List<(int Status, string Text, Type Shape)>();
        if (!reads || description.ParameterDescriptions.Any(p => p.Source != BindingSource.Services && p.Source != BindingSource.Special))
        {
            refusals.Add((StatusCodes.Status400BadRequest,
                "The request is not valid (validation): 'errors' names each field to correct and 'fieldCodes' what each rule found. " +
                "Also a body that is not JSON of the documented shape, a route or query value of the wrong form (bad-request), " +
                $"or a malformed {IdempotencyKeys.Header} (idempotency-key-invalid).",
                typeof(HttpValidationProblemDetails)));
        }

        if (signInStep)
        {
            refusals.Add((StatusCodes.Status401Unauthorized, "The user name, password, code or set-up token is not right (sign-in-failed), or there is no sign-in to go on with (not-signed-in).", typeof(ProblemDetails)));
        }
        else if (!isPublic)
        {
            refusals.Add((StatusCodes.Status401Unauthorized, "Sign in first (not-signed-in).", typeof(ProblemDetails)));
        }

        if (!reads)
        {
            refusals.Add((StatusCodes.Status403Forbidden,
                "The request came from another site's page (origin-refused), or the caller may see this but the act is not theirs to do " +
                "(nurse-only, own-round-only, forbidden). Nothing was changed.",
                typeof(ProblemDetails)));
        }

        if (!isPublic && rule!.Scope != Scope.Self)
        {
            refusals.Add((StatusCodes.Status404NotFound,
                "There is nothing here for this caller (not-found): the resource does not exist, or the caller may not see it. " +
                "The two are answered alike, so ids cannot be probed.",
                typeof(ProblemDetails)));
        }

        if (!reads && !isPublic)
        {
            refusals.Add((StatusCodes.Status409Conflict, ConflictText(description), typeof(ProblemDetails)));
        }

        if (hasBody)
        {
            refusals.Add((StatusCodes.Status415UnsupportedMediaType, "The body must be JSON: send 'Content-Type: application/json' (json-required).", typeof(ProblemDetails)));
        }

        if (!reads)
        {
            refusals.Add((StatusCodes.Status422UnprocessableEntity,
                "The change breaks a rule of the domain (rule-violated, or a code that names the rule; other members say what it met), " +
                $"or its {IdempotencyKeys.Header} was used before for another request (idempotency-key-reused). Nothing was changed.",
                typeof(ProblemDetails)));
        }

        if (signInStep)
        {
            refusals.Add((StatusCodes.Status429TooManyRequests, "Too many sign-in attempts (too-many-attempts): wait the seconds in Retry-After.", typeof(ProblemDetails)));
        }

        refusals.Add((StatusCodes.Status503ServiceUnavailable,
            "Passing trouble: the database cannot be reached (storage-unavailable) or a host of the cluster is being replaced (host-passing). " +
            $"Nothing was stored: try again after Retry-After seconds, with the same {IdempotencyKeys.Header} for a change.",
            typeof(ProblemDetails)));

        foreach (var (status, text, shape) in refusals)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var declared) && declared is OpenApiResponse own)
            {
                // An endpoint's own .ProducesProblem keeps its shape and gains the words.
                own.Description = text;
                continue;
            }

            operation.Responses[key] = await Problem(context, status, text, shape, cancellationToken);
        }

        foreach (var (key, response) in operation.Responses)
        {
            if (response is OpenApiResponse { Content: { } content } own && content.ContainsKey(ProblemJson) && int.TryParse(key, CultureInfo.InvariantCulture, out var status))
            {
                if (refusals.All(r => r.Status != status))
                {
                    own.Description = Declared.GetValueOrDefault(status) ?? Words(status);
                }

                if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
                {
                    own.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    own.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
                }
            }
        }

        if (!reads)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKeys.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A fresh key (a UUID) per action, 1 to 100 visible ASCII characters: sent again with the same request, the change is applied at most once and the first answer comes back.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
            });
        }
    }

    /// <summary>The words for refusals that only an endpoint's own <c>.ProducesProblem</c> declares.</summary>
    private static readonly Dictionary<int, string> Declared = new()
    {
        [StatusCodes.Status415UnsupportedMediaType] = "The request must be JSON, even without a body: send 'Content-Type: application/json' and {} (json-required).",
        [StatusCodes.Status423Locked] = "Too many wrong authenticator codes: the account is locked for fifteen minutes (account-locked).",
    };

    /// <summary>A request that says which version it was made on is refused when that is no longer the current one.</summary>
    private static string ConflictText(ApiDescription description)
    {
        const string General = "The change met a state that refuses it ('code' says which: conflict, already-exists, already-in-team, visit-taken, team-divided and the like). Nothing was changed.";
        return SendsVersion(description)
            ? "The version sent is no longer the current one (stale-version, schedule-moved): read again and redo the change; other members give the current version. " + General
            : General;
    }

    public static bool SendsVersion(ApiDescription description) => description.ParameterDescriptions.Any(p =>
        p.Source == BindingSource.Body
            ? p.Type.GetProperties().Any(property => property.Name.EndsWith("Version", StringComparison.Ordinal))
            : p.Source == BindingSource.Query && p.Name.EndsWith("version", StringComparison.OrdinalIgnoreCase));

    private static string Words(int status) => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? $"{phrase} ({RefusalCodes.ForStatus(status)})." : RefusalCodes.ForStatus(status);

    private static async Task<OpenApiResponse> Problem(OpenApiOperationTransformerContext context, int status, string text, Type shape, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(shape, null, cancellationToken);
        IOpenApiSchema body = schema;
        if (context.Document is { } document)
        {
            // One named schema per shape, referenced from every refusal, as an endpoint's own
            // .ProducesProblem would have it.
            document.AddComponent(shape.Name, schema);
            body = new OpenApiSchemaReference(shape.Name, document);
        }

        return new OpenApiResponse
        {
            Description = text,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = body } },
        };
    }
}
