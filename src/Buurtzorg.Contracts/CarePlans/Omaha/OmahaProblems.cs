namespace Buurtzorg.Contracts.CarePlans.Omaha;

/// <summary>One of the 42 problems of the Problem Classification Scheme, with its published code.</summary>
public sealed record OmahaProblem(int Code, string Name, OmahaDomain Domain);

/// <summary>The Problem Classification Scheme (Martin 2005): 42 problems in 4 domains, codes 01-42.</summary>
public static class OmahaProblems
{
    public static IReadOnlyList<OmahaProblem> All { get; } =
    [
        new(1, "Income", OmahaDomain.Environmental),
        new(2, "Sanitation", OmahaDomain.Environmental),
        new(3, "Residence", OmahaDomain.Environmental),
        new(4, "Neighborhood/workplace safety", OmahaDomain.Environmental),

        new(5, "Communication with community resources", OmahaDomain.Psychosocial),
        new(6, "Social contact", OmahaDomain.Psychosocial),
        new(7, "Role change", OmahaDomain.Psychosocial),
        new(8, "Interpersonal relationship", OmahaDomain.Psychosocial),
        new(9, "Spirituality", OmahaDomain.Psychosocial),
        new(10, "Grief", OmahaDomain.Psychosocial),
        new(11, "Mental health", OmahaDomain.Psychosocial),
        new(12, "Sexuality", OmahaDomain.Psychosocial),
        new(13, "Caretaking/parenting", OmahaDomain.Psychosocial),
        new(14, "Neglect", OmahaDomain.Psychosocial),
        new(15, "Abuse", OmahaDomain.Psychosocial),
        new(16, "Growth and development", OmahaDomain.Psychosocial),

        new(17, "Hearing", OmahaDomain.Physiological),
        new(18, "Vision", OmahaDomain.Physiological),
        new(19, "Speech and language", OmahaDomain.Physiological),
        new(20, "Oral health", OmahaDomain.Physiological),
        new(21, "Cognition", OmahaDomain.Physiological),
        new(22, "Pain", OmahaDomain.Physiological),
        new(23, "Consciousness", OmahaDomain.Physiological),
        new(24, "Skin", OmahaDomain.Physiological),
        new(25, "Neuro-musculo-skeletal function", OmahaDomain.Physiological),
        new(26, "Respiration", OmahaDomain.Physiological),
        new(27, "Circulation", OmahaDomain.Physiological),
        new(28, "Digestion-hydration", OmahaDomain.Physiological),
        new(29, "Bowel function", OmahaDomain.Physiological),
        new(30, "Urinary function", OmahaDomain.Physiological),
        new(31, "Reproductive function", OmahaDomain.Physiological),
        new(32, "Pregnancy", OmahaDomain.Physiological),
        new(33, "Postpartum", OmahaDomain.Physiological),
        new(34, "Communicable/infectious condition", OmahaDomain.Physiological),

        new(35, "Nutrition", OmahaDomain.HealthRelatedBehaviors),
        new(36, "Sleep and rest patterns", OmahaDomain.HealthRelatedBehaviors),
        new(37, "Physical activity", OmahaDomain.HealthRelatedBehaviors),
        new(38, "Personal care", OmahaDomain.HealthRelatedBehaviors),
        new(39, "Substance use", OmahaDomain.HealthRelatedBehaviors),
        new(40, "Family planning", OmahaDomain.HealthRelatedBehaviors),
        new(41, "Health care supervision", OmahaDomain.HealthRelatedBehaviors),
        new(42, "Medication regimen", OmahaDomain.HealthRelatedBehaviors),
    ];

    private static readonly Dictionary<int, OmahaProblem> ByCode = All.ToDictionary(p => p.Code);

    public static bool TryGet(int code, out OmahaProblem problem) => ByCode.TryGetValue(code, out problem!);
}
