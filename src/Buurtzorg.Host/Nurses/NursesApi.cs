using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Buurtzorg.Contracts.Nurses;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Nurses;

public static class NursesApi
{
    public sealed record HomeInput(double? Latitude, double? Longitude);

    public sealed record RegisterNurseRequest(
        string? Name, IReadOnlyList<Qualification>? Qualifications, decimal? ContractHoursPerWeek, HomeInput? Home,
        IReadOnlyList<AvailabilitySlotInput>? WeeklyAvailability);

    public sealed record AvailabilityRequest(IReadOnlyList<AvailabilitySlotInput>? WeeklyAvailability);

    public sealed record AbsenceRequest(DateOnly? From, DateOnly? To, AbsenceReason? Reason, string? Note);

    public static IEndpointRouteBuilder MapNurses(this IEndpointRouteBuilder app)
    {
        var nurses = app.MapGroup("/api/nurses").WithTags("Nurses");

        nurses.MapPost("/", async Task<Created<NurseRecord>> (RegisterNurseRequest r, IMediator mediator, CancellationToken ct) =>
            {
                var nurse = await mediator.Send(new RegisterNurse(r.Name, r.Qualifications, r.ContractHoursPerWeek, r.Home?.Latitude, r.Home?.Longitude, r.WeeklyAvailability), ct);
                return TypedResults.Created($"/api/nurses/{nurse.Id}", nurse);
            })
            .Requires(AccessRule.AnyNurse)
            .WithName("RegisterNurse");

        nurses.MapGet("/{nurseId:guid}", async Task<Ok<NurseRecord>> (Guid nurseId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNurse(nurseId), ct)))
            .Requires(AccessRule.ReadNurse)
            .WithName("GetNurse");

        nurses.MapPut("/{nurseId:guid}/availability", async Task<Ok<NurseRecord>> (Guid nurseId, AvailabilityRequest r, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetAvailability(nurseId, r.WeeklyAvailability), ct)))
            .Requires(AccessRule.ChangeNurse)
            .WithName("SetNurseAvailability");

        nurses.MapPost("/{nurseId:guid}/absences", async Task<Created<NurseRecord>> (Guid nurseId, AbsenceRequest r, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var today = DutchCalendar.Today(clock);
                return TypedResults.Created($"/api/nurses/{nurseId}", await mediator.Send(new AddAbsence(nurseId, r.From, r.To, r.Reason, r.Note, today), ct));
            })
            .Requires(AccessRule.ChangeNurse)
            .WithName("AddNurseAbsence");

        nurses.MapDelete("/{nurseId:guid}/absences/{absenceId:guid}", async Task<Ok<NurseRecord>> (Guid nurseId, Guid absenceId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RemoveAbsence(nurseId, absenceId), ct)))
            .Requires(AccessRule.ChangeNurse)
            .WithName("RemoveNurseAbsence");

        // Joining is the team's decision (see the join requests); leaving is hers alone.
        nurses.MapDelete("/{nurseId:guid}/team", async Task<Ok<NurseRecord>> (Guid nurseId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new LeaveTeam(nurseId), ct)))
            .Requires(AccessRule.OwnDecision)
            .WithName("LeaveTeam");

        return app;
    }
}
