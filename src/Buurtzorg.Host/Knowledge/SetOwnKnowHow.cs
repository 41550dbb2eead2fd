using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// A nurse says what she knows well and which topics she follows, and whether colleagues across
/// the country may find her by it. Only she sets it: the route names no nurse, the session does.
/// </summary>
public sealed record SetOwnKnowHow(Guid NurseId, IReadOnlyList<string?>? Topics, bool? Hidden, IReadOnlyList<string?>? Following)
    : ICommand<KnowHowProfile>, IValidatedMessage
{
    public const int MaxFollowing = 30;

    public void Validate(ValidationErrors errors)
    {
        // The whole entry each time: a body that names none of it is no entry, not an empty one.
        if (Topics is null)
        {
            errors.Add("topics", "Send 'topics': the topics you know well (an empty list for none).", FieldCodes.Required);
        }

        if (Hidden is null)
        {
            errors.Add("hidden", "Send 'hidden': true to stay out of the directory, false to be found.", FieldCodes.Required);
        }

        if (Following is null)
        {
            errors.Add("following", "Send 'following': the topics whose questions reach you live (an empty list for none).", FieldCodes.Required);
        }

        TopicList(errors, "topics", Topics, KnowHowTopics.MaxPerNurse);
        TopicList(errors, "following", Following, MaxFollowing);
    }

    internal static void TopicList(ValidationErrors errors, string field, IReadOnlyList<string?>? topics, int max)
    {
        if (topics is null)
        {
            return;
        }

        if (topics.Count > max)
        {
            errors.Add(field, $"'{field}' holds at most {max} topics.", FieldCodes.OutOfRange);
        }

        for (var i = 0; i < topics.Count; i++)
        {
            errors.OptionalSingleLine($"{field}[{i}]", topics[i], KnowHowTopics.MaxLength);
            if (KnowHowTopics.Normalize(topics[i]) is null)
            {
                errors.Add($"{field}[{i}]", $"A topic is 2 to {KnowHowTopics.MaxLength} letters, digits, spaces or hyphens, such as 'wondzorg'.", FieldCodes.Invalid);
            }
        }
    }

    internal static IReadOnlyList<string> Keys(IReadOnlyList<string?>? topics) =>
        [.. (topics ?? []).Select(KnowHowTopics.Normalize).OfType<string>().Distinct(StringComparer.Ordinal)];
}

public sealed class SetOwnKnowHowHandler(IGrainFactory grains) : ICommandHandler<SetOwnKnowHow, KnowHowProfile>
{
    public ValueTask<KnowHowProfile> Handle(SetOwnKnowHow command, CancellationToken cancellationToken) =>
        grains.GetGrain<IKnowHowGrain>(command.NurseId).Set(new KnowHowProfile(
            SetOwnKnowHow.Keys(command.Topics), command.Hidden!.Value, SetOwnKnowHow.Keys(command.Following)));
}
