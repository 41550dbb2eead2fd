using System.Diagnostics;

namespace Buurtzorg.Chaos.Cluster;

/// <summary>
/// One host of the cluster in a process of its own, started the way an operator starts it (the
/// built <c>Buurtzorg.Host.dll</c>, settings as environment variables), on ports it keeps for
/// the whole run: a restarted host is found where clients and the other silos left it.
/// </summary>
public sealed class ChaosHost(int number, HostLaunch launch, string logPath) : IDisposable
{
    private readonly object _gate = new();
    private Process? _process;
    private StreamWriter? _log;
    private bool _exitExpected;

    public int Number { get; } = number;

    public Uri Address { get; } = new($"http://127.0.0.1:{Ports.Free()}");

    public int SiloPort { get; } = Ports.Free();

    public int GatewayPort { get; } = Ports.Free();

    /// <summary>Stopped with SIGSTOP: alive, answering nothing.</summary>
    public bool Paused { get; private set; }

    public bool Running
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>Raised when the process ended without the harness ending it (a silo that learns it was declared dead stops itself).</summary>
    public event Action<ChaosHost, int>? ExitedByItself;

    public void Start(bool demo)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = launch.ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(launch.HostDll);
        if (demo)
        {
            start.ArgumentList.Add("--demo");
        }

        foreach (var arg in new[] { "--contentRoot", launch.ContentRoot, "--environment", launch.EnvironmentName })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in launch.Settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = Address.GetLeftPart(UriPartial.Authority);
        start.Environment["Orleans__SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        lock (_gate)
        {
            _log ??= new StreamWriter(logPath, append: false) { AutoFlush = true };
            _log.WriteLine($"==== started at {RunClock.Now:F1} s{(demo ? " with --demo" : "")}");
            _exitExpected = false;
            Paused = false;
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, line) => Write(line.Data);
            process.ErrorDataReceived += (_, line) => Write(line.Data);
            process.Exited += (_, _) => OnExited(process);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }
    }

    /// <summary>Waits until the host answers HTTP: it listens only once its silo has joined the cluster.</summary>
    public async Task WaitUntilServing(TimeSpan patience, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = RunClock.Now + patience.TotalSeconds;
        while (RunClock.Now < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Running)
            {
                throw new InvalidOperationException($"host {Number} ended before it served; see {logPath}");
            }

            try
            {
                using var response = await http.GetAsync("/api/account/me", cancellationToken);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"host {Number} did not serve within {patience.TotalSeconds} s; see {logPath}");
    }

    /// <summary>
    /// Like <see cref="WaitUntilServing"/>, and a host that is down meanwhile is waited for: a silo
    /// that learns it was declared dead stops itself, and the supervisor starts it again.
    /// </summary>
    public async Task WaitUntilBack(TimeSpan patience)
    {
        var deadline = RunClock.Now + patience.TotalSeconds;
        while (true)
        {
            try
            {
                await WaitUntilServing(TimeSpan.FromSeconds(Math.Max(1, deadline - RunClock.Now)), CancellationToken.None);
                return;
            }
            catch (InvalidOperationException) when (RunClock.Now < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>kill -9: no graceful stop, no goodbye to the cluster, as a power cut.</summary>
    public void Kill()
    {
        Process? process;
        lock (_gate)
        {
            _exitExpected = true;
            process = _process;
        }

        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        Paused = false;
    }

    public async Task Pause()
    {
        await Signal("-STOP");
        Paused = true;
    }

    public async Task Resume()
    {
        await Signal("-CONT");
        Paused = false;
    }

    private async Task Signal(string signal)
    {
        int pid;
        lock (_gate)
        {
            pid = _process?.Id ?? throw new InvalidOperationException($"host {Number} is not running");
        }

        using var kill = Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private void OnExited(Process process)
    {
        bool byItself;
        lock (_gate)
        {
            byItself = !_exitExpected && ReferenceEquals(process, _process);
            _log?.WriteLine($"==== exited with {process.ExitCode} at {RunClock.Now:F1} s");
        }

        if (byItself)
        {
            ExitedByItself?.Invoke(this, process.ExitCode);
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log?.WriteLine(line);
        }
    }

    /// <summary>Ends the process for good (at the end of the run, or when the harness is stopped).</summary>
    public void Dispose()
    {
        Kill();
        lock (_gate)
        {
            _process?.Dispose();
            _log?.Dispose();
            _log = null;
        }
    }
}
