using System.Text;
using Buurtzorg.Host.Access;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Interop.Fhir;

public static class FhirExportApi
{
    /// <summary>
    /// The client's care plan as a FHIR R4 Bundle, for another care provider's system or the
    /// client's own. It holds the client's record and care plan, so it is read as their record:
    /// the client and their team, not family or central staff; the access gate logs each call.
    /// </summary>
    public static IEndpointRouteBuilder MapFhirExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients/{clientId:guid}/fhir", async Task<ContentHttpResult> (Guid clientId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(FhirJson.Serialize(await mediator.Send(new GetFhirBundle(clientId), ct)), FhirJson.MediaType, Encoding.UTF8))
            .WithTags("Interoperability")
            .Requires(AccessRule.ReadClient(ClientPart.Record))
            .WithName("GetClientFhirBundle");
        return app;
    }
}
