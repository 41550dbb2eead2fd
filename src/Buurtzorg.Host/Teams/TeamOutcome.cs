using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Teams;

internal static class TeamOutcome
{
    /// <summary>The team after an accepted change, or the refusal as a problem the caller can read.</summary>
    public static TeamSnapshot OrThrow(this TeamResult result, Guid teamId) => result switch
    {
        { Error: TeamError.None, Team: { } team } => team,
        { Error: TeamError.NotFound } => throw TeamNotFound(teamId),
        { Error: TeamError.NurseNotFound } => throw new ResourceNotFoundException("This nurse is not a member of the team."),
        { Error: TeamError.DuplicateNurse } => throw new ResourceConflictException(
            "The nurse is already a member of this team.", "A nurse can be added to a team once; nothing was changed.", code: RefusalCodes.AlreadyInTeam),
        { Error: TeamError.Divided } => throw TeamDivided(),
        { Error: TeamError.AlreadyExists } => throw new ResourceConflictException(
            "The team already exists.", "Nothing was changed.", code: RefusalCodes.AlreadyExists),
        _ => throw new InvalidOperationException($"Unexpected team result {result.Error}."),
    };

    public static ResourceConflictException TeamDivided() => new(
        "This team has divided into two teams.",
        $"A team that grows past {TeamLimits.MaxNurses} nurses divides in two; its nurses and clients are now in the teams named in 'childTeamIds' of the team. Nothing was changed.",
        code: RefusalCodes.TeamDivided);

    public static ResourceNotFoundException TeamNotFound(Guid teamId) => new($"There is no team with id '{teamId}'.");

    /// <summary>The team, or the 404 every team-scoped request answers when there is none.</summary>
    public static async Task<TeamSnapshot> RequireTeam(this IGrainFactory grains, Guid teamId) =>
        await grains.GetGrain<ITeamGrain>(teamId).Get() ?? throw TeamNotFound(teamId);
}
