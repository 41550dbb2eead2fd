using System.Net.Http.Json;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Faults;

internal static class Keyed
{
    /// <summary>A change sent as the web client sends it: with its action's Idempotency-Key.</summary>
    public static Task<HttpResponseMessage> Send(this HttpClient http, HttpMethod method, string path, object body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: TeamDay.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}
