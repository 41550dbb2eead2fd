using Buurtzorg.Grains.Schedule;
using Microsoft.Extensions.Time.Testing;

namespace Buurtzorg.Grains.Tests.Schedule;

public sealed class SubscriberLeasesTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(35);

    [Fact]
    public void A_subscriber_that_stops_renewing_lapses_after_the_expiry_while_a_renewing_one_stays()
    {
        var clock = new FakeTimeProvider();
        var leases = new SubscriberLeases<string>(Expiry);
        leases.Renew("host-a", clock.GetUtcNow());
        leases.Renew("host-b", clock.GetUtcNow());

        clock.Advance(Expiry - TimeSpan.FromSeconds(1));
        leases.Renew("host-b", clock.GetUtcNow());
        Assert.Equal(["host-a", "host-b"], leases.Current(clock.GetUtcNow()).Order());

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["host-b"], leases.Current(clock.GetUtcNow()));
    }

    [Fact]
    public void Renewing_twice_keeps_one_subscription_and_removing_ends_it_at_once()
    {
        var now = new FakeTimeProvider().GetUtcNow();
        var leases = new SubscriberLeases<string>(Expiry);

        leases.Renew("host-a", now);
        leases.Renew("host-a", now);
        Assert.Equal(["host-a"], leases.Current(now));

        leases.Remove("host-a");
        Assert.Empty(leases.Current(now));
    }
}
