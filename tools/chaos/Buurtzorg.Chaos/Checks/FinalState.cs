using Buurtzorg.Chaos.Http;
using Buurtzorg.Chaos.Load;
using Buurtzorg.Chaos.Watchers;
using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Rounds;
using Buurtzorg.Contracts.Visits;

namespace Buurtzorg.Chaos.Checks;

/// <summary>
/// What is stored once the faults are over and the load has stopped, read over HTTP by the same
/// users: the team's schedule, the client's visits and record, and every care plan the load
/// edited with its history and the versions its problem writes made.
/// </summary>
public sealed class FinalState
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public required ScheduleDelta Schedule { get; init; }

    public required ClientVisits ClientVisits { get; init; }

    public required ClientRecord Client { get; init; }

    public required IReadOnlyDictionary<Guid, CarePlanSnapshot> Plans { get; init; }

    /// <summary>Per plan, every write of the harness's problems in its history, with the signs it left.</summary>
    public required IReadOnlyDictionary<Guid, IReadOnlyList<ProblemWrite>> Writes { get; init; }

    /// <summary>A visit as a screen shows it: who has it and whether it is still open.</summary>
    public static string Shown(Visit visit) => $"{visit.Id} {visit.Status} {string.Join('+', visit.AssignedNurses.Order())}";

    public static async Task<FinalState> Read(Requests requests, DemoWorld world, IReadOnlyList<ActionRecord> actions)
    {
        var schedule = (await requests.Read(world.Nurse, $"/api/teams/{world.TeamId}/schedule/changes?since=0", Patience)).As<ScheduleDelta>("schedule");
        var visits = (await requests.Read(world.Client, $"/api/clients/{world.ClientId}/visits", Patience)).As<ClientVisits>("client visits");
        var client = (await requests.Read(world.Client, $"/api/clients/{world.ClientId}", Patience)).As<ClientRecord>("client record");

        var plans = new Dictionary<Guid, CarePlanSnapshot>();
        var writes = new Dictionary<Guid, IReadOnlyList<ProblemWrite>>();
        foreach (var edited in actions.Where(a => a.Kind is ActionKind.WriteProblem or ActionKind.RateOutcome).GroupBy(a => a.ClientId!.Value))
        {
            var nurse = edited.First().User == world.Nurse.UserName ? world.Nurse : world.Colleague;
            var path = $"/api/clients/{edited.Key}/care-plan";
            plans[edited.Key] = (await requests.Read(nurse, path, Patience)).As<CarePlanSnapshot>("care plan");
            var codes = edited.Select(a => a.ProblemCode).ToHashSet();
            var history = (await requests.Read(nurse, $"{path}/history", Patience)).As<List<CarePlanChange>>("care plan history");
            var written = new List<ProblemWrite>();
            foreach (var change in history.Where(c => c.Kind == CarePlanChangeKind.ProblemWritten && codes.Contains(c.ProblemCode)))
            {
                var version = (await requests.Read(nurse, $"{path}/versions/{change.Version}", Patience)).As<CarePlanSnapshot>("care plan version");
                written.Add(new ProblemWrite(change.Version, change.ProblemCode, version.Problems.Single(p => p.Code == change.ProblemCode).SignsAndSymptoms));
            }

            writes[edited.Key] = written;
        }

        return new FinalState { Schedule = schedule, ClientVisits = visits, Client = client, Plans = plans, Writes = writes };
    }
}

/// <summary>One version a problem write made: which problem, and the signs it wrote (the harness's sign names the action).</summary>
public sealed record ProblemWrite(int Version, int Code, IReadOnlyList<string> Signs);
