using Buurtzorg.Chaos.Load;
using Buurtzorg.Contracts.Clients;

namespace Buurtzorg.Chaos.Checks;

/// <summary>
/// Finds each action's effect in the final state: how many times it took effect, whatever its
/// user was told. Free text carries the action's key, a rating is unique in the run, and a
/// visit's actions form one sequence (only the nurse who has it acts on it), so the stored
/// assignment says which of them took effect.
/// </summary>
public static class Verifier
{
    public static void Check(IReadOnlyList<ActionRecord> actions, FinalState final)
    {
        CheckVisits(actions.Where(a => a.Kind is ActionKind.Claim or ActionKind.Release or ActionKind.HandOver), final);
        foreach (var action in actions)
        {
            switch (action.Kind)
            {
                case ActionKind.WriteProblem:
                    action.Effect = Times(final.Writes.GetValueOrDefault(action.ClientId!.Value, [])
                        .Count(w => w.Code == action.ProblemCode && w.Signs.SequenceEqual([action.Marker!])));
                    break;
                case ActionKind.RateOutcome:
                    action.Effect = Times(final.Plans[action.ClientId!.Value].Problems
                        .Where(p => p.Code == action.ProblemCode)
                        .SelectMany(p => p.Ratings)
                        .Count(r => CarePlanAgent.RatingMarker(r) == action.Marker));
                    break;
                case ActionKind.AddMember:
                    // The person it added, plus the one the client took out again (found by this very name).
                    var removed = actions.Any(r => r.Kind == ActionKind.RemoveMember && r.MemberId == action.MemberId && action.MemberId is not null && Member(final, r.MemberId) is null);
                    action.Effect = Times(final.Client.Network.Count(m => m.Details.Name == action.Marker) + (removed ? 1 : 0));
                    break;
                case ActionKind.ChangeMember:
                    action.Effect = Member(final, action.MemberId)?.Details.RelationDescription == action.Marker ? Effect.Applied : Effect.NotApplied;
                    break;
                case ActionKind.SetAccess:
                    action.Effect = Member(final, action.MemberId)?.Access.ToString() == action.Access ? Effect.Applied : Effect.NotApplied;
                    break;
                case ActionKind.RemoveMember:
                    action.Effect = Member(final, action.MemberId) is null ? Effect.Applied : Effect.NotApplied;
                    break;
            }
        }
    }

    /// <summary>
    /// Each visit started open and unassigned. Every action but a visit's last was acknowledged
    /// (the nurse leaves a visit alone after any other outcome), and each needs the one before it
    /// (only the nurse who has a visit releases or hands it over): those are superseded, and the
    /// stored assignment is either what the last action made or what it found.
    /// </summary>
    private static void CheckVisits(IEnumerable<ActionRecord> actions, FinalState final)
    {
        var stored = final.Schedule.Visits.ToDictionary(v => v.Id, v => Assigned(v.AssignedNurses));
        foreach (var sequence in actions.GroupBy(a => a.VisitId!.Value))
        {
            var steps = sequence.OrderBy(a => a.Started).ToList();
            var before = "";
            foreach (var step in steps[..^1])
            {
                step.Effect = Effect.Superseded;
                before = After(step);
            }

            var last = steps[^1];
            var now = stored.GetValueOrDefault(sequence.Key, "?");
            if (now == After(last))
            {
                last.Effect = Effect.Applied;
            }
            else
            {
                last.Effect = Effect.NotApplied;
                if (now != before && steps.Count > 1)
                {
                    // Neither what the last action made nor what it found: an acknowledged step before it was lost.
                    steps[^2].Effect = Effect.NotApplied;
                }
            }
        }
    }

    private static string After(ActionRecord action) => action.Kind switch
    {
        ActionKind.Claim => Assigned([action.NurseId!.Value]),
        ActionKind.HandOver => Assigned([action.ToNurseId!.Value]),
        _ => "",
    };

    private static string Assigned(IEnumerable<Guid> nurses) => string.Join('+', nurses.Order());

    private static NetworkMember? Member(FinalState final, Guid? id) => final.Client.Network.FirstOrDefault(m => m.Id == id);

    private static Effect Times(int count) => count switch
    {
        0 => Effect.NotApplied,
        1 => Effect.Applied,
        _ => Effect.AppliedTwice,
    };
}
