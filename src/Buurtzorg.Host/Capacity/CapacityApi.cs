using Buurtzorg.Host.Access;
using Buurtzorg.Contracts.Capacity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Capacity;

public static class CapacityApi
{
    public static IEndpointRouteBuilder MapCapacity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/capacity", async Task<Ok<CapacityOverview>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCapacityOverview(), ct)))
            .WithTags("Capacity")
            .Requires(AccessRule.Capacity)
            .WithName("GetCapacityOverview");
        return app;
    }
}
