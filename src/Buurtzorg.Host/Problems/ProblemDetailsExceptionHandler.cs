using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Buurtzorg.Host.Problems;

/// <summary>
/// The single place where refusals become HTTP answers: a ProblemDetails body that names the
/// problem, never a stack trace. Anything unexpected is left to the default 500 handler, which
/// in production shows no details either.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
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
            },
            ProblemException refused => new ProblemDetails { Status = refused.Status, Title = refused.Title, Detail = refused.Message },
            BadHttpRequestException bad => FromBadRequest(bad),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

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
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read.",
                Detail = "The body must be a JSON object of the documented shape.",
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
}
