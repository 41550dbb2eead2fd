using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host.Rounds;
using Mediator;

namespace Buurtzorg.Host.Calendar;

/// <summary>
/// A client's upcoming visits as a calendar, for the client and for family with agenda access:
/// who is coming (first names) and between which times, as their page shows. Never what a visit
/// is for, not even to those who may read the care plan: a subscribed calendar lives in a
/// calendar service outside Buurtzorg, and health information stays behind sign-in.
/// The one exception is the reader's own part (<see cref="Own"/>): the tasks they agreed with the
/// team to do themselves, weekly on their days, in their own words, as on their page. Someone
/// else's tasks never go into a feed.
/// </summary>
public sealed record GetClientCalendar(Guid ClientId, PlanActor? Own = null) : IQuery<FeedText>;

public sealed class GetClientCalendarHandler(IMediator mediator, IGrainFactory grains, TimeProvider clock) : IQueryHandler<GetClientCalendar, FeedText>
{
    public async ValueTask<FeedText> Handle(GetClientCalendar query, CancellationToken cancellationToken)
    {
        var visits = await mediator.Send(new GetClientVisits(query.ClientId, WithWhatFor: false), cancellationToken);
        var client = await grains.GetGrain<IClientGrain>(query.ClientId).Get();
        var now = clock.GetUtcNow();
        var calendar = FeedCalendar.Create(
            $"Buurtzorg – bezoeken bij {GetRoundCalendarHandler.FirstName(client?.Details.Name ?? "")}".TrimEnd(), DutchCalendar.Today(clock));
        foreach (var visit in visits.Visits)
        {
            var window = $"tussen {FeedCalendar.Time(visit.WindowStart)} en {FeedCalendar.Time(visit.WindowEnd)}";
            var visitEvent = FeedCalendar.Event("bezoek", visit.VisitId, visit.Date, visit.WindowStart, visit.WindowEnd, visit.Version, now);
            visitEvent.Summary = visit.NurseFirstNames.Count switch
            {
                0 => "Buurtzorg: nog niet bekend wie komt",
                1 => $"Buurtzorg: {visit.NurseFirstNames[0]} komt",
                _ => $"Buurtzorg: {string.Join(" & ", visit.NurseFirstNames)} komen",
            };
            visitEvent.Description = visit.Status switch
            {
                VisitStatus.Done => $"Komt {window}. Geweest.",
                VisitStatus.NotDone => $"Komt {window}. Niet doorgegaan.",
                _ => $"Komt {window}.",
            };
            // The window is when someone may come, not time the client has to keep free.
            visitEvent.Transparency = Ical.Net.TransparencyType.Transparent;
            calendar.Events.Add(visitEvent);
        }

        var own = query.Own is { } reader ? await OwnTasks(query.ClientId, reader) : [];
        foreach (var task in own)
        {
            calendar.Events.Add(FeedCalendar.Weekly(task, DutchCalendar.Today(clock), now));
        }

        return new FeedText(FeedCalendar.Serialize(calendar), [query.ClientId], own.Count > 0);
    }

    private async Task<IReadOnlyList<CircleTask>> OwnTasks(Guid clientId, PlanActor reader)
    {
        var plan = await grains.GetGrain<ICarePlanGrain>(clientId).Get();
        var doer = reader.Kind == PlanActorKind.NetworkMember ? reader.Id : (Guid?)null;
        return [.. plan.CircleTasks.Where(t => t.IsAgreed && t.NetworkMemberId == doer)];
    }
}
