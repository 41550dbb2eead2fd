using Buurtzorg.Contracts.Places;

namespace Buurtzorg.Contracts.Teams;

[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamSnapshot")]
public sealed record TeamSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Version,
    [property: Id(3)] IReadOnlyList<TeamMember> Nurses,
    [property: Id(4)] IReadOnlyList<Guid> ClientIds,
    [property: Id(5)] Guid? ParentTeamId,
    [property: Id(6)] IReadOnlyList<Guid> ChildTeamIds,
    [property: Id(7)] IReadOnlyList<JoinRequest>? JoinRequests = null,
    [property: Id(8)] IReadOnlyList<OpenPlace>? OpenPlaces = null,
    [property: Id(9)] string? Region = null)
{
    /// <summary>A team that divided in two carries on as its children; it keeps only its lineage.</summary>
    public bool IsDivided => ChildTeamIds.Count > 0;
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.TeamMember")]
public sealed record TeamMember(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] Guid? AcceptedBy = null);

/// <summary>
/// A nurse who asked to join the team and waits for its answer. Until a member accepts, she
/// reaches nothing of the team: the request shows her name and her message, nothing more.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Teams.JoinRequest")]
public sealed record JoinRequest(
    [property: Id(0)] Guid NurseId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateTimeOffset AskedAt);
