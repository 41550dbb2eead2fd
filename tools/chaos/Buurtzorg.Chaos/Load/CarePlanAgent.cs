using Buurtzorg.Chaos.Http;
using Buurtzorg.Contracts.CarePlans;

namespace Buurtzorg.Chaos.Load;

/// <summary>
/// A nurse keeping care plans: on each of her clients she writes one Omaha problem of her own
/// (type Actual, no interventions, so the schedule is untouched) whose only sign names the
/// action's key, and rates its outcome again and again, each rating unique in the run. Every
/// edit names the version it was made on, as the page does; after a refusal or no answer she
/// reads the plan again and goes on from what it says.
/// </summary>
public sealed class CarePlanAgent(UserSession me, IReadOnlyList<Guid> clients, Requests requests, ActionLog log, Random random)
{
    private static int _ratings;
    private readonly List<Chain> _chains = [];
    private int _turn;

    /// <summary>The Omaha problem the harness writes on each plan: one the plan does not have yet.</summary>
    public async Task Prepare()
    {
        foreach (var client in clients)
        {
            var plan = (await requests.Read(me, $"/api/clients/{client}/care-plan")).As<CarePlanSnapshot>("care plan");
            var code = Enumerable.Range(1, 42).First(c => plan.Problems.All(p => p.Code != c));
            _chains.Add(new Chain(client, code) { Version = plan.Version });
        }
    }

    public async Task Step()
    {
        var chain = _chains[_turn++ % _chains.Count];
        var write = !chain.ProblemExists || random.NextDouble() < 0.35;
        var action = write ? await Write(chain) : await Rate(chain);
        if (action.End == ActionEnd.Acknowledged && action.Response?["version"]?.GetValue<int>() is { } version)
        {
            chain.Version = version;
            chain.ProblemExists = true;
            return;
        }

        if (await requests.Read(me, $"/api/clients/{chain.ClientId}/care-plan") is { } read)
        {
            var plan = read.As<CarePlanSnapshot>("care plan");
            chain.Version = plan.Version;
            chain.ProblemExists = plan.Problems.Any(p => p.Code == chain.Code);
        }
    }

    private async Task<ActionRecord> Write(Chain chain)
    {
        var action = log.Add(new ActionRecord(ActionKind.WriteProblem, me.UserName) { ClientId = chain.ClientId, ProblemCode = chain.Code });
        action.Marker = Sign(action.Key);
        await requests.Act(me, action, HttpMethod.Put, $"/api/clients/{chain.ClientId}/care-plan/problems/{chain.Code}", new
        {
            expectedVersion = chain.Version,
            scope = "Individual",
            type = "Actual",
            signsAndSymptoms = new[] { action.Marker },
            interventions = Array.Empty<object>(),
        });
        return action;
    }

    private async Task<ActionRecord> Rate(Chain chain)
    {
        // The n-th rating of the run: a date four years back and more, and scores that count n in
        // base five, so no two ratings of the run are alike and a repeated one can be counted.
        var n = Interlocked.Increment(ref _ratings) - 1;
        var rating = new OutcomeRating(
            RatingMoment.Review,
            DateOnly.FromDateTime(DateTime.Today).AddYears(-4).AddDays(-(n / 125)),
            n % 5 + 1,
            n / 5 % 5 + 1,
            n / 25 % 5 + 1);
        var action = log.Add(new ActionRecord(ActionKind.RateOutcome, me.UserName) { ClientId = chain.ClientId, ProblemCode = chain.Code, Marker = RatingMarker(rating) });
        await requests.Act(me, action, HttpMethod.Post, $"/api/clients/{chain.ClientId}/care-plan/problems/{chain.Code}/ratings", new
        {
            expectedVersion = chain.Version,
            moment = rating.Moment,
            ratedOn = rating.RatedOn,
            knowledge = rating.Knowledge,
            behavior = rating.Behavior,
            status = rating.Status,
        });
        return action;
    }

    public static string Sign(string key) => $"chaos {key}";

    public static string RatingMarker(OutcomeRating rating) =>
        $"{rating.Moment} {rating.RatedOn:yyyy-MM-dd} K{rating.Knowledge} B{rating.Behavior} S{rating.Status}";

    private sealed record Chain(Guid ClientId, int Code)
    {
        public int Version { get; set; }

        public bool ProblemExists { get; set; }
    }
}
