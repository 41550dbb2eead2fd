using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Clients;

/// <summary>An address as the API takes it: the coordinates flat, all parts checked.</summary>
public sealed record AddressInput(string? Street, string? HouseNumber, string? Postcode, string? City, double? Latitude, double? Longitude)
{
    public void Validate(ValidationErrors errors, string prefix)
    {
        errors.RequireSingleLine($"{prefix}.street", Street, TeamLimits.MaxNameLength);
        errors.RequireSingleLine($"{prefix}.houseNumber", HouseNumber, 10);
        errors.Postcode($"{prefix}.postcode", Postcode);
        errors.RequireSingleLine($"{prefix}.city", City, TeamLimits.MaxNameLength);
        errors.LocationInTheNetherlands($"{prefix}.location", Latitude, Longitude);
    }

    public Address ToAddress() => new(
        FieldRules.Clean(Street!), FieldRules.Clean(HouseNumber!), FieldRules.NormalisePostcode(Postcode!), FieldRules.Clean(City!), new GeoPoint(Latitude!.Value, Longitude!.Value));
}

/// <summary>A person of the client's network as the API takes it.</summary>
public sealed record NetworkMemberInput(
    string? Name, NetworkRelation? Relation, string? RelationDescription, string? Phone, string? Email, string? TakesOn)
{
    public void Validate(ValidationErrors errors)
    {
        errors.RequireName("name", Name, TeamLimits.MaxNameLength);
        errors.RequireDefined("relation", Relation);
        errors.OptionalSingleLine("relationDescription", RelationDescription, TeamLimits.MaxNameLength);
        errors.Phone("phone", Phone, required: false);
        errors.OptionalEmail("email", Email);
        errors.OptionalMultiLine("takesOn", TakesOn, FieldRules.MaxTextLength);
    }

    public NetworkMemberDetails ToDetails() => new(
        ValidationErrors.CleanName(Name),
        Relation!.Value,
        FieldRules.CleanOptional(RelationDescription),
        FieldRules.CleanOptional(Phone),
        FieldRules.CleanOptional(Email),
        FieldRules.CleanOptional(TakesOn));
}
