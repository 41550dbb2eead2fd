using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Contracts.Clients;

[GenerateSerializer, Alias("Buurtzorg.Clients.ClientStatus")]
public enum ClientStatus
{
    Active = 1,
    Paused = 2,
    Discharged = 3,
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.Address")]
public sealed record Address(
    [property: Id(0)] string Street,
    [property: Id(1)] string HouseNumber,
    [property: Id(2)] string Postcode,
    [property: Id(3)] string City,
    [property: Id(4)] GeoPoint Location);

/// <summary>What is known of a client when the team takes them on.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.ClientRegistration")]
public sealed record ClientRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly DateOfBirth,
    [property: Id(2)] Address Address,
    [property: Id(3)] string Phone,
    [property: Id(4)] Guid TeamId,
    [property: Id(5)] decimal IndicationHoursPerWeek,
    [property: Id(6)] DateOnly StartDate);

/// <summary>A client's record: who they are, their team, their indication and their own network.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.ClientRecord")]
public sealed record ClientRecord(
    [property: Id(0)] Guid Id,
    [property: Id(1)] long Version,
    [property: Id(2)] ClientRegistration Details,
    [property: Id(3)] ClientStatus Status,
    [property: Id(4)] IReadOnlyList<NetworkMember> Network);
