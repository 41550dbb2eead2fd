namespace Buurtzorg.Contracts.Faults;

/// <summary>
/// The database could not be reached, so nothing was read or stored. It replaces the driver's
/// own exception at the storage boundary: that one cannot cross between silos, and says more
/// about the database than a caller should see. Hosts answer it with 503 and Retry-After.
/// </summary>
[GenerateSerializer, Alias("Buurtzorg.Faults.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : base("The database cannot be reached at the moment; nothing was stored.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
