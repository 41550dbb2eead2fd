using Buurtzorg.Host.Access;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Interop.PersonalData;

public static class PersonalDataApi
{
    /// <summary>
    /// The client's AVG download: everything held about them in one zip. The client's record,
    /// so the client and their team (a nurse may download it for a client without a computer);
    /// not family or central staff. The access gate logs the download like any read.
    /// </summary>
    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clients/{clientId:guid}/personal-data", async Task<FileContentHttpResult> (Guid clientId, HttpContext context, IMediator mediator, IAccessPolicy policy, CancellationToken ct) =>
            {
                var caller = Caller.From(context.User);
                var withLog = caller is not null && await policy.Allows(caller, AccessRule.ReadClient(ClientPart.AccessLog), clientId, ct);
                var download = await mediator.Send(new GetPersonalData(clientId, withLog), ct);
                // Everything about a person: no shared or browser cache keeps a copy.
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(download.Content, "application/zip", download.FileName);
            })
            .WithTags("Interoperability")
            .Requires(AccessRule.ReadClient(ClientPart.Record))
            .WithName("DownloadClientPersonalData");
        return app;
    }
}
