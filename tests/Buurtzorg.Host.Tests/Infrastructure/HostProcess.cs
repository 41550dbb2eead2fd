using System.Diagnostics;
using System.Text;

namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// The host in a process of its own, started the way an operator starts it (the built
/// <c>Buurtzorg.Host.dll</c>, settings as environment variables), so a test can kill it outright
/// as a crashed machine dies: no graceful stop, no goodbye to the cluster.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the host wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostProcess> Start(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{TestHost.FreePort()}");
        var contentRoot = Path.Combine(Repository.Root, "src", "Buurtzorg.Host");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Buurtzorg.Host.dll"));
        foreach (var arg in args.Concat(["--contentRoot", contentRoot, "--environment", TestHost.TestingEnvironment]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Urls"] = address.ToString();
        start.Environment["Orleans__ServiceId"] = TestHost.ServiceId;
        start.Environment["Orleans__SiloPort"] = TestHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, line) => host.Append(line.Data);
        process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilServing();
        return host;
    }

    /// <summary>Kills the process at once, as a power cut would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    // Serving means answering HTTP: the host starts listening only once its silo has joined.
    private async Task WaitUntilServing()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host process ended with {_process.ExitCode} before serving:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/api/account/me");
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host process did not serve within 90 s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
