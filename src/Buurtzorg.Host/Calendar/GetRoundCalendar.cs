using Buurtzorg.Contracts.Visits;
using Buurtzorg.Grains;
using Buurtzorg.Host.Rounds;
using Ical.Net;
using Mediator;

namespace Buurtzorg.Host.Calendar;

/// <summary>
/// A feed as served, and the clients whose data it holds (each is logged as read);
/// <see cref="WithOwnTasks"/>: it also holds the reader's own tasks from the care plan.
/// </summary>
public sealed record FeedText(string Text, IReadOnlyCollection<Guid> Clients, bool WithOwnTasks = false);

/// <summary>
/// A nurse's round as a calendar: her visits of the last <see cref="DaysBack"/> days, today and
/// the schedule's days ahead, each at the time her round plans it. A subscribed calendar ends up
/// in a calendar service outside Buurtzorg, so an event holds less than her round page: when, the
/// client's first name and address (where to go), the window and whether it was done. What the
/// care plan asks, phone numbers and surnames stay behind sign-in.
/// </summary>
public sealed record GetRoundCalendar(Guid TeamId, Guid NurseId) : IQuery<FeedText>
{
    public const int DaysBack = 3;
}

public sealed class GetRoundCalendarHandler(IGrainFactory grains, VisitDetailsReader reader, TimeProvider clock) : IQueryHandler<GetRoundCalendar, FeedText>
{
    public async ValueTask<FeedText> Handle(GetRoundCalendar query, CancellationToken cancellationToken)
    {
        var today = DutchCalendar.Today(clock);
        var schedule = grains.GetGrain<ITeamScheduleGrain>(query.TeamId);
        var days = Enumerable.Range(-GetRoundCalendar.DaysBack, GetRoundCalendar.DaysBack + ScheduleHorizon.Days).Select(today.AddDays);
        var rounds = await Task.WhenAll(days.Select(async day => await schedule.GetRound(query.NurseId, day)));
        var stops = rounds.SelectMany(r => r.Stops).ToList();
        // One read per client for the whole feed, not one per day.
        var details = await reader.Read(stops.Select(s => s.Visit));

        var now = clock.GetUtcNow();
        var calendar = FeedCalendar.Create("Buurtzorg – mijn ronde", today.AddDays(-GetRoundCalendar.DaysBack));
        foreach (var stop in stops)
        {
            var visit = stop.Visit;
            var client = details[visit.Id];
            var lines = new List<string> { $"Tijdvenster {FeedCalendar.Time(visit.WindowStart)}–{FeedCalendar.Time(visit.WindowEnd)}" };
            if (visit.NursesNeeded > 1)
            {
                lines.Add("Dubbel bezoek: twee verpleegkundigen");
            }

            if (Said(visit.Status) is { } status)
            {
                lines.Add(status);
            }

            var visitEvent = FeedCalendar.Event("ronde", visit.Id, visit.Date, stop.PlannedStart, stop.PlannedEnd, visit.Version, now);
            // A visit the care plan dropped stays in her round, struck through, as on her page.
            visitEvent.Status = visit.Status == VisitStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed;
            visitEvent.Summary = $"Bezoek {FirstName(client.ClientName)}";
            visitEvent.Location = client.Address;
            visitEvent.Description = string.Join("\n", lines);
            calendar.Events.Add(visitEvent);
        }

        return new FeedText(FeedCalendar.Serialize(calendar), [.. stops.Select(s => s.Visit.ClientId).Distinct()]);
    }

    internal static string FirstName(string name) => name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private static string? Said(VisitStatus status) => status switch
    {
        VisitStatus.Done => "Gedaan",
        VisitStatus.NotDone => "Niet gedaan",
        VisitStatus.Cancelled => "Vervallen",
        _ => null,
    };
}
