using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Places;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Grains.Idempotency;
using Buurtzorg.Host.Problems;
using Buurtzorg.Host.Teams;
using Mediator;

namespace Buurtzorg.Host.Places;

/// <summary>
/// A member posts a place the team offers a colleague. The neighbourhood is what the team calls
/// where it works; without one, the team's region.
/// </summary>
public sealed record PostOpenPlace(Guid TeamId, Guid PostedBy, int? HoursPerWeek, Qualification? Qualification, string? Neighbourhood, string? Note)
    : ICommand<TeamOpenPlace>, IValidatedMessage
{
    public void Validate(ValidationErrors errors)
    {
        if (HoursPerWeek is not { } hours || hours is < OpenPlaceLimits.MinHoursPerWeek or > OpenPlaceLimits.MaxHoursPerWeek)
        {
            errors.Add("hoursPerWeek", $"'hoursPerWeek' must be a whole number from {OpenPlaceLimits.MinHoursPerWeek} to {OpenPlaceLimits.MaxHoursPerWeek}.", FieldCodes.OutOfRange);
        }

        if (Qualification is { } qualification && !Enum.IsDefined(qualification))
        {
            errors.Add("qualification", $"'qualification' must be one of: {string.Join(", ", Enum.GetNames<Qualification>())}.", FieldCodes.NotAnOption);
        }

        errors.OptionalSingleLine("neighbourhood", Neighbourhood, OpenPlaceLimits.MaxNeighbourhoodLength);
        errors.OptionalMultiLine("note", Note, OpenPlaceLimits.MaxNoteLength);
    }
}

public sealed class PostOpenPlaceHandler(IGrainFactory grains) : ICommandHandler<PostOpenPlace, TeamOpenPlace>
{
    public async ValueTask<TeamOpenPlace> Handle(PostOpenPlace command, CancellationToken cancellationToken)
    {
        var team = await grains.RequireTeam(command.TeamId);
        var centre = await TeamCentre.Of(grains, team) ?? throw new RuleViolationException(
            "The team has no neighbourhood yet.",
            "An open place is found by its distance from nurses' homes: the team needs a client, or a nurse with a home, first.",
            code: RefusalCodes.TeamWithoutNeighbourhood);
        var placeId = IdempotentRequest.NewId("open-place");
        var result = await grains.GetGrain<ITeamGrain>(command.TeamId).PostOpenPlace(new OpenPlaceDraft(
            placeId, command.HoursPerWeek!.Value, command.Qualification, FieldRules.CleanOptional(command.Neighbourhood), FieldRules.CleanOptional(command.Note), centre, command.PostedBy));
        if (result.Error == TeamError.TooManyOpenPlaces)
        {
            throw new ResourceConflictException(
                "The team has as many open places as it may have.",
                $"A team may offer at most {OpenPlaceLimits.MaxOpenPlacesPerTeam} places at once; close one first. Nothing was changed.",
                code: RefusalCodes.TooManyOpenPlaces);
        }

        var snapshot = result.OrThrow(command.TeamId);
        return TeamOpenPlace.From(snapshot.OpenPlaces!.First(p => p.Id == placeId), snapshot);
    }
}
