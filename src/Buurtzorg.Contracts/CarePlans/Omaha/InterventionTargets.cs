namespace Buurtzorg.Contracts.CarePlans.Omaha;

/// <summary>An intervention target of the Intervention Scheme, with its published number.</summary>
public sealed record InterventionTarget(int Code, string Name);

/// <summary>The intervention targets of the Intervention Scheme (Martin 2005), in published order.</summary>
public static class InterventionTargets
{
    private static readonly string[] Names =
    [
        "anatomy/physiology", "anger management", "behavior modification", "bladder care",
        "bonding/attachment", "bowel care", "cardiac care", "caretaking/parenting skills", "cast care",
        "communication", "community outreach worker services", "continuity of care", "coping skills",
        "day care/respite", "dietary management", "discipline", "dressing change/wound care",
        "durable medical equipment", "education", "employment", "end-of-life care", "environment",
        "exercises", "family planning care", "feeding procedures", "finances", "gait training",
        "genetics", "growth/development care", "home", "homemaking/housekeeping",
        "infection precautions", "interaction", "interpreter/translator services",
        "laboratory findings", "legal system", "medical/dental care",
        "medication action/side effects", "medication administration",
        "medication coordination/ordering", "medication prescription", "medication set-up",
        "mobility/transfers", "nursing care", "nutritionist care", "occupational therapy care",
        "ostomy care", "other community resources", "paraprofessional/aide care",
        "personal hygiene", "physical therapy care", "positioning", "recreational therapy care",
        "relaxation/breathing techniques", "respiratory care", "respiratory therapy care",
        "rest/sleep", "safety", "screening procedures", "sickness/injury care",
        "signs/symptoms-mental/emotional", "signs/symptoms-physical", "skin care",
        "social work/counseling care", "specimen collection", "speech and language pathology care",
        "spiritual care", "stimulation/nurturance", "stress management", "substance use cessation",
        "supplies", "support group", "support system", "transportation", "wellness", "other",
    ];

    public static IReadOnlyList<InterventionTarget> All { get; } =
        [.. Names.Select((name, index) => new InterventionTarget(index + 1, name))];

    public static bool TryGet(int code, out InterventionTarget target)
    {
        target = code >= 1 && code <= All.Count ? All[code - 1] : null!;
        return target is not null;
    }
}
