using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Nurses;
using Buurtzorg.Host.Problems;
using Mediator;

namespace Buurtzorg.Host.Teams.Joining;

/// <summary>
/// The signed-in nurse asks a team to take her in. She reaches nothing of that team until one of
/// its members accepts; the team sees her name and her message.
/// </summary>
public sealed record AskToJoin(Guid TeamId, Guid NurseId, string? Message) : ICommand<JoinAsked>, IValidatedMessage
{
    public const int MaxMessageLength = 500;

    public void Validate(ValidationErrors errors) => errors.OptionalMultiLine("message", Message, MaxMessageLength);
}

/// <summary>What the asking nurse may know: which team, and that her request waits.</summary>
public sealed record JoinAsked(Guid TeamId, string TeamName, Guid NurseId, DateTimeOffset AskedAt);

public sealed class AskToJoinHandler(IGrainFactory grains) : ICommandHandler<AskToJoin, JoinAsked>
{
    public async ValueTask<JoinAsked> Handle(AskToJoin command, CancellationToken cancellationToken)
    {
        var nurse = await grains.GetGrain<INurseGrain>(command.NurseId).Get() ?? throw NurseOutcome.NurseNotFound(command.NurseId);
        var message = FieldRules.CleanOptional(command.Message);
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).RequestJoin(command.NurseId, nurse.Profile.Name, message);
        var team = result.Error == TeamError.DuplicateNurse
            ? throw new ResourceConflictException("You are already in this team.", "Nothing was changed.", code: RefusalCodes.AlreadyInTeam)
            : result.OrThrow(command.TeamId);

        // Only her own request goes back to her: the rest of the team's snapshot is not hers to see yet.
        var asked = team.JoinRequests!.First(r => r.NurseId == command.NurseId);
        return new JoinAsked(team.Id, team.Name, command.NurseId, asked.AskedAt);
    }
}
