using System.Net;
using System.Text.Json;

namespace Buurtzorg.Host.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>
    /// Asserts a ProblemDetails answer with the given status that names <paramref name="mentions"/>
    /// (a field in 'errors', or words in the title or detail), names its code, and leaks no stack trace.
    /// </summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var named = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(mentions, out _)
            || Text(problem, "title").Contains(mentions, StringComparison.OrdinalIgnoreCase)
            || Text(problem, "detail").Contains(mentions, StringComparison.OrdinalIgnoreCase);
        Assert.True(named, $"The problem does not name '{mentions}': {body}");
        // Every refusal names its kind, and each field fault its rule, for the pages' own words.
        Assert.False(string.IsNullOrEmpty(Text(problem, "code")), $"The problem has no code: {body}");
        if (problem.TryGetProperty("errors", out var fields))
        {
            var codes = problem.GetProperty("fieldCodes");
            Assert.All(fields.EnumerateObject(), f => Assert.Equal(f.Value.GetArrayLength(), codes.GetProperty(f.Name).GetArrayLength()));
        }

        return problem;
    }

    /// <summary>Asserts a ProblemDetails answer with the given status and refusal code, leaking no stack trace.</summary>
    public static async Task<JsonElement> HasCode(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, Text(problem, "code"));
        return problem;
    }

    private static string Text(JsonElement problem, string property) =>
        problem.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
