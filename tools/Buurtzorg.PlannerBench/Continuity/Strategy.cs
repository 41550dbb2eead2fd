using System.Globalization;
using Buurtzorg.Planning;

namespace Buurtzorg.PlannerBench.Continuity;

/// <summary>
/// Who proposes a day's rounds: the planner with the home-care weights and the given continuity
/// weight (0 weighs travel, lateness and fairness only), or the regular-carer rule when
/// <see cref="Continuity"/> is null.
/// </summary>
internal sealed record Strategy(string Name, double? Continuity)
{
    // The rule's proposals are counted under the home-care weights; only its figures are reported, never their weighted sum.
    public PlanningWeights Weights => Continuity is { } weight ? PlanningWeights.HomeCare with { Continuity = weight } : PlanningWeights.HomeCare;

    public static IReadOnlyList<Strategy> All(ContinuityOptions options) =>
        [.. options.Weights.Select(w => new Strategy($"planner w={w.ToString(CultureInfo.InvariantCulture)}", w)), new("regular carer", null)];
}
