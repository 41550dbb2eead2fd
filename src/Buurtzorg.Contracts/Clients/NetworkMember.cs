namespace Buurtzorg.Contracts.Clients;

[GenerateSerializer, Alias("Buurtzorg.Clients.NetworkRelation")]
public enum NetworkRelation
{
    Family = 1,
    Neighbour = 2,
    InformalCarer = 3,
    Friend = 4,
    Other = 5,
}

/// <summary>
/// What a person in the client's network may see, as the client decided. The tiers nest:
/// <see cref="CarePlan"/> includes <see cref="Agenda"/>. Enforced by the access rules.
/// </summary>
[GenerateSerializer, Alias("Buurtzorg.Clients.NetworkAccess")]
public enum NetworkAccess
{
    None = 0,

    /// <summary>Upcoming visits and who is coming.</summary>
    Agenda = 1,

    /// <summary>Also the care plan: problems, interventions and outcomes.</summary>
    CarePlan = 2,
}

/// <summary>A person from the client's own network (family, neighbour, mantelzorger).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.NetworkMemberDetails")]
public sealed record NetworkMemberDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] NetworkRelation Relation,
    [property: Id(2)] string? RelationDescription,
    [property: Id(3)] string? Phone,
    [property: Id(4)] string? Email,
    [property: Id(5)] string? TakesOn)
{
    /// <summary>What stays of a person taken out of a client's network: the name and contact details go (AVG art. 17).</summary>
    public const string ErasedName = "Removed from the network";

    /// <summary>
    /// The entry as the client's history keeps it once the person is taken out: the relation
    /// stays, as what kind of person could see what is part of the record's accountability; who
    /// they were and how to reach them does not.
    /// </summary>
    public NetworkMemberDetails Erased() => new(ErasedName, Relation, null, null, null, null);
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.NetworkMember")]
public sealed record NetworkMember(
    [property: Id(0)] Guid Id,
    [property: Id(1)] NetworkMemberDetails Details,
    [property: Id(2)] NetworkAccess Access);
