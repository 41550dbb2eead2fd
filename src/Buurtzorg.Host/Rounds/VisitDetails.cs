using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Geography;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Host.Rounds;

/// <summary>
/// What a nurse needs to know at the door: who, where, and what the care plan asks; and, to ring
/// ahead or find the way, the client's phone, the first person of their network to call and where
/// the house is. Part of the client's record: only the team's nurses read it (the board and the
/// round are logged as reads of each client's record, see RevealedClients).
/// </summary>
public sealed record VisitDetails(
    string ClientName, string Address, string? Problem, InterventionCategory? Category, string? WhatToDo,
    string? ClientPhone, VisitContact? Contact, GeoPoint? Location, int? ProblemCode = null);

/// <summary>Whom to call when the client does not open: the first person of their network with a phone number.</summary>
public sealed record VisitContact(string Name, NetworkRelation Relation, string Phone);

/// <summary>Reads the clients and care plans behind a set of visits, once per client.</summary>
public sealed class VisitDetailsReader(IGrainFactory grains)
{
    public async Task<IReadOnlyDictionary<Guid, VisitDetails>> Read(IEnumerable<Visit> visits)
    {
        var byClient = visits.GroupBy(v => v.ClientId).ToList();
        var details = new Dictionary<Guid, VisitDetails>();
        var reads = await Task.WhenAll(byClient.Select(async g => (
            Visits: g.ToList(),
            Client: await grains.GetGrain<IClientGrain>(g.Key).Get(),
            Plan: await grains.GetGrain<ICarePlanGrain>(g.Key).Get())));
        foreach (var (clientVisits, client, plan) in reads)
        {
            foreach (var visit in clientVisits)
            {
                var problem = plan.Problems.FirstOrDefault(p => p.Interventions.Any(i => i.Id == visit.InterventionId));
                var intervention = problem?.Interventions.First(i => i.Id == visit.InterventionId);
                // One trip may do more than one intervention: the nurse reads all of them.
                var alsoToDo = (visit.WithInterventionIds ?? [])
                    .Select(id => plan.Problems.SelectMany(p => p.Interventions).FirstOrDefault(i => i.Id == id)?.Description)
                    .OfType<string>();
                var whatToDo = intervention is null ? null : string.Join("; ", alsoToDo.Prepend(intervention.Description));
                details[visit.Id] = new VisitDetails(
                    client?.Details.Name ?? "",
                    client is null ? "" : $"{client.Details.Address.Street} {client.Details.Address.HouseNumber}, {client.Details.Address.Postcode} {client.Details.Address.City}",
                    problem is not null && OmahaProblems.TryGet(problem.Code, out var omaha) ? omaha.Name : null,
                    intervention?.Category,
                    whatToDo,
                    client?.Details.Phone,
                    FirstContact(client),
                    client?.Details.Address.Location,
                    // Pages name the problem in the reader's language by its Omaha code.
                    problem?.Code);
            }
        }

        return details;
    }

    // A contact without a phone number cannot be rung from the doorstep: the first one who can be.
    private static VisitContact? FirstContact(ClientRecord? client) =>
        client?.Network.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Details.Phone)) is { } member
            ? new VisitContact(member.Details.Name, member.Details.Relation, member.Details.Phone!)
            : null;
}
