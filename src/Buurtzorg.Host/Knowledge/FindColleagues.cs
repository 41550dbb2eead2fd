using Buurtzorg.Contracts.Knowledge;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// Any nurse searches the whole country for colleagues who know a topic, optionally in a region
/// (a province, a city or a neighbourhood as the team's name has it). What she sees of each is
/// what a colleague would say of herself: name, team, region and topics; nothing of clients.
/// </summary>
public sealed record FindColleagues(string? Topic, string? Region) : IQuery<IReadOnlyList<Colleague>>, IValidatedMessage
{
    public const int MaxResults = 50;

    public void Validate(ValidationErrors errors)
    {
        if (Topic is not null && KnowHowTopics.Normalize(Topic) is null)
        {
            errors.Add("topic", $"A topic is 2 to {KnowHowTopics.MaxLength} letters, digits, spaces or hyphens, such as 'wondzorg'.", FieldCodes.Invalid);
        }

        errors.OptionalSingleLine("region", Region, 60);
    }
}

public sealed record Colleague(Guid NurseId, string Name, Guid? TeamId, string? TeamName, string? Region, IReadOnlyList<string> Topics);

public sealed class FindColleaguesHandler(IGrainFactory grains) : IQueryHandler<FindColleagues, IReadOnlyList<Colleague>>
{
    public async ValueTask<IReadOnlyList<Colleague>> Handle(FindColleagues query, CancellationToken cancellationToken)
    {
        var listed = await grains.GetGrain<IKnowHowDirectoryGrain>(0).Find(KnowHowTopics.Normalize(query.Topic));

        // Names and teams are read now, so a nurse who moved or whose team divided is shown where she is.
        var nurses = await Task.WhenAll(listed.Select(async l => (Listing: l, Nurse: await grains.GetGrain<INurseGrain>(l.NurseId).Get())));
        var teams = (await Task.WhenAll(nurses.Select(n => n.Nurse?.TeamId).OfType<Guid>().Distinct()
                .Select(async id => (Id: id, Team: await grains.GetGrain<ITeamGrain>(id).Get()))))
            .ToDictionary(t => t.Id, t => t.Team);

        var region = FieldRules.CleanOptional(query.Region);
        return [.. nurses
            .Where(n => n.Nurse is not null)
            .Select(n =>
            {
                var team = n.Nurse!.TeamId is { } id ? teams.GetValueOrDefault(id) : null;
                return new Colleague(n.Nurse.Id, n.Nurse.Profile.Name, team?.Id, team?.Name, team?.Region, n.Listing.Topics);
            })
            .Where(c => region is null
                || (c.Region?.Contains(region, StringComparison.CurrentCultureIgnoreCase) ?? false)
                || (c.TeamName?.Contains(region, StringComparison.CurrentCultureIgnoreCase) ?? false))
            .OrderBy(c => c.TeamName ?? "~", StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Take(FindColleagues.MaxResults)];
    }
}
