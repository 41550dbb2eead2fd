using System.Net;
using System.Net.Http.Json;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// Requests that carry a signed-in nurse's cookie but come from another origin (a page on
/// another port of the same host gets SameSite cookies sent), over real HTTP and a real SignalR
/// client; and the headers every answer carries.
/// </summary>
public sealed class OriginAndHeaderTests(SecureHostFixture fixture) : IClassFixture<SecureHostFixture>
{
    private TestHost Host => fixture.Host;

    private string OwnOrigin => Host.Address.GetLeftPart(UriPartial.Authority);

    private string ForeignOrigin => $"http://127.0.0.1:{Host.Address.Port + 1}";

    [Fact]
    public async Task A_hub_connection_from_a_foreign_origin_with_the_nurses_cookie_is_refused()
    {
        var team = await Host.FoundTeam("Buurtzorg Oog in Al");
        await Host.Hire(team, "Olga Smit", "olga-origin");
        var session = await Host.SignIn("olga-origin");

        await using var negotiated = Hub(session, ForeignOrigin, skipNegotiation: false);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => negotiated.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // What a page can do without CORS: a WebSocket straight to the hub.
        await using var direct = Hub(session, ForeignOrigin, skipNegotiation: true);
        await Assert.ThrowsAnyAsync<Exception>(() => direct.StartAsync());
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{ScheduleHub.Path}/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", ForeignOrigin);
        await ProblemAssert.Problem(await session.Http.SendAsync(negotiate), HttpStatusCode.Forbidden, "another site");

        await using var own = Hub(session, OwnOrigin, skipNegotiation: true);
        await own.StartAsync();
        Assert.NotNull(await own.InvokeAsync<object>("WatchTeam", team));
    }

    [Fact]
    public async Task A_state_changing_request_from_a_foreign_origin_or_marked_same_site_is_refused_with_403()
    {
        var team = await Host.FoundTeam("Buurtzorg Lunetten");
        await Host.Hire(team, "Piet Kok", "piet-origin");
        var session = await Host.SignIn("piet-origin");

        foreach (var (header, value) in new[] { ("Origin", ForeignOrigin), ("Origin", "null"), ("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Site", "cross-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/teams") { Content = JsonContent.Create(new { }) };
            request.Headers.Add(header, value);
            await ProblemAssert.Problem(await session.Http.SendAsync(request), HttpStatusCode.Forbidden, "another site");
        }

        // The site's own pages, and clients that are no browser (no Origin), pass on to the handler.
        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/teams") { Content = JsonContent.Create(new { }) };
        own.Headers.Add("Origin", OwnOrigin);
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        await ProblemAssert.Problem(await session.Http.SendAsync(own), HttpStatusCode.BadRequest, "name");
        await ProblemAssert.Problem(await session.Http.PostAsJsonAsync("/api/teams", new { }), HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Framing_sniffing_and_inline_script_are_refused_by_the_headers_of_every_answer_which_name_no_server()
    {
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/teams") { Content = JsonContent.Create(new { }) };
        foreign.Headers.Add("Origin", ForeignOrigin);
        var answers = new[]
        {
            await Host.Http.GetAsync("/"),
            await Host.Http.GetAsync("/login.html"),
            await Host.Http.GetAsync("/js/login.js"),
            await Host.Http.GetAsync("/api/account/me"),
            await Host.Http.GetAsync("/no-such-page"),
            await Host.Http.SendAsync(foreign),
        };

        foreach (var answer in answers)
        {
            var what = $"{answer.RequestMessage!.RequestUri} ({(int)answer.StatusCode})";
            var csp = string.Join(";", answer.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
            Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal) && csp.Contains("script-src 'self'", StringComparison.Ordinal)
                && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && !csp.Contains("unsafe", StringComparison.Ordinal), $"{what}: CSP '{csp}'");
            Assert.Equal("nosniff", Single(answer, "X-Content-Type-Options"));
            Assert.Equal("same-origin", Single(answer, "Referrer-Policy"));
            Assert.Empty(answer.Headers.Server);
        }
    }

    [Fact]
    public void The_pages_have_no_inline_script_style_or_event_handler_the_policy_would_block()
    {
        var root = Path.Combine(Repository.Root, "src", "Buurtzorg.Host", "wwwroot");
        foreach (var page in Directory.GetFiles(root, "*.html"))
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", html);
            Assert.DoesNotMatch(@"\sstyle\s*=", html);
            Assert.DoesNotMatch(@"<style", html);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Single(HttpResponseMessage answer, string header) =>
        string.Join(",", answer.Headers.TryGetValues(header, out var values) ? values : []);

    private HubConnection Hub(TestHost.Session session, string origin, bool skipNegotiation) => new HubConnectionBuilder()
        .WithUrl(new Uri(Host.Address, ScheduleHub.Path), o =>
        {
            o.Cookies = session.Cookies;
            o.Headers["Origin"] = origin;
            if (skipNegotiation)
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            }
        })
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
        .Build();
}
