using Buurtzorg.Contracts.Capacity;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.CarePlans.Circle;

/// <summary>
/// The client's circle first: what the client and their relatives will do themselves, proposed
/// into the care plan and answered by the team. Proposing is the circle's (the client, family
/// with care-plan access); answering is writing the care plan, so it is the team's.
/// </summary>
public static class CircleTasksApi
{
    public sealed record ProposalRequest(string? Text, IReadOnlyList<DayOfWeek>? Days, TimeOnly? At, PartOfDay? PartOfDay, Guid? NetworkMemberId);

    public sealed record AgreementRequest(
        int? ProblemCode, InterventionCategory? Category, int? TargetCode, string? Text, IReadOnlyList<DayOfWeek>? Days, TimeOnly? At, PartOfDay? PartOfDay, string? Note);

    public sealed record DeclineRequest(string? Explanation);

    public static IEndpointRouteBuilder MapCircleTasks(this IEndpointRouteBuilder app)
    {
        var circle = app.MapGroup("/api/clients/{clientId:guid}/care-plan/circle-tasks").WithTags("Care plans");

        circle.MapGet("/", async Task<Ok<CircleTasksView>> (Guid clientId, HttpContext context, AccountStore accounts, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCircleTasks(clientId, await CircleViewer.Of(context, clientId, accounts)), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.CircleTasks))
            .WithName("GetCircleTasks");

        circle.MapPost("/", async Task<Created<CircleTaskView>> (Guid clientId, ProposalRequest r, HttpContext context, AccountStore accounts, IMediator mediator, CancellationToken ct) =>
            {
                var viewer = await CircleViewer.Of(context, clientId, accounts);
                var task = await mediator.Send(new ProposeCircleTask(clientId, viewer, r.Text, r.Days, r.At, r.PartOfDay, r.NetworkMemberId), ct);
                return TypedResults.Created($"/api/clients/{clientId}/care-plan/circle-tasks", task);
            })
            .Requires(AccessRule.ChangeClient(ClientPart.CircleTasks))
            .WithName("ProposeCircleTask");

        circle.MapPost("/{taskId:guid}/agree", async Task<Ok<CircleTaskView>> (Guid clientId, Guid taskId, AgreementRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AgreeCircleTask(
                    clientId, taskId, Actor.Nurse(context), r.ProblemCode, r.Category, r.TargetCode, r.Text, r.Days, r.At, r.PartOfDay, r.Note), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.CarePlan))
            .WithName("AgreeCircleTask");

        circle.MapPost("/{taskId:guid}/decline", async Task<Ok<CircleTaskView>> (Guid clientId, Guid taskId, DeclineRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeclineCircleTask(clientId, taskId, Actor.Nurse(context), r.Explanation), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.CarePlan))
            .WithName("DeclineCircleTask");

        circle.MapPost("/{taskId:guid}/withdraw", async Task<Ok<CircleTaskView>> (Guid clientId, Guid taskId, HttpContext context, AccountStore accounts, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WithdrawCircleTask(clientId, taskId, await CircleViewer.Of(context, clientId, accounts)), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.CircleTasks))
            .RequiresJson()
            .WithName("WithdrawCircleTask");

        return app;
    }
}
