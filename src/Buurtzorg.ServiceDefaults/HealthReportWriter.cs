using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Buurtzorg.ServiceDefaults;

/// <summary>
/// The readiness answer an operator can read: each check's name, status and short description.
/// Exceptions stay in the log; their messages may carry connection details.
/// </summary>
internal static class HealthReportWriter
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
