using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Places;
using Mediator;

namespace Buurtzorg.Host.Demo;

/// <summary>
/// A few open places in the fresh demo region, so "Open plekken" shows something at once: three
/// teams each offer one, posted by one of their nurses through the same request a member sends.
/// The nurse account "nieuwkomer" is in another team than the one at twelve, so she finds at least
/// two of them (her own team's place is not listed for her).
/// </summary>
internal static class DemoOpenPlaces
{
    private static readonly (int Hours, Qualification? Qualification, string Note)[] Offers =
    [
        (24, Qualification.WoundCare, "We zoeken een collega voor wondzorg, vooral in de ochtend."),
        (20, null, "Nieuw in de wijkverpleging? Wij werken je graag in."),
        (16, Qualification.PalliativeCare, "Voor de avonden en het weekend, in overleg."),
    ];

    public static async Task Post(IMediator mediator, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var teams = new List<TeamSnapshot>();
        foreach (var listing in await grains.GetGrain<ITeamDirectoryGrain>(0).List())
        {
            if (await grains.GetGrain<ITeamGrain>(listing.Id).Get() is { IsDivided: false, Nurses.Count: > 0 } team)
            {
                teams.Add(team);
            }
        }

        foreach (var (team, offer) in teams.OrderByDescending(t => t.Nurses.Count).ThenBy(t => t.Name, StringComparer.Ordinal).Zip(Offers))
        {
            await mediator.Send(new PostOpenPlace(team.Id, team.Nurses[0].NurseId, offer.Hours, offer.Qualification, Neighbourhood: team.Name.Split(' ')[^1], offer.Note), cancellationToken);
        }
    }
}
