using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Security;

/// <summary>
/// What protects a signed-in browser from other pages: origin checks on the hub and on every
/// state-changing request, strict response headers, Secure session cookies and HSTS in
/// Production, and rate limits (<see cref="RequestLimits"/>).
/// </summary>
public static class BrowserProtections
{
    public static IServiceCollection AddBrowserProtections(this IServiceCollection services)
    {
        services.AddOptions<OriginSettings>().BindConfiguration(OriginSettings.Section);
        // The server's name and version only help someone looking for a known hole.
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SecureCookies>();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddRequestLimits();
        return services;
    }

    /// <summary>First in the pipeline after the exception handler, so static files and refusals get the headers too.</summary>
    public static WebApplication UseBrowserProtections(this WebApplication app)
    {
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<OriginCheck>();
        return app;
    }
}
