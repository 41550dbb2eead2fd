using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Nurses;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host.CarePlans;
using Hl7.Fhir.Model;
using Mediator;

namespace Buurtzorg.Host.Interop.Fhir;

/// <summary>
/// A client's care plan as a FHIR R4 collection Bundle: the client, the plan, its Omaha
/// problems, goals and every outcome rating, and the team's upcoming visits. The endpoint serves
/// it alone; the personal-data download puts it beside everything else held about the client.
/// </summary>
public sealed record GetFhirBundle(Guid ClientId) : IQuery<Bundle>;

public sealed class GetFhirBundleHandler(IGrainFactory grains, TimeProvider clock) : IQueryHandler<GetFhirBundle, Bundle>
{
    public async ValueTask<Bundle> Handle(GetFhirBundle query, CancellationToken cancellationToken)
    {
        var client = await grains.RequireClient(query.ClientId);
        var plan = await grains.GetGrain<ICarePlanGrain>(query.ClientId).Get();
        var today = DutchCalendar.Today(clock);
        var schedule = await grains.GetGrain<ITeamScheduleGrain>(client.Details.TeamId).GetVisits(today, today.AddDays(ScheduleHorizon.Days - 1));
        // The same visits the client's own agenda shows: today and ahead, without the cancelled ones.
        var visits = schedule.Visits.Where(v => v.ClientId == query.ClientId && v.Status != VisitStatus.Cancelled).ToList();
        var nurses = await NurseNames(visits.SelectMany(v => v.AssignedNurses));
        return FhirCarePlanMapper.Bundle(client, plan, visits, nurses, clock.GetUtcNow());
    }

    private async Task<IReadOnlyDictionary<Guid, string>> NurseNames(IEnumerable<Guid> nurseIds)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var nurseId in nurseIds.Distinct())
        {
            names[nurseId] = (await grains.GetGrain<INurseGrain>(nurseId).Get())?.Profile.Name ?? "";
        }

        return names;
    }
}
