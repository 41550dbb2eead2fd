using System.Text.Json.Nodes;
using Buurtzorg.Host.ApiDocs;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.OpenApi;

/// <summary>
/// A host in Development (where the document is public and the reference is mapped) with the
/// document it serves, read once, and a host in Production for what is not served there.
/// </summary>
public sealed class ApiDocsFixture : IAsyncLifetime
{
    private readonly TempSqliteFile _developmentFile = new();
    private readonly TempSqliteFile _productionFile = new();

    public TestHost Development { get; private set; } = null!;

    public TestHost Production { get; private set; } = null!;

    /// <summary>The document as served, byte for byte.</summary>
    public string Text { get; private set; } = "";

    public JsonObject Document { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var development = TestHost.StartSecureOnSqlite(_developmentFile.Path, new Dictionary<string, string?> { ["Operations:Dashboard"] = "true" }, "Development");
        var production = TestHost.StartSecureOnSqlite(_productionFile.Path, new Dictionary<string, string?>(), "Production");
        (Development, Production) = (await development, await production);
        using var anonymous = new HttpClient { BaseAddress = Development.Address };
        Text = await anonymous.GetStringAsync(ApiDocsSetup.DocumentPath);
        Document = JsonNode.Parse(Text)!.AsObject();
    }

    public async Task DisposeAsync()
    {
        await Development.DisposeAsync();
        await Production.DisposeAsync();
        _developmentFile.Dispose();
        _productionFile.Dispose();
    }
}
