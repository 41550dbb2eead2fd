using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.CarePlans.Omaha;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Host.Rounds;

/// <summary>What a nurse needs to know at the door: who, where, and what the care plan asks.</summary>
public sealed record VisitDetails(string ClientName, string Address, string? Problem, InterventionCategory? Category, string? WhatToDo);

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
                    whatToDo);
            }
        }

        return details;
    }
}
