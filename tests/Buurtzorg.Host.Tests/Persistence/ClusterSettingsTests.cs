using Buurtzorg.Host.Tests.Infrastructure;
using Buurtzorg.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Buurtzorg.Host.Tests.Persistence;

public sealed class ClusterSettingsTests
{
    private static ClusterSettings From(Dictionary<string, string?> values) =>
        ClusterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Without_a_postgres_connection_string_the_host_is_one_silo_on_a_sqlite_file()
    {
        using var file = new TempSqliteFile();

        var settings = From(new() { ["Storage:SqlitePath"] = file.Path });

        Assert.False(settings.IsCluster);
        Assert.Equal(("System.Data.SQLite", StorageKind.Sqlite), (settings.Storage.Invariant, settings.Storage.Kind));
        Assert.Contains(file.Path, settings.Storage.ConnectionString, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.GetDirectoryName(file.Path)));
    }

    [Fact]
    public void A_postgres_connection_string_makes_a_cluster_with_a_bounded_pool_and_prepared_statements()
    {
        var settings = From(new() { ["ConnectionStrings:Postgres"] = "Host=db;Username=u;Database=d", ["Orleans:SiloPort"] = "11112" });

        var npgsql = new NpgsqlConnectionStringBuilder(settings.Storage.ConnectionString);
        Assert.True(settings.IsCluster);
        Assert.Equal(("Npgsql", 11112), (settings.Storage.Invariant, settings.SiloPort));
        Assert.Equal((20, 32, 2, true, 3), (npgsql.MaxPoolSize, npgsql.MaxAutoPrepare, npgsql.AutoPrepareMinUsages, npgsql.NoResetOnClose, npgsql.Timeout));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=5;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxPoolSize=5;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void What_the_connection_string_sets_is_kept_under_any_spelling(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(StorageBackend.Postgres(connectionString).ConnectionString);

        Assert.Equal((5, 0, false), (npgsql.MaxPoolSize, npgsql.MaxAutoPrepare, npgsql.NoResetOnClose));
    }
}
