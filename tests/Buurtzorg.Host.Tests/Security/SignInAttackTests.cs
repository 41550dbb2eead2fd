using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Buurtzorg.Host.Tests.Security.SecurityClients;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>Counts how often a password is checked against a hash, real or stand-in.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Account>
{
    private readonly PasswordHasher<Account> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Account user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>A secure host whose password hasher is counted.</summary>
public sealed class CountedHasherHost : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();

    public CountingPasswordHasher Hasher { get; } = new();

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await TestHost.StartSecureOnSqlite(_file.Path, services => services.AddSingleton<IPasswordHasher<Account>>(Hasher));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _file.Dispose();
    }
}

/// <summary>
/// Hostile sign-in attempts over real HTTP: probing for names, locking others out, taking over an
/// authenticator with only a password, replaying a code, and a sign-out another site sends.
/// </summary>
public sealed class SignInAttackTests(CountedHasherHost fixture) : IClassFixture<CountedHasherHost>
{
    private const string WrongPassword = "not the password at all";

    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Probing_for_user_names_gets_identical_answers_for_known_and_unknown_names_try_after_try()
    {
        await Host.OpenAccount("known-probe", AccountRole.Client);
        using var http = From(Host);

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var known = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "known-probe", password = WrongPassword });
            var unknown = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "unknown-probe", password = WrongPassword });

            Assert.Equal(attempt <= 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, known.StatusCode);
            Assert.Equal(await Shape(known), await Shape(unknown));
            Assert.Equal(known.Headers.RetryAfter is null, unknown.Headers.RetryAfter is null);
        }
    }

    [Fact]
    public async Task Timing_probes_for_user_names_meet_a_password_hash_for_unknown_names_too()
    {
        await Host.OpenAccount("known-timing", AccountRole.Client);
        using var http = From(Host);

        var before = fixture.Hasher.Verifications;
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "unknown-timing", password = WrongPassword })).StatusCode);
        var forUnknown = fixture.Hasher.Verifications - before;
        before = fixture.Hasher.Verifications;
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "known-timing", password = WrongPassword })).StatusCode);
        var forKnown = fixture.Hasher.Verifications - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task Guessing_from_one_address_gets_429_on_the_sixth_try_and_cannot_lock_the_owner_out_elsewhere()
    {
        await Host.OpenAccount("known-guessed", AccountRole.Client);
        using var attacker = From(Host);
        foreach (var name in new[] { "known-guessed", "unknown-guessed" })
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostAsJsonAsync("/api/account/sign-in", new { userName = name, password = WrongPassword })).StatusCode);
            }
        }

        // The sixth try waits, even with the right password, for a name that exists or not.
        var known = await attacker.PostAsJsonAsync("/api/account/sign-in", new { userName = "known-guessed", password = TestHost.Password });
        var unknown = await attacker.PostAsJsonAsync("/api/account/sign-in", new { userName = "UNKNOWN-guessed", password = TestHost.Password });
        await ProblemAssert.Problem(known, HttpStatusCode.TooManyRequests, "Too many");
        Assert.Equal(await Shape(known), await Shape(unknown));
        Assert.InRange(known.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.NotNull(unknown.Headers.RetryAfter?.Delta);

        // A made-up forwarding header does not make a fresh address: it is not trusted.
        using var spoofed = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(new { userName = "known-guessed", password = TestHost.Password }) };
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SendAsync(spoofed)).StatusCode);

        // The owner, from her own address, is not locked out.
        using var owner = From(Host, "127.0.0.2");
        var signedIn = await owner.PostAsJsonAsync("/api/account/sign-in", new { userName = "known-guessed", password = TestHost.Password });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("signed-in", (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("step").GetString());
    }

    [Fact]
    public async Task Hijacking_an_authenticator_with_only_a_password_is_refused_alike_for_every_account()
    {
        var nurse = await Host.OpenAccount("nurse-hijacked", AccountRole.Nurse, Guid.NewGuid());
        var client = await Host.OpenAccount("client-hijacked", AccountRole.Client);
        using var attacker = From(Host);

        var answers = new List<string>();
        foreach (var name in new[] { "nurse-hijacked", "client-hijacked" })
        {
            var setUp = await attacker.PostAsJsonAsync("/api/account/authenticator", new { userName = name, password = TestHost.Password });
            await ProblemAssert.Problem(setUp, HttpStatusCode.Unauthorized, "Sign in first");
            answers.Add(await Shape(setUp));
            var confirm = await attacker.PostAsJsonAsync("/api/account/authenticator/confirm", new { userName = name, password = TestHost.Password, code = Totp.Code(TestHost.AuthenticatorKey) });
            await ProblemAssert.Problem(confirm, HttpStatusCode.BadRequest, "setUpToken");
            answers.Add(await Shape(confirm));
        }

        // No 409 telling which account has an authenticator: the same answers for both.
        Assert.Equal(answers[0], answers[2]);
        Assert.Equal(answers[1], answers[3]);
        using var scope = Host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var nurseNow = (await users.FindByNameAsync("nurse-hijacked"))!;
        var clientNow = (await users.FindByNameAsync("client-hijacked"))!;
        Assert.Equal((nurse.AuthenticatorKey, true), (nurseNow.AuthenticatorKey, nurseNow.TwoFactorEnabled));
        Assert.Equal((client.AuthenticatorKey, false), (clientNow.AuthenticatorKey, clientNow.TwoFactorEnabled));
        await Host.SignIn("nurse-hijacked");
    }

    [Fact]
    public async Task Replaying_a_set_up_token_after_the_first_sign_in_set_up_is_refused()
    {
        await Host.OpenAccount("nurse-first-time", AccountRole.Nurse, Guid.NewGuid(), authenticator: false);
        using var http = From(Host);

        var step = await Read(await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "nurse-first-time", password = TestHost.Password }));
        Assert.Equal("set-up-authenticator", step.GetProperty("step").GetString());
        var passwordToken = step.GetProperty("setUpToken").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/account/me")).StatusCode);

        var setup = await Read(await http.PostAsJsonAsync("/api/account/authenticator", new { setUpToken = passwordToken }));
        var key = setup.GetProperty("sharedKey").GetString()!;
        var keyToken = setup.GetProperty("setUpToken").GetString()!;
        var tampered = await http.PostAsJsonAsync("/api/account/authenticator/confirm", new { setUpToken = keyToken[..^4] + "AAAA", code = Totp.Code(key) });
        await ProblemAssert.Problem(tampered, HttpStatusCode.BadRequest, "setUpToken");

        var done = await Read(await http.PostAsJsonAsync("/api/account/authenticator/confirm", new { setUpToken = keyToken, code = await Host.FreshCode("nurse-first-time", key) }));
        Assert.Equal("signed-in", done.GetProperty("step").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/account/me")).StatusCode);

        using var replayer = From(Host);
        await ProblemAssert.Problem(
            await replayer.PostAsJsonAsync("/api/account/authenticator/confirm", new { setUpToken = keyToken, code = await Host.FreshCode("nurse-first-time", key) }),
            HttpStatusCode.BadRequest, "setUpToken");
        await ProblemAssert.Problem(await replayer.PostAsJsonAsync("/api/account/authenticator", new { setUpToken = passwordToken }), HttpStatusCode.BadRequest, "setUpToken");
    }

    [Fact]
    public async Task Replaying_an_authenticator_code_that_signed_in_once_is_refused()
    {
        await Host.OpenAccount("nurse-replayed", AccountRole.Nurse, Guid.NewGuid());
        var code = Totp.Code(TestHost.AuthenticatorKey);
        using var first = From(Host);
        await Read(await first.PostAsJsonAsync("/api/account/sign-in", new { userName = "nurse-replayed", password = TestHost.Password }));
        Assert.Equal("signed-in", (await Read(await first.PostAsJsonAsync("/api/account/sign-in/code", new { code }))).GetProperty("step").GetString());

        using var second = From(Host);
        Assert.Equal("code", (await Read(await second.PostAsJsonAsync("/api/account/sign-in", new { userName = "nurse-replayed", password = TestHost.Password }))).GetProperty("step").GetString());
        var replayed = await second.PostAsJsonAsync("/api/account/sign-in/code", new { code });

        await ProblemAssert.Problem(replayed, HttpStatusCode.Unauthorized, "code");
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/account/me")).StatusCode);
        var next = Totp.Code(TestHost.AuthenticatorKey, DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal("signed-in", (await Read(await second.PostAsJsonAsync("/api/account/sign-in/code", new { code = next }))).GetProperty("step").GetString());
    }

    [Fact]
    public async Task A_cross_site_no_cors_sign_out_without_json_is_refused_and_the_session_lives_on()
    {
        await Host.OpenAccount("client-signed-out", AccountRole.Client);
        var session = await Host.SignIn("client-signed-out");

        // What a form or a no-cors fetch on another site can send: text, or nothing.
        await ProblemAssert.Problem(await session.Http.PostAsync("/api/account/sign-out", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, "JSON");
        await ProblemAssert.Problem(await session.Http.PostAsync("/api/account/sign-out", null), HttpStatusCode.UnsupportedMediaType, "JSON");
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.PostAsJsonAsync("/api/account/sign-out", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.GetAsync("/api/account/me")).StatusCode);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
