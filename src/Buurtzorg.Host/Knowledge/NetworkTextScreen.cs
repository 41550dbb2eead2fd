using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Teams;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Knowledge;

/// <summary>
/// Checks what a nurse is about to post to the network against what would identify a person,
/// her own team's clients included, and refuses it field by field before anything is stored.
/// </summary>
/// <remarks>
/// The team's records are read to be refused, not shown: the answer names the kind of detail
/// found, never which client, so the check reveals nothing the writer could not already see.
/// </remarks>
public sealed class NetworkTextScreen(IGrainFactory grains, TimeProvider clock)
{
    public async Task Check(Guid nurseId, params (string Field, string Text)[] texts)
    {
        var clients = await ClientsOfTeam(nurseId);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = new ValidationErrors();
        foreach (var (field, text) in texts)
        {
            foreach (var code in IdentifyingText.Find(text, clients, today))
            {
                errors.Add(field, IdentifyingText.Explain(code), code);
            }
        }

        if (errors.Any)
        {
            throw new RequestValidationException(errors.ToDictionary(), errors.Codes(), RefusalCodes.IdentifiesPerson);
        }
    }

    private async Task<IReadOnlyCollection<KnownPerson>> ClientsOfTeam(Guid nurseId)
    {
        var nurse = await grains.GetGrain<INurseGrain>(nurseId).Get();
        if (nurse?.TeamId is not { } teamId || await grains.GetGrain<ITeamGrain>(teamId).Get() is not { } team)
        {
            return [];
        }

        var records = await Task.WhenAll(team.ClientIds.Select(id => grains.GetGrain<IClientGrain>(id).Get().AsTask()));
        return [.. records.OfType<ClientRecord>().Select(c => new KnownPerson(
            c.Details.Name, c.Details.Address.Street, c.Details.Address.HouseNumber, c.Details.Address.Postcode))];
    }
}
