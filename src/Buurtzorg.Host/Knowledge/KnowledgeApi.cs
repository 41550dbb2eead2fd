using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Host.Access;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// The network of nurses across the country: who knows what, and questions to each other. For
/// nurses only (a client or relative never reaches it); central staff see its activity in figures.
/// Nothing here is about a client: what is posted is checked for anything that identifies one.
/// </summary>
public static class KnowledgeApi
{
    public sealed record KnowHowInput(IReadOnlyList<string?>? Topics, bool? Hidden, IReadOnlyList<string?>? Following);

    public sealed record QuestionInput(string? Title, string? Text, IReadOnlyList<string?>? Topics);

    public sealed record AnswerInput(string? Text);

    public sealed record MostUsefulInput(Guid? AnswerId);

    public static IServiceCollection AddKnowledge(this IServiceCollection services) =>
        services.AddSingleton<NetworkTextScreen>().AddSingleton<QuestionArchive>();

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        var knowHow = app.MapGroup("/api/know-how").WithTags("Know-how");

        knowHow.MapGet("/", async Task<Ok<IReadOnlyList<Colleague>>> (string? topic, string? region, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new FindColleagues(topic, region), ct)))
            .Requires(AccessRule.AnyNurse)
            .WithName("FindColleagues");

        knowHow.MapGet("/topics", async Task<Ok<IReadOnlyList<TopicCount>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTopics(), ct)))
            .Requires(AccessRule.AnyNurse)
            .WithName("ListKnowHowTopics");

        // Her own entry: the session names the nurse, so nobody reads or sets another's.
        knowHow.MapGet("/me", async Task<Ok<KnowHowProfile>> (HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOwnKnowHow(Actor.Nurse(context)), ct)))
            .Requires(AccessRule.AnyNurse)
            .WithName("GetOwnKnowHow");

        knowHow.MapPut("/me", async Task<Ok<KnowHowProfile>> (KnowHowInput input, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetOwnKnowHow(Actor.Nurse(context), input.Topics, input.Hidden, input.Following), ct)))
            .Requires(AccessRule.AnyNurse with { Changes = true })
            .WithName("SetOwnKnowHow");

        var questions = app.MapGroup("/api/questions").WithTags("Questions to the network");

        questions.MapGet("/", async Task<Ok<IReadOnlyList<QuestionSummary>>> (string? topic, string? q, bool? mine, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchQuestions(topic, q, mine == true ? Actor.Nurse(context) : null), ct)))
            .Requires(AccessRule.AnyNurse)
            .WithName("SearchQuestions");

        questions.MapPost("/", async Task<Created<NetworkQuestion>> (QuestionInput input, HttpContext context, IMediator mediator, CancellationToken ct) =>
            {
                var question = await mediator.Send(new AskQuestion(Actor.Nurse(context), input.Title, input.Text, input.Topics), ct);
                return TypedResults.Created($"/api/questions/{question.Id}", question);
            })
            .Requires(AccessRule.AnyNurse with { Changes = true })
            .WithName("AskQuestion");

        questions.MapGet("/{questionId:guid}", async Task<Ok<NetworkQuestion>> (Guid questionId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetQuestion(questionId), ct)))
            .Requires(AccessRule.AnyNurse)
            .WithName("GetQuestion");

        questions.MapPost("/{questionId:guid}/answers", async Task<Ok<NetworkQuestion>> (Guid questionId, AnswerInput input, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AnswerQuestion(questionId, Actor.Nurse(context), input.Text), ct)))
            .Requires(AccessRule.AnyNurse with { Changes = true })
            .WithName("AnswerQuestion");

        questions.MapPut("/{questionId:guid}/most-useful", async Task<Ok<NetworkQuestion>> (Guid questionId, MostUsefulInput input, HttpContext context, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MarkMostUseful(questionId, Actor.Nurse(context), input.AnswerId), ct)))
            .Requires(AccessRule.AnyNurse with { Changes = true })
            .WithName("MarkMostUsefulAnswer");

        app.MapGet("/api/capacity/network-activity", async Task<Ok<NetworkActivity>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNetworkActivity(), ct)))
            .WithTags("Capacity")
            .Requires(AccessRule.Capacity)
            .WithName("GetNetworkActivity");

        return app;
    }
}
