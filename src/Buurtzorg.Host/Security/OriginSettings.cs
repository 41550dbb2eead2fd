namespace Buurtzorg.Host.Security;

/// <summary>
/// The origins (scheme, host and port) the web client is served from, as browsers see them:
/// <c>Buurtzorg:PublicOrigins</c>, a list. Without it, the request's own scheme and host is the
/// one allowed origin, which is right unless TLS ends at a proxy or the site has several names.
/// </summary>
public sealed class OriginSettings
{
    public const string Section = "Buurtzorg";

    public IList<string> PublicOrigins { get; } = [];
}
