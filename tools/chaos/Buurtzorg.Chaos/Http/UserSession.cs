using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Buurtzorg.Chaos.Http;

/// <summary>
/// A signed-in user as a browser holds one: a cookie jar. The session is good on every host (the
/// key ring is in the shared database), so one jar serves requests and hub connections to all.
/// </summary>
public sealed class UserSession : IDisposable
{
    private UserSession(string userName, CookieContainer cookies, Guid subjectId)
    {
        UserName = userName;
        Cookies = cookies;
        SubjectId = subjectId;
        // Timeouts are per attempt (see Requests); a pooled connection to a host that was killed
        // or stopped is not kept long.
        Http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = cookies,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromSeconds(15),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string UserName { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>The nurse or client the account is.</summary>
    public Guid SubjectId { get; }

    /// <summary>Password, then (for nurses) the authenticator code: each code signs in once, so a refused one is followed by the next step's.</summary>
    public static async Task<UserSession> SignIn(Uri host, DemoAccount account)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var step = await Post(http, "/api/account/sign-in", new { userName = account.UserName, password = account.Password });
        for (var tries = 0; (string?)step["step"] == "code" && tries < 3; tries++)
        {
            var code = Totp.Code(account.AuthenticatorKey ?? throw new InvalidOperationException($"{account.UserName} needs a code but has no key"), Totp.CurrentStep + tries);
            step = await Post(http, "/api/account/sign-in/code", new { code }, allowRefusal: true);
        }

        if ((string?)step["step"] != "signed-in" || !Guid.TryParse((string?)step["me"]?["subjectId"], out var subject))
        {
            throw new InvalidOperationException($"{account.UserName} could not sign in: {step.ToJsonString()}");
        }

        return new UserSession(account.UserName, cookies, subject);
    }

    private static async Task<JsonObject> Post(HttpClient http, string path, object body, bool allowRefusal = false)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        if (allowRefusal && response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new JsonObject { ["step"] = "code" };
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public void Dispose() => Http.Dispose();
}
