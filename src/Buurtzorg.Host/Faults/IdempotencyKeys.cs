using System.Security.Cryptography;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Faults;

/// <summary>
/// Reads the <c>Idempotency-Key</c> of a state-changing request and hands it, with a digest of
/// the request, to every grain the request calls; the grain that owns the change keeps the
/// outcome under that key. The key is scoped to the caller, so one user's key can never replay
/// another user's answer.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    private const int MaxKeyLength = 100;

    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        if (values.Count != 1 || !IsWellFormed(values[0]))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [Header] = [$"Send one {Header} of 1 to {MaxKeyLength} visible ASCII characters (a fresh UUID per action is best)."],
            }, new Dictionary<string, string[]> { [Header] = [FieldCodes.BadForm] }, RefusalCodes.IdempotencyKeyInvalid);
        }

        var caller = Caller.From(context.User)?.AccountId.ToString("N") ?? "anonymous";
        IdempotentRequest.Carry($"{caller}:{values[0]}", await Fingerprint(context.Request));
        await next(context);
    }

    private static bool IsWellFormed(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength && key.All(c => c is > ' ' and < (char)127);

    // The same key must come back with the same request: method, path, query and body.
    private static async Task<string> Fingerprint(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
