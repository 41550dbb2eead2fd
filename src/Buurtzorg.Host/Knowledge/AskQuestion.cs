using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// A nurse asks the network, under one or more topics. The text is checked for anything that
/// identifies a person before it is stored; followers of its topics see it at once.
/// </summary>
public sealed record AskQuestion(Guid NurseId, string? Title, string? Text, IReadOnlyList<string?>? Topics) : ICommand<NetworkQuestion>, IValidatedMessage
{
    public const int MaxTitleLength = 150;
    public const int MaxTextLength = 4000;
    public const int MaxTopics = 5;

    public void Validate(ValidationErrors errors)
    {
        errors.RequireSingleLine("title", Title, MaxTitleLength);
        errors.RequireMultiLine("text", Text, MaxTextLength);
        if (Topics is null || Topics.Count == 0)
        {
            errors.Add("topics", "Name at least one topic, such as 'wondzorg', so colleagues who know it see the question.", FieldCodes.Required);
        }

        SetOwnKnowHow.TopicList(errors, "topics", Topics, MaxTopics);
    }
}

public sealed class AskQuestionHandler(IGrainFactory grains, NetworkTextScreen screen) : ICommandHandler<AskQuestion, NetworkQuestion>
{
    public async ValueTask<NetworkQuestion> Handle(AskQuestion command, CancellationToken cancellationToken)
    {
        var (title, text) = (FieldRules.Clean(command.Title!), FieldRules.Clean(command.Text!));
        await screen.Check(command.NurseId, ("title", title), ("text", text));
        var author = await KnowledgeOutcome.Author(grains, command.NurseId);
        var id = IdempotentRequest.NewId("network-question");
        return (await grains.GetGrain<IQuestionGrain>(id).Ask(author, title, text, SetOwnKnowHow.Keys(command.Topics))).OrThrow();
    }
}
