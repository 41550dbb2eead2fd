namespace Buurtzorg.Contracts.Teams;

[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamSnapshot")]
public sealed record TeamSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] IReadOnlyList<TeamMember> Nurses);

[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamMember")]
public sealed record TeamMember(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset JoinedAt);
