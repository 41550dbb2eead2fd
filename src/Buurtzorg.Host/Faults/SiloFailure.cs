namespace Buurtzorg.Host.Faults;

/// <summary>What a grain call throws while a silo of the cluster is dying or being declared dead.</summary>
public static class SiloFailure
{
    public static bool IsPassing(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
        || (exception.InnerException is { } inner && IsPassing(inner));
}
