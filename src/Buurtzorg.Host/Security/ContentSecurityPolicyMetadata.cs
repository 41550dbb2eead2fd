namespace Buurtzorg.Host.Security;

/// <summary>
/// An endpoint's own Content-Security-Policy in place of the host's strict one. Only pages that
/// cannot do without (the Development API reference) carry it; everything else keeps
/// <see cref="SecurityHeaders.ContentSecurityPolicy"/>.
/// </summary>
public sealed record ContentSecurityPolicyMetadata(string Policy);

public static class ContentSecurityPolicyExtensions
{
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        builder.Add(endpoint => endpoint.Metadata.Add(new ContentSecurityPolicyMetadata(policy)));
        return builder;
    }
}
