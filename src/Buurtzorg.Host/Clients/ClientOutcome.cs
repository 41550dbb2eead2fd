using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Clients;

internal static class ClientOutcome
{
    public static ClientRecord OrThrow(this ClientResult result, Guid clientId) => result switch
    {
        { Error: ClientError.None, Client: { } client } => client,
        { Error: ClientError.NotFound } => throw ClientNotFound(clientId),
        { Error: ClientError.NetworkMemberNotFound } => throw new ResourceNotFoundException("This person is not in the client's network."),
        { Error: ClientError.DuplicateNetworkMember } => throw new ResourceConflictException(
            "This person is already in the client's network.", "Nothing was changed.", code: RefusalCodes.AlreadyInNetwork),
        { Error: ClientError.NetworkFull } => throw new RuleViolationException(
            "The client's network is full.",
            $"A client's network holds at most {ClientLimits.MaxNetworkMembers} people; remove someone first. Nothing was changed.",
            new Dictionary<string, object?>
            {
                // Named as a validation problem names its fields, so the page can show it at the network.
                ["errors"] = new Dictionary<string, string[]>
                {
                    ["network"] = [$"'network' holds at most {ClientLimits.MaxNetworkMembers} people."],
                },
                ["fieldCodes"] = new Dictionary<string, string[]> { ["network"] = [FieldCodes.TooLong] },
                ["maxMembers"] = ClientLimits.MaxNetworkMembers,
            },
            RefusalCodes.NetworkFull),
        { Error: ClientError.AlreadyRegistered } => throw new ResourceConflictException(
            "The client is already registered.", "Nothing was changed.", code: RefusalCodes.AlreadyExists),
        _ => throw new InvalidOperationException($"Unexpected client result {result.Error}."),
    };

    public static ResourceNotFoundException ClientNotFound(Guid clientId) => new($"There is no client with id '{clientId}'.");
}
