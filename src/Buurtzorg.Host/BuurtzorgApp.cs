using System.Text.Json.Serialization;
using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Capacity;
using Buurtzorg.Host.CarePlans;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Demo;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Planning;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Rounds;
using Buurtzorg.Host.Schedule;
using Buurtzorg.Host.Teams;
using Buurtzorg.Host.Visits;
using Buurtzorg.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host;

/// <summary>Builds the host: an Orleans silo, the HTTP API, the schedule hub and the thin client.</summary>
public static class BuurtzorgApp
{
    public const string DemoFlag = "--demo";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var demo = args.Contains(DemoFlag);
        var builder = WebApplication.CreateBuilder(args.Where(a => a != DemoFlag).ToArray());
        configure?.Invoke(builder);

        builder.AddBuurtzorgSilo(GrainStorage.Name);
        // No request of this API comes near a megabyte; a bigger body is refused before it is read.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddHostedService<ScheduleEventRelay>();
        builder.Services.AddSingleton<VisitDetailsReader>();
        if (demo)
        {
            builder.Services.AddSingleton<DemoAccounts>();
            builder.Services.AddHostedService<DemoRegionSeeder>();
        }

        AddAccounts(builder.Services);
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>)];
        });
        // Enums travel as their names; numbers are refused so an undefined value cannot slip in.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) throw, so the handler above answers
        // them with a ProblemDetails body like every other refusal.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<AccessGate>();
        app.MapAccounts();
        app.MapClientAccessLog();
        app.MapTeams();
        app.MapClients();
        app.MapCarePlans();
        app.MapNurses();
        app.MapVisits();
        app.MapCapacity();
        app.MapRounds();
        app.MapPlanning();
        app.MapHub<ScheduleHub>(ScheduleHub.Path).Requires(AccessRule.Self);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                Console.WriteLine($"Buurtzorg is running at {address}");
            }
        });
        return app;
    }

    /// <summary>
    /// Sign-in with ASP.NET Core Identity on the project's own account store, a session cookie
    /// (20 minutes idle, 8 hours at most, checked against the account at every request so a
    /// sign-out ends it everywhere), and the access policy and log every endpoint passes.
    /// </summary>
    private static void AddAccounts(IServiceCollection services)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<IUserStore<Account>>(sp => sp.GetRequiredService<AccountStore>());
        services.AddScoped<AccountDirectory>();
        services.AddIdentityCore<Account>(o =>
            {
                // Length over composition rules (as NIST SP 800-63B advises): a passphrase is fine.
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            // The authenticator app is the only second factor (no e-mail or SMS codes).
            .AddTokenProvider<AuthenticatorTokenProvider<Account>>(TokenOptions.DefaultAuthenticatorProvider)
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
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(Caller.SignedInAtClaim, signedInAt.Value));
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
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && !identity.HasClaim(c => c.Type == Caller.SignedInAtClaim))
                {
                    var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                    identity.AddClaim(new System.Security.Claims.Claim(Caller.SignedInAtClaim, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
        services.AddDataProtection().SetApplicationName("Buurtzorg");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<ClusterSettings>())));
        // Tried, not forced: a test composition of the host may put its own policy first.
        services.TryAddSingleton<IAccessPolicy, AccessPolicy>();
        services.AddSingleton<AccessLog>();
        services.AddSingleton<HubWatches>();
    }

    private static readonly TimeSpan SessionIdle = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan SessionLimit = TimeSpan.FromHours(8);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
