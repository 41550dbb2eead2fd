namespace Buurtzorg.Host.Operations;

/// <summary>
/// <c>dotnet Buurtzorg.Host.dll --probe [url]</c>: asks a running host whether it is ready and
/// exits 0 or 1. The container healthcheck uses it, since the runtime image has no curl.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--probe";
    private const string DefaultUrl = "http://127.0.0.1:8080/health/ready";

    public static bool Asked(string[] args) => args.Length > 0 && args[0] == Flag;

    public static async Task<int> Run(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
