using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Buurtzorg.Host.Problems;
using Buurtzorg.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Security;

/// <summary>
/// Every rate limit of the host: the sign-in limits (<see cref="SignInLimits"/>), a limit per
/// caller over all requests, so that one account or address cannot take the host for itself,
/// and a limit per team on round proposals, each of which keeps a core busy for seconds. A
/// refused request is a 429 ProblemDetails with Retry-After.
/// </summary>
public static class RequestLimits
{
    public const string Section = "Buurtzorg:RequestLimits";

    /// <summary>
    /// Limits an endpoint (route value teamId) per team, whoever of the team asks. It is counted
    /// in an endpoint filter, after the access gate: counted before it, anyone signed in could
    /// spend another team's proposals.
    /// </summary>
    public static RouteHandlerBuilder LimitedPerTeam(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var limiter = context.RequestServices.GetRequiredService<TeamRequestLimiter>();
            using var lease = await limiter.Acquire(context);
            if (!lease.IsAcquired)
            {
                await Refuse(context, lease, signIn: false);
                return Results.Empty;
            }

            return await next(invocation);
        });

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimits.Section);
        services.AddOptions<RequestLimitOptions>().BindConfiguration(Section);
        services.AddSingleton<TeamRequestLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) => Refuse(rejected.HttpContext, rejected.Lease, SignInLimits.IsSignInStep(rejected.HttpContext));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(SignInLimits.PerAddress),
                PartitionedRateLimiter.Create<HttpContext, string>(SignInLimits.PerName),
                PartitionedRateLimiter.Create<HttpContext, string>(PerCaller));
            o.AddPolicy(SignInLimits.Policy, SignInLimits.PerNameAndAddress);
        });
        return services;
    }

    /// <summary>
    /// A signed-in caller by account (a care office's nurses share one address), anyone else by
    /// address. Probes and scrapes are left alone: a load balancer polls from one address forever.
    /// </summary>
    private static RateLimitPartition<string> PerCaller(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(ServiceDefaultsExtensions.LivePath) || path.StartsWithSegments(ServiceDefaultsExtensions.ReadyPath)
            || path.StartsWithSegments(ServiceDefaultsExtensions.MetricsPath))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = Options(context);
        var caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } account ? "account|" + account : "address|" + SignInLimits.Address(context);
        return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.PerCallerBurst,
            TokensPerPeriod = options.PerCallerPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
    }

    internal static RequestLimitOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value;

    private static async ValueTask Refuse(HttpContext context, RateLimitLease lease, bool signIn)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : signIn ? context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.Window
            : TimeSpan.FromSeconds(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = signIn ? "Too many sign-in attempts." : "Too many requests.",
                Detail = "Wait the number of seconds in Retry-After, then try again.",
                Extensions = { [ProblemDetailsExceptionHandler.CodeKey] = signIn ? RefusalCodes.TooManyAttempts : RefusalCodes.TooManyRequests },
            },
        });
    }
}

/// <summary><c>Buurtzorg:RequestLimits</c>.</summary>
public sealed class RequestLimitOptions
{
    /// <summary>Requests one caller may make at once after a quiet spell (a page load fetches a dozen).</summary>
    public int PerCallerBurst { get; set; } = 200;

    /// <summary>Requests per second one caller may keep up.</summary>
    public int PerCallerPerSecond { get; set; } = 50;

    /// <summary>Proposals a team may ask for in a row.</summary>
    public int ProposalsPerTeamBurst { get; set; } = 6;

    /// <summary>After the burst, one more proposal per this interval.</summary>
    public TimeSpan ProposalEvery { get; set; } = TimeSpan.FromSeconds(10);
}
