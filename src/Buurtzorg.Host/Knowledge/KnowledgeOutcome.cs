using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Access;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Knowledge;

public static class KnowledgeOutcome
{
    public static NetworkQuestion OrThrow(this QuestionResult result) => result.Error switch
    {
        QuestionError.None => result.Question!,
        QuestionError.NotFound => throw new ResourceNotFoundException(GetQuestion.NoSuchQuestion),
        QuestionError.AnswerNotFound => throw new RequestValidationException(
            new Dictionary<string, string[]> { ["answerId"] = ["'answerId' is not an answer to this question."] },
            new Dictionary<string, string[]> { ["answerId"] = [FieldCodes.NotAnOption] }),
        QuestionError.NotTheAsker => throw new ForbiddenActException(
            "Only the nurse who asked marks the most useful answer.", "You can answer this question; the asker chooses which answer helped most.", RefusalCodes.NotTheAsker),
        QuestionError.AlreadyAsked => throw new ResourceConflictException(
            "This question was already posted.", "Send a new question as a new action.", code: RefusalCodes.AlreadyExists),
        QuestionError.Full => throw new RuleViolationException(
            $"This question has its {Grains.Knowledge.QuestionGrain.MaxAnswers} answers.", "Ask a new question to go on."),
        _ => throw new InvalidOperationException($"Unexpected question error {result.Error}."),
    };

    /// <summary>How a question or answer names its writer: her name and her team as they are now.</summary>
    public static async Task<NetworkAuthor> Author(IGrainFactory grains, Guid nurseId)
    {
        var nurse = await grains.GetGrain<INurseGrain>(nurseId).Get() ?? throw new ResourceNotFoundException(AccessGate.NotFoundDetail);
        var team = nurse.TeamId is { } teamId ? await grains.GetGrain<ITeamGrain>(teamId).Get() : null;
        return new NetworkAuthor(nurseId, nurse.Profile.Name, team?.Name);
    }
}
