using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Buurtzorg.Contracts.Faults;
using Buurtzorg.Host.Faults;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Buurtzorg.Host.Problems;

/// <summary>
/// The single place where refusals become HTTP answers: a ProblemDetails body that names the
/// problem, never a stack trace. Anything unexpected is left to the default 500 handler, which
/// in production shows no details either.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException invalid => new HttpValidationProblemDetails(invalid.Errors)
            {
                Status = invalid.Status,
                Title = invalid.Title,
                Detail = invalid.Message,
                Extensions = { ["fieldCodes"] = invalid.FieldCodes },
            },
            ResourceConflictException conflict => new ProblemDetails
            {
                Status = conflict.Status,
                Title = conflict.Title,
                Detail = conflict.Message,
                Extensions = new Dictionary<string, object?>(conflict.Extensions),
            },
            RuleViolationException rule => new ProblemDetails
            {
                Status = rule.Status,
                Title = rule.Title,
                Detail = rule.Message,
                Extensions = new Dictionary<string, object?>(rule.Extensions),
            },
            ProblemException refused => new ProblemDetails { Status = refused.Status, Title = refused.Title, Detail = refused.Message },
            BadHttpRequestException bad => FromBadRequest(bad),
            _ when Find<IdempotencyKeyReusedException>(exception) is { } reused => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [IdempotencyKeys.Header] = [reused.Message],
            })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "This Idempotency-Key belongs to another request.",
                Detail = reused.Message,
                Extensions = { [CodeKey] = RefusalCodes.IdempotencyKeyReused, ["fieldCodes"] = Codes(IdempotencyKeys.Header, FieldCodes.Invalid) },
            },
            _ when Find<StorageUnavailableException>(exception) is not null || Find<DbException>(exception) is not null => Unavailable(httpContext, StorageRetryAfter, RefusalCodes.StorageUnavailable,
                "The database cannot be reached at the moment.", "Nothing was stored. Try again shortly with the same Idempotency-Key."),
            _ when SiloFailure.IsPassing(exception) => Unavailable(httpContext, SiloRetryAfter, RefusalCodes.HostPassing,
                "A host of the cluster is being replaced.", "Try again shortly with the same Idempotency-Key; a change sent with one is applied at most once."),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        if (exception is ProblemException { Code: var code })
        {
            problem.Extensions[CodeKey] = code;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    // Short: a database restart or a silo's replacement takes seconds, and the key makes the retry safe.
    private const int StorageRetryAfter = 2;
    private const int SiloRetryAfter = 1;

    /// <summary>The extension that names the refusal (<see cref="RefusalCodes"/>).</summary>
    public const string CodeKey = "code";

    /// <summary>
    /// Names the refusal of an answer that did not name one itself: a status page (404, 405),
    /// the sign-in cookie's 401, a framework refusal. Every problem the host writes passes here.
    /// </summary>
    public static void NameTheRefusal(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey(CodeKey))
        {
            problem.Extensions[CodeKey] = problem is HttpValidationProblemDetails { Errors.Count: > 0 }
                ? RefusalCodes.Validation
                : RefusalCodes.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        }

        if (problem is HttpValidationProblemDetails { Errors: var errors } && !problem.Extensions.ContainsKey("fieldCodes"))
        {
            problem.Extensions["fieldCodes"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(_ => FieldCodes.Invalid).ToArray());
        }
    }

    private static Dictionary<string, string[]> Codes(string field, string code) => new() { [field] = [code] };

    private static ProblemDetails Unavailable(HttpContext context, int retryAfterSeconds, string code, string title, string detail)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail, Extensions = { [CodeKey] = code } };
    }

    private static T? Find<T>(Exception exception)
        where T : Exception => exception switch
        {
            T found => found,
            AggregateException { InnerExceptions: var all } => all.Select(Find<T>).FirstOrDefault(f => f is not null),
            { InnerException: { } inner } => Find<T>(inner),
            _ => null,
        };

    // Malformed JSON, a value of the wrong type or a missing body: say where,
    // without echoing the raw parser message (it can quote the caller's data back).
    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [$"The request body is not valid JSON for this request at '{json.Path ?? "$"}'."],
            })
            {
                Extensions = { ["fieldCodes"] = Codes(field, FieldCodes.BadForm) },
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read.",
                Detail = "The body must be a JSON object of the documented shape.",
            };
        }

        // A route or query value that does not convert ("changedBy=abc"): name the parameter,
        // again without repeating the value.
        if (BoundParameter().Match(bad.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [$"'{name}' does not have the expected form."],
            })
            {
                Extensions = { ["fieldCodes"] = Codes(name, FieldCodes.BadForm) },
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            };
        }

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = bad.StatusCode == StatusCodes.Status400BadRequest && bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? "The request body is missing or empty."
                : null,
        };
    }

    [GeneratedRegex("""Failed to bind parameter "(?:[^"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)" from""")]
    private static partial Regex BoundParameter();
}
