using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Security;

/// <summary>
/// Every cookie the sign-in writes (the session and the half-way two-factor one) is Secure on an
/// HTTPS request, and always in Production: there TLS may end at a proxy, so the request the
/// host sees can be plain HTTP while the browser's is not.
/// </summary>
public sealed class SecureCookies(IHostEnvironment environment) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) =>
        options.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
