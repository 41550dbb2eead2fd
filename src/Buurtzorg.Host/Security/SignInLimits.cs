using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Security;

/// <summary>
/// Rate limits in front of every sign-in step, the same for names that exist and names that do
/// not: a few tries per window for one name (or one half-way sign-in, or one set-up token) from
/// one address, and more for one address across all names. Wrong passwords no longer lock an
/// account, so nobody can lock someone else out at will; a guesser is slowed where they stand.
/// The address is the connection's own: X-Forwarded-For is not trusted (no proxy is configured),
/// so a caller cannot pick a fresh one per request.
/// </summary>
public static class SignInLimits
{
    public const string Section = "Buurtzorg:SignInLimits";
    internal const string Policy = "sign-in";
    private const string SubjectItem = "Buurtzorg.SignInSubject";
    private const int PeekLimit = 4096;

    /// <summary>Marks an endpoint as a sign-in step: rate limited per address and per name, address pair.</summary>
    public static RouteHandlerBuilder LimitedAsSignIn(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new SignInStepMetadata()).RequireRateLimiting(Policy);

    /// <summary>Per address across every name: spraying one password over many names.</summary>
    internal static RateLimitPartition<string> PerAddress(HttpContext context) =>
        !IsSignInStep(context)
            ? RateLimitPartition.GetNoLimiter("")
            : Window(context, "address|" + Address(context), o => o.PerAddress);

    /// <summary>
    /// Per name from every address: guessing one account's password from many addresses. Higher
    /// than the per-address limit, so that someone else spending tries against a name holds its
    /// owner up for one window at most, and only while they keep at it.
    /// </summary>
    internal static RateLimitPartition<string> PerName(HttpContext context) =>
        !IsSignInStep(context) || context.Items[SubjectItem] is not string { Length: > 0 } subject
            ? RateLimitPartition.GetNoLimiter("")
            : Window(context, "name|" + subject, o => o.PerName);

    /// <summary>Per name from one address: guessing one account's password.</summary>
    internal static RateLimitPartition<string> PerNameAndAddress(HttpContext context) =>
        Window(context, $"{Address(context)}|{context.Items[SubjectItem] as string}", o => o.PerNameAndAddress);

    internal static bool IsSignInStep(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<SignInStepMetadata>() is not null;

    /// <summary>After routing: learns whom a sign-in step is about, then applies every request limit.</summary>
    public static WebApplication UseSignInLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignInStep(context))
            {
                context.Items[SubjectItem] = await Subject(context);
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Window(HttpContext context, string key, Func<SignInLimitOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = options.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>An IPv6 caller usually holds a whole /64: count it as one address.</summary>
    internal static string Address(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } v6 => new IPAddress([.. v6.GetAddressBytes()[..8], 0, 0, 0, 0, 0, 0, 0, 0]).ToString(),
        var address => address.MapToIPv4().ToString(),
    };

    /// <summary>
    /// Whom the attempt is about: the user name or set-up token in the JSON body (read ahead and
    /// put back for the endpoint), else the half-way two-factor sign-in or the session. A body
    /// that cannot be read here counts under no name, which is limited like any other.
    /// </summary>
    private static async Task<string> Subject(HttpContext context)
    {
        var request = context.Request;
        // A body without a length (chunked, as HttpClient sends JSON) is read ahead as far as the limit too.
        if (request.HasJsonContentType() && request.ContentLength is null or (> 0 and <= PeekLimit))
        {
            request.EnableBuffering();
            try
            {
                var buffer = new byte[PeekLimit + 1];
                var read = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, context.RequestAborted);
                if (read <= PeekLimit && Named(buffer.AsMemory(0, read)) is { } named)
                {
                    return named;
                }
            }
            catch (Exception e) when (e is JsonException or IOException or BadHttpRequestException)
            {
                // Not JSON, or cut off: the endpoint refuses it in its own words.
            }
            finally
            {
                request.Body.Position = 0;
            }
        }

        var halfway = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (halfway.Principal?.FindFirstValue(ClaimTypes.Name) is { } pending)
        {
            return "2fa:" + pending;
        }

        return context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } account ? "account:" + account : "";
    }

    private static string? Named(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? userName = null;
        string? token = null;
        // Property names as the endpoint binds them (case-insensitive, the last one wins).
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (property.Name.Equals("userName", StringComparison.OrdinalIgnoreCase))
            {
                userName = property.Value.GetString();
            }
            else if (property.Name.Equals("setUpToken", StringComparison.OrdinalIgnoreCase))
            {
                token = property.Value.GetString();
            }
        }

        return userName is not null ? "name:" + userName.Trim().ToUpperInvariant()
            : token is not null ? "token:" + token
            : null;
    }

    private sealed class SignInStepMetadata;
}

/// <summary><c>Buurtzorg:SignInLimits</c>: tries per window.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Tries for one name (or half-way sign-in, or set-up token) from one address.</summary>
    public int PerNameAndAddress { get; set; } = 5;

    /// <summary>Tries for one name from all addresses together.</summary>
    public int PerName { get; set; } = 30;

    /// <summary>Tries from one address over all names: an office behind one address signs in many people.</summary>
    public int PerAddress { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
