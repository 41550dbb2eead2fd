using System.Net;
using Buurtzorg.Host.Tests.Infrastructure;

namespace Buurtzorg.Host.Tests.WebClient;

/// <summary>The host serves the thin client and its vendored SignalR library itself (no CDN).</summary>
public sealed class StaticClientTests : IAsyncLifetime
{
    private readonly TempSqliteFile _file = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartOnSqlite(_file.Path, "--contentRoot", Path.Combine(Repository.Root, "src", "Buurtzorg.Host"));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task The_root_serves_the_dutch_page_which_loads_only_local_scripts()
    {
        var response = await _host.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"//", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/lib/signalr/signalr.min.js")]
    [InlineData("/js/app.js")]
    [InlineData("/js/i18n.js")]
    [InlineData("/css/app.css")]
    public async Task The_page_assets_are_served_from_the_host(string path)
    {
        var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }
}
