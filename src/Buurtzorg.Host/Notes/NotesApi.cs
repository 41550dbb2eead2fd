using Buurtzorg.Contracts.Clients;
using Buurtzorg.Grains;
using Buurtzorg.Host.Access;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Notes;

/// <summary>Visit notes (rapportage): part of the client's record, so every call is checked and logged per client.</summary>
public static class NotesApi
{
    public sealed record WriteNoteRequest(Guid? VisitId, string? Text);

    public sealed record CorrectNoteRequest(string? Text);

    public static IEndpointRouteBuilder MapVisitNotes(this IEndpointRouteBuilder app)
    {
        var notes = app.MapGroup("/api/clients/{clientId:guid}/notes").WithTags("Visit notes");

        notes.MapGet("/", async Task<Ok<ClientNotes>> (Guid clientId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetVisitNotes(clientId), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.Notes))
            .WithName("GetVisitNotes");

        notes.MapGet("/visits", async Task<Ok<IReadOnlyList<NoteVisit>>> (Guid clientId, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNoteVisits(clientId, DutchCalendar.Today(clock)), ct)))
            .Requires(AccessRule.ReadClient(ClientPart.Notes))
            .WithName("GetNoteVisits");

        notes.MapPost("/", async Task<Created<VisitNote>> (Guid clientId, WriteNoteRequest r, HttpContext context, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                var note = await mediator.Send(new WriteVisitNote(clientId, Actor.Nurse(context), r.VisitId, r.Text, DutchCalendar.Today(clock)), ct);
                return TypedResults.Created($"/api/clients/{clientId}/notes", note);
            })
            .Requires(AccessRule.ChangeClient(ClientPart.Notes))
            .WithName("WriteVisitNote");

        notes.MapPut("/{noteId:guid}", async Task<Ok<VisitNote>> (Guid clientId, Guid noteId, CorrectNoteRequest r, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CorrectVisitNote(clientId, noteId, Actor.Nurse(context), r.Text), ct)))
            .Requires(AccessRule.ChangeClient(ClientPart.Notes))
            .WithName("CorrectVisitNote");

        return app;
    }
}
