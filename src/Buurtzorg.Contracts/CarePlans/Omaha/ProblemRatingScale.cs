namespace Buurtzorg.Contracts.CarePlans.Omaha;

/// <summary>The Problem Rating Scale for Outcomes (Martin 2005): each concept rated 1 (worst) to 5 (best).</summary>
public static class ProblemRatingScale
{
    public const int Lowest = 1;

    public const int Highest = 5;

    /// <summary>The published anchor of every rating, per concept, from 1 to 5.</summary>
    public static IReadOnlyDictionary<RatingConcept, IReadOnlyList<string>> Anchors { get; } =
        new Dictionary<RatingConcept, IReadOnlyList<string>>
        {
            [RatingConcept.Knowledge] = ["No knowledge", "Minimal knowledge", "Basic knowledge", "Adequate knowledge", "Superior knowledge"],
            [RatingConcept.Behavior] = ["Not appropriate behavior", "Rarely appropriate behavior", "Inconsistently appropriate behavior", "Usually appropriate behavior", "Consistently appropriate behavior"],
            [RatingConcept.Status] = ["Extreme signs/symptoms", "Severe signs/symptoms", "Moderate signs/symptoms", "Minimal signs/symptoms", "No signs/symptoms"],
        };

    public static bool IsValid(int rating) => rating is >= Lowest and <= Highest;
}
