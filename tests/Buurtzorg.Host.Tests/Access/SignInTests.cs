using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.Access;

/// <summary>Signing in over real HTTP with ASP.NET Core Identity: two factors for nurses, rate limits and lockout, and a sign-out that ends the session.</summary>
public sealed class SignInTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private TestHost Host => world.Host;

    [Fact]
    public async Task A_nurse_needs_her_authenticator_code_after_the_password_and_a_wrong_code_does_not_sign_her_in()
    {
        await Host.OpenAccount("nurse-two-steps", AccountRole.Nurse, world.NurseA2);
        using var http = Browser();

        var step = await Post(http, "/api/account/sign-in", new { userName = "nurse-two-steps", password = TestHost.Password });
        Assert.Equal("code", step.GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/teams/{world.TeamA}")).StatusCode);

        var wrong = await http.PostAsJsonAsync("/api/account/sign-in/code", new { code = WrongCode(TestHost.AuthenticatorKey) });
        await ProblemAssert.Problem(wrong, HttpStatusCode.Unauthorized, "code");
        var right = await Post(http, "/api/account/sign-in/code", new { code = await Host.FreshCode("nurse-two-steps") });

        Assert.Equal("signed-in", right.GetProperty("step").GetString());
        Assert.Equal("Nurse", right.GetProperty("me").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/teams/{world.TeamA}")).StatusCode);
    }

    [Fact]
    public async Task A_nurse_without_an_authenticator_sets_one_up_with_the_token_her_password_earns_and_is_signed_in()
    {
        var account = await Host.OpenAccount("new-nurse", AccountRole.Nurse, world.NurseA2, authenticator: false);
        Assert.False(account.TwoFactorEnabled);
        using var http = Browser();
        var credentials = new { userName = "new-nurse", password = TestHost.Password };

        var step = await Post(http, "/api/account/sign-in", credentials);
        Assert.Equal("set-up-authenticator", step.GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/account/me")).StatusCode);

        var setup = await Post(http, "/api/account/authenticator", new { setUpToken = step.GetProperty("setUpToken").GetString() });
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/", setup.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);
        var confirmed = await Post(http, "/api/account/authenticator/confirm", new { setUpToken = setup.GetProperty("setUpToken").GetString(), code = await Host.FreshCode("new-nurse", key) });
        Assert.Equal("signed-in", confirmed.GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/account/me")).StatusCode);

        using var later = Browser();
        Assert.Equal("code", (await Post(later, "/api/account/sign-in", credentials)).GetProperty("step").GetString());
        Assert.Equal("signed-in", (await Post(later, "/api/account/sign-in/code", new { code = await Host.FreshCode("new-nurse", key) })).GetProperty("step").GetString());
    }

    [Fact]
    public async Task A_client_signs_in_with_a_password_alone()
    {
        await Host.OpenAccount("client-alone", AccountRole.Client, world.ClientA);
        using var http = Browser();

        var step = await Post(http, "/api/account/sign-in", new { userName = "client-alone", password = TestHost.Password });

        Assert.Equal("signed-in", step.GetProperty("step").GetString());
        Assert.Equal(world.ClientA, step.GetProperty("me").GetProperty("clients")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Five_wrong_passwords_make_the_next_try_from_that_address_wait_even_with_the_right_one()
    {
        await Host.OpenAccount("forgetful", AccountRole.Client, world.ClientA);
        using var http = Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "forgetful", password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "forgetful", password = TestHost.Password });

        await ProblemAssert.Problem(right, HttpStatusCode.TooManyRequests, "Too many");
        Assert.NotNull(right.Headers.RetryAfter);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_and_only_someone_with_the_password_is_told()
    {
        await Host.OpenAccount("fumbling", AccountRole.Nurse, world.NurseA2);
        using var http = Browser();
        await Post(http, "/api/account/sign-in", new { userName = "fumbling", password = TestHost.Password });
        for (var i = 0; i < 5; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/account/sign-in/code", new { code = WrongCode(TestHost.AuthenticatorKey) });
            Assert.Equal(i < 4 ? HttpStatusCode.Unauthorized : (HttpStatusCode)423, wrong.StatusCode);
        }

        using var guesser = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.PostAsJsonAsync("/api/account/sign-in", new { userName = "fumbling", password = "not the password" })).StatusCode);
        await ProblemAssert.Problem(await guesser.PostAsJsonAsync("/api/account/sign-in", new { userName = "fumbling", password = TestHost.Password }), (HttpStatusCode)423, "locked");
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        using var http = Browser();

        var unknown = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "nobody-here", password = "whatever-it-is" });
        var wrong = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "a1", password = "whatever-it-is" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await Detail(unknown), await Detail(wrong));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copy_of_its_cookie()
    {
        await Host.OpenAccount("leaving", AccountRole.Client, world.ClientA);
        var session = await Host.SignIn("leaving");
        var copy = new CookieContainer();
        copy.Add(session.Cookies.GetAllCookies());
        using var stolen = new HttpClient(new HttpClientHandler { CookieContainer = copy }) { BaseAddress = Host.Address };
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.PostAsJsonAsync("/api/account/sign-out", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stolen.GetAsync("/api/account/me")).StatusCode);
    }

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Host.Address };

    private static async Task<JsonElement> Post(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    /// <summary>A code that is not the current one, nor one of the neighbouring steps the server also accepts.</summary>
    private static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(s => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30 * s))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }
}
