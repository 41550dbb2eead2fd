using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buurtzorg.Chaos.Cluster;
using Buurtzorg.Chaos.Load;

namespace Buurtzorg.Chaos.Http;

/// <summary>
/// Requests as a careful client sends them: each action to the next host in turn; a try that
/// meets a connection error, its 10 s timeout or a 502/503/504 is sent again to the host after
/// the one that failed (after the Retry-After the server asked for, else a short growing pause)
/// until the action's 30 s deadline. Every try of one action carries the action's
/// Idempotency-Key and the same body.
/// </summary>
public sealed class Requests(IReadOnlyList<ChaosHost> hosts, History history)
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ActionDeadline = TimeSpan.FromSeconds(30);
    private const int ExcerptLength = 300;

    private int _next = -1;

    public IReadOnlyList<ChaosHost> Hosts => hosts;

    /// <summary>Does the action; fills in how it ended and, when acknowledged, the answer's body.</summary>
    public async Task Act(UserSession user, ActionRecord action, HttpMethod method, string path, object? body)
    {
        action.Method = method.Method;
        action.Path = path;
        action.Started = RunClock.Now;
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, Json.Options);
        var answer = await WithRetries(user, method, path, content, action.Key, Purpose.Action, ActionDeadline, a => action.Attempts++);
        action.Ended = RunClock.Now;
        action.Status = answer.Status;
        action.End = answer.Succeeded ? ActionEnd.Acknowledged : answer.Status is >= 400 and < 500 ? ActionEnd.Refused : ActionEnd.NoAnswer;
        action.Response = answer.Succeeded ? answer.Body : null;
    }

    /// <summary>A read with the same patience as an action; null when none succeeded.</summary>
    public async Task<JsonNode?> Read(UserSession user, string path, TimeSpan? patience = null)
    {
        var answer = await WithRetries(user, HttpMethod.Get, path, null, null, Purpose.Read, patience ?? ActionDeadline, _ => { });
        return answer.Succeeded ? answer.Body : null;
    }

    /// <summary>One try at one host, recorded like every other.</summary>
    public async Task<Answer> Once(UserSession user, ChaosHost host, HttpMethod method, string path, Purpose purpose, TimeSpan? timeout = null)
    {
        var at = RunClock.Now;
        using var request = new HttpRequestMessage(method, new Uri(host.Address, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var patience = new CancellationTokenSource(timeout ?? AttemptTimeout);
        var answer = await Send(user, request, patience.Token);
        Record(at, host, method, path, null, purpose, answer);
        return answer;
    }

    private async Task<Answer> WithRetries(UserSession user, HttpMethod method, string path, byte[]? content, string? key, Purpose purpose, TimeSpan patience, Action<Answer> counted)
    {
        var deadline = RunClock.Now + patience.TotalSeconds;
        var turn = (int)((uint)Interlocked.Increment(ref _next) % hosts.Count);
        for (var attempt = 0; ; attempt++)
        {
            // The first try goes to the next host in turn, each retry to the host after the one that failed.
            var host = hosts[(turn + attempt) % hosts.Count];
            var at = RunClock.Now;
            using var request = new HttpRequestMessage(method, new Uri(host.Address, path));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (key is not null)
            {
                request.Headers.Add("Idempotency-Key", key);
            }

            if (content is not null)
            {
                request.Content = new ByteArrayContent(content);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            using var patienceOfTry = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(AttemptTimeout.TotalSeconds, Math.Max(0.5, deadline - at))));
            var answer = await Send(user, request, patienceOfTry.Token);
            Record(at, host, method, path, key, purpose, answer);
            counted(answer);

            var retryable = answer.Status is null or 502 or 503 or 504;
            if (!retryable)
            {
                return answer;
            }

            // What the server asked for, else 100 ms doubling to 2 s, with jitter so that
            // clients that failed together do not come back together.
            var pause = answer.RetryAfterSeconds ?? Math.Min(2, 0.1 * Math.Pow(2, attempt)) * (0.5 + Random.Shared.NextDouble());
            if (RunClock.Now + pause >= deadline)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromSeconds(pause));
        }
    }

    private static async Task<Answer> Send(UserSession user, HttpRequestMessage request, CancellationToken patience)
    {
        try
        {
            using var response = await user.Http.SendAsync(request, patience);
            var body = await response.Content.ReadAsByteArrayAsync(patience);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta.TotalSeconds,
                { Date: { } date } => Math.Max(0, (date - DateTimeOffset.UtcNow).TotalSeconds),
                _ => (double?)null,
            };
            return new Answer((int)response.StatusCode, null, body, retryAfter);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            return new Answer(null, "timeout", [], null);
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, ErrorName(e), [], null);
        }
    }

    /// <summary>The socket's own word where there is one (ConnectionRefused, ConnectionReset), else HttpClient's.</summary>
    private static string ErrorName(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode.ToString();
            }
        }

        return e.HttpRequestError == HttpRequestError.Unknown ? e.InnerException?.GetType().Name ?? "Unknown" : e.HttpRequestError.ToString();
    }

    private void Record(double at, ChaosHost host, HttpMethod method, string path, string? key, Purpose purpose, Answer answer) =>
        history.Record(new Attempt(
            Math.Round(at, 3),
            host.Number,
            method.Method,
            path,
            key,
            purpose,
            answer.Status,
            answer.Error,
            Math.Round((RunClock.Now - at) * 1000, 1),
            answer.RetryAfterSeconds,
            answer.Bytes.Length == 0 ? null : Convert.ToHexString(SHA256.HashData(answer.Bytes))[..16].ToLowerInvariant(),
            answer.Succeeded || answer.Bytes.Length == 0 ? null : Encoding.UTF8.GetString(answer.Bytes, 0, Math.Min(answer.Bytes.Length, ExcerptLength))));
}

/// <summary>What came back: a status and body, or the error that came instead.</summary>
public sealed record Answer(int? Status, string? Error, byte[] Bytes, double? RetryAfterSeconds)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public JsonNode? Body
    {
        get
        {
            try
            {
                return Bytes.Length == 0 ? null : JsonNode.Parse(Bytes);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
