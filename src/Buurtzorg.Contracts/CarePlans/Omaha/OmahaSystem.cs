namespace Buurtzorg.Contracts.CarePlans.Omaha;

// The Omaha System is in the public domain. Terms as published in K. S. Martin, "The Omaha
// System: A Key to Practice, Documentation, and Information Management", 2nd ed. (reprinted),
// Health Connections Press, 2005, and on omahasystem.org.

/// <summary>The four domains of the Problem Classification Scheme.</summary>
[GenerateSerializer, Alias("Buurtzorg.Omaha.Domain")]
public enum OmahaDomain
{
    Environmental = 1,
    Psychosocial = 2,
    Physiological = 3,
    HealthRelatedBehaviors = 4,
}

/// <summary>Whose problem it is (first set of modifiers).</summary>
[GenerateSerializer, Alias("Buurtzorg.Omaha.ProblemScope")]
public enum ProblemScope
{
    Individual = 1,
    Family = 2,
    Community = 3,
}

/// <summary>How far the problem has gone (second set of modifiers); signs and symptoms are recorded for Actual.</summary>
[GenerateSerializer, Alias("Buurtzorg.Omaha.ProblemType")]
public enum ProblemType
{
    HealthPromotion = 1,
    Potential = 2,
    Actual = 3,
}

/// <summary>The four categories of the Intervention Scheme.</summary>
[GenerateSerializer, Alias("Buurtzorg.Omaha.InterventionCategory")]
public enum InterventionCategory
{
    TeachingGuidanceAndCounseling = 1,
    TreatmentsAndProcedures = 2,
    CaseManagement = 3,
    Surveillance = 4,
}

/// <summary>The three concepts of the Problem Rating Scale for Outcomes, each rated 1 to 5.</summary>
[GenerateSerializer, Alias("Buurtzorg.Omaha.RatingConcept")]
public enum RatingConcept
{
    Knowledge = 1,
    Behavior = 2,
    Status = 3,
}
