using System.Globalization;
using System.Security.Claims;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Accounts;

public static class SignInSetup
{
    private static readonly TimeSpan SessionIdle = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan SessionLimit = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in with ASP.NET Core Identity on the project's own account store, a session cookie
    /// (20 minutes idle, 8 hours at most, checked against the account at every request so a
    /// sign-out ends it everywhere), and the access policy and log every endpoint passes.
    /// </summary>
    public static IServiceCollection AddSignInAndAccess(this IServiceCollection services)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<IUserStore<Account>>(sp => sp.GetRequiredService<AccountStore>());
        services.AddScoped<AccountDirectory>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<AuthenticatorSetUpTokens>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddIdentityCore<Account>(o =>
            {
                // Length over composition rules (as NIST SP 800-63B advises): a passphrase is fine.
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                // Counted for wrong authenticator codes only (which need the password first): wrong
                // passwords are slowed by the sign-in rate limits, so no one can lock another out.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            // The authenticator app is the only second factor (no e-mail or SMS codes), each code good once.
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            // The validator rebuilds the session's principal from the account; the sign-in time
            // must survive that, or the absolute limit would restart.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(Caller.SignedInAtClaim) is { } signedInAt
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(Caller.SignedInAtClaim, signedInAt.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "buurtzorg.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = SessionIdle;
            o.SlidingExpiration = true;
            // An API answers 401 rather than redirecting to a login page.
            o.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnSigningIn = context =>
            {
                // Renewals keep the claim: the absolute limit counts from the sign-in itself.
                if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == Caller.SignedInAtClaim))
                {
                    var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                    identity.AddClaim(new Claim(Caller.SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
                }

                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var signedInAt = context.Principal?.FindFirst(Caller.SignedInAtClaim)?.Value;
                var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (!long.TryParse(signedInAt, out var seconds) || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > SessionLimit)
                {
                    context.RejectPrincipal();
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        var dataProtection = services.AddDataProtection().SetApplicationName("Buurtzorg");
        // The key ring sits in the shared database: encrypted to the cluster certificate, a copy
        // of the database is no longer enough to forge a session. Registered by AddBuurtzorgSilo.
        var certificate = services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<ClusterCertificate>().FirstOrDefault();
        if (certificate is not null)
        {
            // From memory, not the machine's certificate store, where Linux would look by default.
            dataProtection.ProtectKeysWithCertificate(certificate.Certificate).UnprotectKeysWithAnyCertificate(certificate.Certificate);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(
                sp.GetRequiredService<ClusterSettings>(), requireEncryptedKeys: certificate is not null, sp.GetRequiredService<ILogger<DatabaseKeyRepository>>())));
        // Tried, not forced: a test composition of the host may put its own policy first.
        services.TryAddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddSingleton<AccessLog>();
        services.AddSingleton<HubWatches>();
        return services;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
