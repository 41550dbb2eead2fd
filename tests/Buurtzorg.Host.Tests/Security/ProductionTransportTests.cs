using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Buurtzorg.Host.Tests.Security;

/// <summary>
/// A host in Production on HTTPS and plain HTTP (as behind a proxy that ends TLS), with its public
/// origin configured: the session cookie is Secure on both, HTTPS answers carry HSTS, and only
/// the configured origin may change anything.
/// </summary>
public sealed class ProductionTransportTests : IAsyncLifetime
{
    private const string PublicOrigin = "https://buurtzorg.example";
    private readonly TempSqliteFile _file = new();
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"buurtzorg-test-{Guid.NewGuid():N}.pfx");
    private TestHost _host = null!;
    private Uri _https = null!;
    private Uri _http = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=buurtzorg.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllBytesAsync(_certificate, certificate.Export(X509ContentType.Pfx, "test"));
        _host = await TestHost.StartSecureOnSqlite(_file.Path, new Dictionary<string, string?>
        {
            ["Urls"] = "https://127.0.0.1:0;http://127.0.0.1:0",
            ["Kestrel:Certificates:Default:Path"] = _certificate,
            ["Kestrel:Certificates:Default:Password"] = "test",
            ["Buurtzorg:PublicOrigins:0"] = PublicOrigin,
        }, environment: "Production");
        var addresses = _host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        _https = addresses.Single(a => a.Scheme == "https");
        _http = addresses.Single(a => a.Scheme == "http");
        await _host.OpenAccount("client-in-production", AccountRole.Client);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
        File.Delete(_certificate);
    }

    [Fact]
    public async Task Sniffing_the_session_cookie_off_plain_http_is_refused_by_Secure_in_production_and_HSTS_on_https()
    {
        foreach (var address in new[] { _https, _http })
        {
            using var http = Client(address);
            var signedIn = await http.PostAsJsonAsync("/api/account/sign-in", new { userName = "client-in-production", password = TestHost.Password });
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("buurtzorg.session=", StringComparison.Ordinal));
            Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        }

        // HSTS is left off for localhost names by design: ask by the public name.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/login.html");
        page.Headers.Host = "buurtzorg.example";
        using var https = Client(_https);
        var answer = await https.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(",", answer.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_from_any_origin_but_the_configured_public_one_is_refused()
    {
        using var https = Client(_https);
        foreach (var (origin, refused) in new[] { (_https.GetLeftPart(UriPartial.Authority), true), ("https://evil.example", true), (PublicOrigin, false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/teams") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("Origin", origin);
            var answer = await https.SendAsync(request);
            // Past the origin check, a caller without a session meets the sign-in requirement.
            Assert.Equal(refused ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, answer.StatusCode);
        }
    }

    private static HttpClient Client(Uri address) => new(new HttpClientHandler
    {
        UseCookies = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
}
