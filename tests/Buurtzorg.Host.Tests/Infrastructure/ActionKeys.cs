namespace Buurtzorg.Host.Tests.Infrastructure;

/// <summary>
/// Gives every change a test sends its own Idempotency-Key, as the web client does, unless the
/// test names one itself: the tests exercise the path users take.
/// </summary>
public sealed class ActionKeys(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ActionKeys()
        : this(new HttpClientHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && !request.Headers.Contains("Idempotency-Key"))
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
