namespace Buurtzorg.Contracts.Knowledge;

/// <summary>A nurse as a question or an answer names her: name and team when she wrote it.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.NetworkAuthor")]
public sealed record NetworkAuthor(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? TeamName);

[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.NetworkAnswer")]
public sealed record NetworkAnswer(
    [property: Id(0)] Guid Id,
    [property: Id(1)] NetworkAuthor By,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset At);

/// <summary>A question to the network, with its answers; the asker marks the most useful one.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.NetworkQuestion")]
public sealed record NetworkQuestion(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string Title,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyList<string> Topics,
    [property: Id(5)] NetworkAuthor AskedBy,
    [property: Id(6)] DateTimeOffset AskedAt,
    [property: Id(7)] IReadOnlyList<NetworkAnswer> Answers,
    [property: Id(8)] Guid? MostUsefulAnswerId)
{
    public QuestionSummary Summary() => new(
        Id, Version, Title, Topics, AskedBy, AskedAt, Answers.Count, MostUsefulAnswerId is not null, Answers.Count > 0 ? Answers[^1].At : null);
}

/// <summary>A question as lists show it: no text, no answers.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.QuestionSummary")]
public sealed record QuestionSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string Title,
    [property: Id(3)] IReadOnlyList<string> Topics,
    [property: Id(4)] NetworkAuthor AskedBy,
    [property: Id(5)] DateTimeOffset AskedAt,
    [property: Id(6)] int Answers,
    [property: Id(7)] bool MostUsefulMarked,
    [property: Id(8)] DateTimeOffset? LastAnswerAt);

[GenerateSerializer, Alias("Buurtzorg.Knowledge.QuestionChangeKind")]
public enum QuestionChangeKind
{
    Asked = 1,
    Answered = 2,
    MostUsefulMarked = 3,
}

/// <summary>
/// Sent live to the nurses who follow one of the question's topics and to the asker. It carries
/// the summary only: a page that shows the question reads it again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.QuestionChanged")]
public sealed record QuestionChanged(
    [property: Id(0)] QuestionChangeKind Kind,
    [property: Id(1)] QuestionSummary Question);

[GenerateSerializer, Alias("Buurtzorg.Knowledge.QuestionError")]
public enum QuestionError
{
    None = 0,
    NotFound = 1,
    AnswerNotFound = 2,
    NotTheAsker = 3,
    AlreadyAsked = 4,
    Full = 5,
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.QuestionResult")]
public sealed record QuestionResult(
    [property: Id(0)] NetworkQuestion? Question,
    [property: Id(1)] QuestionError Error);

/// <summary>One question to the network, keyed by its id.</summary>
[Alias("Buurtzorg.Knowledge.IQuestionGrain")]
public interface IQuestionGrain : IGrainWithGuidKey
{
    /// <summary>Posts the question; asking again with the same words (a retry) answers the same.</summary>
    [Alias("Ask")]
    ValueTask<QuestionResult> Ask(NetworkAuthor by, string title, string text, IReadOnlyList<string> topics);

    [Alias("Get")]
    ValueTask<NetworkQuestion?> Get();

    /// <summary>Adds an answer under <paramref name="answerId"/>; the same id again (a retry) adds nothing.</summary>
    [Alias("Answer")]
    ValueTask<QuestionResult> Answer(Guid answerId, NetworkAuthor by, string text);

    /// <summary>The asker marks the answer that helped her most (she may change her mind).</summary>
    [Alias("MarkMostUseful")]
    ValueTask<QuestionResult> MarkMostUseful(Guid answerId, Guid by);
}

/// <summary>
/// Questions under any of <see cref="Topics"/> (all when empty), whose words hold every one of
/// <see cref="Words"/> (lower case), asked by <see cref="AskedBy"/> when given.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.QuestionQuery")]
public sealed record QuestionQuery(
    [property: Id(0)] IReadOnlyList<string> Topics,
    [property: Id(1)] IReadOnlyList<string> Words,
    [property: Id(2)] Guid? AskedBy,
    [property: Id(3)] int Limit);

/// <summary>Per topic (null: all topics together), how many questions were asked and answered in a week: figures only.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Knowledge.QuestionActivity")]
public sealed record QuestionActivity(
    [property: Id(0)] DateOnly WeekOf,
    [property: Id(1)] string? Topic,
    [property: Id(2)] int Asked,
    [property: Id(3)] int Answered,
    [property: Id(4)] int Answers,
    [property: Id(5)] int MostUsefulMarked);

/// <summary>
/// The questions asked in one month (key "yyyy-MM"), kept for search: summaries and the words
/// of question and answers. A month holds a bounded number, so no index grows without end; a
/// search reads the months it needs, newest first.
/// </summary>
[Alias("Buurtzorg.Knowledge.IQuestionMonthGrain")]
public interface IQuestionMonthGrain : IGrainWithStringKey
{
    /// <summary>Replaces what the month knows of the question when it is newer; safe to repeat.</summary>
    [Alias("Put")]
    ValueTask Put(QuestionSummary question, string searchText);

    /// <summary>Newest first, at most <see cref="QuestionQuery.Limit"/>.</summary>
    [Alias("Search")]
    ValueTask<IReadOnlyList<QuestionSummary>> Search(QuestionQuery query);

    [Alias("Activity")]
    ValueTask<IReadOnlyList<QuestionActivity>> Activity();

    public static string KeyOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
