using System.Xml.Linq;
using Buurtzorg.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// The data-protection key ring in the shared database: a session cookie issued by one host of a
/// cluster is read by every other, and survives a restart.
/// </summary>
public sealed partial class DatabaseKeyRepository(ClusterSettings settings, bool requireEncryptedKeys, ILogger<DatabaseKeyRepository> logger) : IXmlRepository
{
    private readonly Lazy<int> _ready = new(() => Prepare(settings, requireEncryptedKeys, logger));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _ready.Value;
        return [.. ReadAll(settings).Select(row => row.Xml)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _ = _ready.Value;
        using var connection = SchemaMigrator.Open(settings.Storage);
        connection.Open();
        using var command = AccountStore.Command(connection,
            "INSERT INTO data_protection_key (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING;");
        AccountStore.Add(command, "name", friendlyName);
        AccountStore.Add(command, "xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private static int Prepare(ClusterSettings settings, bool requireEncryptedKeys, ILogger logger)
    {
        // The key ring is first read while the host starts, possibly before the schema service has
        // run; the migration is safe to run twice, so the repository makes sure of it itself.
        var version = SchemaMigrator.Apply(settings.Storage).GetAwaiter().GetResult();
        if (requireEncryptedKeys)
        {
            DropPlainKeys(settings, logger);
        }

        return version;
    }

    /// <summary>
    /// A key an older version stored in plain has been readable by anyone with a copy of the
    /// database: encrypting it now would not take that back, so it is dropped. Start-up goes on
    /// with a new, encrypted key; sessions it protected end and their users sign in again.
    /// </summary>
    private static void DropPlainKeys(ClusterSettings settings, ILogger logger)
    {
        var plain = ReadAll(settings).Where(row => row.Xml.Name.LocalName == "key" && row.Xml.Descendants().Any(e => e.Name.LocalName == "masterKey")).ToList();
        if (plain.Count == 0)
        {
            return;
        }

        using var connection = SchemaMigrator.Open(settings.Storage);
        connection.Open();
        foreach (var row in plain)
        {
            using var command = AccountStore.Command(connection, "DELETE FROM data_protection_key WHERE name = @name;");
            AccountStore.Add(command, "name", row.Name);
            command.ExecuteNonQuery();
        }

        LogPlainKeysDropped(logger, plain.Count);
    }

    private static List<(string Name, XElement Xml)> ReadAll(ClusterSettings settings)
    {
        using var connection = SchemaMigrator.Open(settings.Storage);
        connection.Open();
        using var command = AccountStore.Command(connection, "SELECT name, xml FROM data_protection_key ORDER BY name;");
        using var reader = command.ExecuteReader();
        var rows = new List<(string, XElement)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), XElement.Parse(reader.GetString(1))));
        }

        return rows;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} data-protection keys stored unencrypted by an earlier version; sessions they protected end, and a new encrypted key takes over")]
    private static partial void LogPlainKeysDropped(ILogger logger, int count);
}
