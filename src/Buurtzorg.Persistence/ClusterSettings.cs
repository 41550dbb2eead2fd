using Microsoft.Extensions.Configuration;

namespace Buurtzorg.Persistence;

/// <summary>
/// How this host joins its cluster, read from configuration (environment variables such as
/// <c>ConnectionStrings__Postgres</c> and <c>Orleans__SiloPort</c> work too).
/// No PostgreSQL connection string means the embedded default: one silo on a SQLite file.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Rows in the database are keyed by it: keep it fixed for the life of the data.</summary>
    public string ServiceId { get; init; } = "buurtzorg";

    public string ClusterId { get; init; } = "buurtzorg";

    public int SiloPort { get; init; } = 11111;

    /// <summary>
    /// The port external Orleans clients connect to, in cluster mode only; 0 (the default) opens
    /// none. The web app calls its co-hosted silo directly, so nothing of the system needs it.
    /// </summary>
    public int GatewayPort { get; init; }

    /// <summary>The address other silos reach this one at; by default the machine's first non-loopback address.</summary>
    public string? AdvertisedIP { get; init; }

    /// <summary>
    /// Listen on every interface rather than only the advertised address: needed inside a
    /// container, where the advertised address is not the one traffic arrives on.
    /// </summary>
    public bool ListenOnAnyHostAddress { get; init; }

    public ClusterTlsSettings Tls { get; init; } = new();

    public required StorageBackend Storage { get; init; }

    public bool IsCluster => Storage.Kind == StorageKind.Postgres;

    public static ClusterSettings From(IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        var postgres = configuration.GetConnectionString("Postgres");
        var sqlitePath = configuration["Storage:SqlitePath"] is { Length: > 0 } path
            ? path
            : Path.Combine("data", "buurtzorg.db");

        return new ClusterSettings
        {
            ServiceId = orleans["ServiceId"] ?? "buurtzorg",
            ClusterId = orleans["ClusterId"] ?? "buurtzorg",
            SiloPort = orleans.GetValue("SiloPort", 11111),
            GatewayPort = orleans.GetValue("GatewayPort", 0),
            AdvertisedIP = orleans["AdvertisedIP"],
            ListenOnAnyHostAddress = orleans.GetValue("ListenOnAnyHostAddress", false),
            Tls = ClusterTlsSettings.From(orleans.GetSection("Tls")),
            Storage = string.IsNullOrWhiteSpace(postgres) ? StorageBackend.Sqlite(sqlitePath) : StorageBackend.Postgres(postgres),
        };
    }
}
