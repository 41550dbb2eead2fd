using System.Xml.Linq;
using Buurtzorg.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Buurtzorg.Host.Accounts;

/// <summary>
/// The data-protection key ring in the shared database: a session cookie issued by one host of a
/// cluster is read by every other, and survives a restart.
/// </summary>
public sealed class DatabaseKeyRepository(ClusterSettings settings) : IXmlRepository
{
    // The key ring is first read while the host starts, possibly before the schema service has
    // run; the migration is safe to run twice, so the repository makes sure of it itself.
    private readonly Lazy<int> _schema = new(() => SchemaMigrator.Apply(settings.Storage).GetAwaiter().GetResult());

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _schema.Value;
        using var connection = SchemaMigrator.Open(settings.Storage);
        connection.Open();
        using var command = AccountStore.Command(connection, "SELECT xml FROM data_protection_key ORDER BY name;");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _ = _schema.Value;
        using var connection = SchemaMigrator.Open(settings.Storage);
        connection.Open();
        using var command = AccountStore.Command(connection,
            "INSERT INTO data_protection_key (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING;");
        AccountStore.Add(command, "name", friendlyName);
        AccountStore.Add(command, "xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
