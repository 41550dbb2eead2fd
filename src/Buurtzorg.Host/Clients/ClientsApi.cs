using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Contracts.Clients;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Clients;

public static class ClientsApi
{
    public sealed record RegisterClientRequest(
        string? Name, DateOnly? DateOfBirth, AddressInput? Address, string? Phone, decimal? IndicationHoursPerWeek, DateOnly? StartDate);

    public sealed record ChangeStatusRequest(ClientStatus? Status);

    public sealed record SetAccessRequest(NetworkAccess? Access);

    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/teams/{teamId:guid}/clients", async Task<Ok<IReadOnlyList<TeamClient>>> (Guid teamId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTeamClients(teamId), ct)))
            .WithTags("Clients")
            .Requires(AccessRule.ReadTeam)
            .WithName("ListTeamClients");

        var clients = app.MapGroup("/api/clients").WithTags("Clients");

        // A client is registered by the team that will care for them.
        app.MapPost("/api/teams/{teamId:guid}/clients", async Task<Created<ClientRecord>> (Guid teamId, RegisterClientRequest r, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DutchCalendar.Today(clock);
                var client = await mediator.Send(
                    new RegisterClient(r.Name, r.DateOfBirth, r.Address, r.Phone, teamId, r.IndicationHoursPerWeek, r.StartDate, today), ct);
                return TypedResults.Created($"/api/clients/{client.Id}", client);
            })
            .Requires(AccessRule.ChangeTeam)
            .WithName("RegisterClient");

        clients.MapGet("/{clientId:guid}", async Task<Ok<ClientRecord>> (Guid clientId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClient(clientId), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.Record))
            .WithName("GetClient");

        clients.MapPut("/{clientId:guid}/status", async Task<Ok<ClientRecord>> (Guid clientId, ChangeStatusRequest r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeClientStatus(clientId, r.Status), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.Record))
            .WithName("ChangeClientStatus");

        // Who is in the network is the client's own choice as much as what each may see, so the
        // client adds and removes people too; the team's nurses keep it up to date with them.
        var network = clients.MapGroup("/{clientId:guid}/network");

        network.MapPost("/", async Task<Created<ClientRecord>> (Guid clientId, NetworkMemberInput member, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/clients/{clientId}", await mediator.Send(new AddNetworkMember(clientId, member), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.NetworkAccess))
            .WithName("AddNetworkMember");

        network.MapPut("/{memberId:guid}", async Task<Ok<ClientRecord>> (Guid clientId, Guid memberId, NetworkMemberInput member, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateNetworkMember(clientId, memberId, member), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.NetworkAccess))
            .WithName("UpdateNetworkMember");

        // Taking someone out of the network, or their access away, ends their live watches on
        // every host: the client grain publishes the change to all of them.
        network.MapDelete("/{memberId:guid}", async Task<Ok<ClientRecord>> (Guid clientId, Guid memberId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveNetworkMember(clientId, memberId), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.NetworkAccess))
            .WithName("RemoveNetworkMember");

        network.MapPut("/{memberId:guid}/access", async Task<Ok<ClientRecord>> (Guid clientId, Guid memberId, SetAccessRequest r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetNetworkAccess(clientId, memberId, r.Access), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.NetworkAccess))
            .WithName("SetNetworkAccess");

        return app;
    }
}
