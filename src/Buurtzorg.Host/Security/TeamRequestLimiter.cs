using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Security;

/// <summary>The per-team token buckets behind <see cref="RequestLimits.LimitedPerTeam"/>; idle buckets are dropped by the limiter itself.</summary>
public sealed class TeamRequestLimiter(IOptions<RequestLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetTokenBucketLimiter("team|" + context.Request.RouteValues["teamId"], _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.ProposalsPerTeamBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = options.Value.ProposalEvery,
            QueueLimit = 0,
        }));

    public ValueTask<RateLimitLease> Acquire(HttpContext context) => _limiter.AcquireAsync(context, 1, context.RequestAborted);

    public void Dispose() => _limiter.Dispose();
}
