using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Accounts;
using Buurtzorg.Host.CarePlans.Circle;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.CarePlans;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.CarePlans;

public static class CarePlansApi
{
    public sealed record RatingRequest(
        int? ExpectedVersion, Guid? ChangedBy, RatingMoment? Moment, DateOnly? RatedOn, int? Knowledge, int? Behavior, int? Status);

    public static IEndpointRouteBuilder MapCarePlans(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/clients/{clientId:guid}/care-plan").WithTags("Care plans");

        app.MapGet("/api/omaha/problems", async Task<Ok<IReadOnlyList<OmahaProblem>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOmahaProblems(), ct)))
            .WithTags("Care plans")
            // The published Omaha System catalogue: reference data, no one's record.
            .Requires(AccessRule.Self)
            .WithName("GetOmahaProblems");

        plan.MapGet("/", async Task<Ok<CarePlanSnapshot>> (Guid clientId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCarePlan(clientId), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.CarePlan))
            .WithName("GetCarePlan");

        plan.MapGet("/history", async Task<Ok<IReadOnlyList<CarePlanHistoryEntry>>> (Guid clientId, HttpContext context, AccountStore accounts, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCarePlanHistory(clientId, await CircleViewer.Of(context, clientId, accounts)), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.CarePlan))
            .WithName("GetCarePlanHistory");

        plan.MapGet("/versions/{version:int}", async Task<Ok<CarePlanSnapshot>> (Guid clientId, int version, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCarePlanVersion(clientId, version), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.CarePlan))
            .WithName("GetCarePlanVersion");

        plan.MapPut("/problems/{problemCode:int}", async Task<Ok<CarePlanSnapshot>> (Guid clientId, int problemCode, ProblemInput problem, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WriteProblem(clientId, problemCode, problem with { ChangedBy = Author(context, problem.ChangedBy) }), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.CarePlan))
            .WithName("WriteCarePlanProblem");

        plan.MapDelete("/problems/{problemCode:int}", async Task<Ok<CarePlanSnapshot>> (Guid clientId, int problemCode, int? expectedVersion, Guid? changedBy, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveProblem(clientId, problemCode, expectedVersion, Author(context, changedBy)), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.CarePlan))
            .WithName("RemoveCarePlanProblem");

        plan.MapPost("/problems/{problemCode:int}/ratings", async Task<Ok<CarePlanSnapshot>> (Guid clientId, int problemCode, RatingRequest r, HttpContext context, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DutchCalendar.Today(clock);
                return TypedResults.Ok(await mediator.Send(
                    new RateOutcome(clientId, problemCode, r.ExpectedVersion, Author(context, r.ChangedBy), r.Moment, r.RatedOn, r.Knowledge, r.Behavior, r.Status, today), ct));
            })
            .Requires(AccessRule.ChangeClient(ClientPart.CarePlan))
            .WithName("RateCarePlanOutcome");

        app.MapCircleTasks();
        return app;
    }

    /// <summary>Who made a change: the signed-in nurse herself; what a request claims counts only where no one is signed in as a nurse.</summary>
    private static Guid? Author(HttpContext context, Guid? claimed) => Caller.From(context.User)?.SubjectId ?? claimed;
}
