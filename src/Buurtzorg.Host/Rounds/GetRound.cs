using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Rounds;

public sealed record RoundStopView(RoundStop Stop, VisitDetails Details);

/// <summary>A nurse's round for a day as she reads it on her phone: in her order, with times, addresses and what to do.</summary>
public sealed record RoundView(Guid TeamId, Guid NurseId, DateOnly Date, long Version, IReadOnlyList<RoundStopView> Stops, IReadOnlyList<RoundWarning> Warnings)
{
    public static async Task<RoundView> Of(NurseRound round, VisitDetailsReader reader)
    {
        var details = await reader.Read(round.Stops.Select(s => s.Visit));
        return new RoundView(round.TeamId, round.NurseId, round.Date, round.Version, [.. round.Stops.Select(s => new RoundStopView(s, details[s.Visit.Id]))], round.Warnings);
    }
}

public sealed record GetRound(Guid TeamId, Guid NurseId, DateOnly Date) : IQuery<RoundView>;

public sealed class GetRoundHandler(IGrainFactory grains, VisitDetailsReader reader) : IQueryHandler<GetRound, RoundView>
{
    public async ValueTask<RoundView> Handle(GetRound query, CancellationToken cancellationToken)
    {
        await grains.RequireTeam(query.TeamId);

        return await RoundView.Of(await grains.GetGrain<ITeamScheduleGrain>(query.TeamId).GetRound(query.NurseId, query.Date), reader);
    }
}
