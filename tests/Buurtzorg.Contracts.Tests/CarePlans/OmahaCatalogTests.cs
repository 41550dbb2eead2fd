using Buurtzorg.Contracts.CarePlans.Omaha;

namespace Buurtzorg.Contracts.Tests.CarePlans;

public sealed class OmahaCatalogTests
{
    [Fact]
    public void The_problem_scheme_has_42_problems_coded_1_to_42_over_four_domains_of_the_published_sizes()
    {
        Assert.Equal(Enumerable.Range(1, 42), OmahaProblems.All.Select(p => p.Code));
        var perDomain = OmahaProblems.All.GroupBy(p => p.Domain).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<OmahaDomain, int>
            {
                [OmahaDomain.Environmental] = 4,
                [OmahaDomain.Psychosocial] = 12,
                [OmahaDomain.Physiological] = 18,
                [OmahaDomain.HealthRelatedBehaviors] = 8,
            },
            perDomain);
        Assert.Equal(42, OmahaProblems.All.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(24, "Skin", OmahaDomain.Physiological)]
    [InlineData(27, "Circulation", OmahaDomain.Physiological)]
    [InlineData(38, "Personal care", OmahaDomain.HealthRelatedBehaviors)]
    [InlineData(42, "Medication regimen", OmahaDomain.HealthRelatedBehaviors)]
    [InlineData(13, "Caretaking/parenting", OmahaDomain.Psychosocial)]
    public void Problems_the_district_nurses_use_most_have_their_published_names_and_codes(int code, string name, OmahaDomain domain)
    {
        Assert.True(OmahaProblems.TryGet(code, out var problem));
        Assert.Equal((name, domain), (problem.Name, problem.Domain));
        Assert.False(OmahaProblems.TryGet(43, out _));
    }

    [Fact]
    public void There_are_four_intervention_categories_and_a_target_list_without_duplicates_ending_in_other()
    {
        Assert.Equal(4, Enum.GetValues<InterventionCategory>().Length);
        Assert.Equal(InterventionTargets.All.Count, InterventionTargets.All.Select(t => t.Name).Distinct().Count());
        Assert.Equal("other", InterventionTargets.All[^1].Name);
        Assert.True(InterventionTargets.TryGet(39, out var administration));
        Assert.Equal("medication administration", administration.Name);
        Assert.False(InterventionTargets.TryGet(0, out _));
    }

    [Fact]
    public void The_rating_scale_has_three_concepts_each_with_five_anchors_from_1_to_5()
    {
        Assert.Equal([RatingConcept.Knowledge, RatingConcept.Behavior, RatingConcept.Status], ProblemRatingScale.Anchors.Keys.Order());
        Assert.All(ProblemRatingScale.Anchors.Values, anchors => Assert.Equal(5, anchors.Count));
        Assert.Equal("No signs/symptoms", ProblemRatingScale.Anchors[RatingConcept.Status][ProblemRatingScale.Highest - 1]);
        Assert.Equal([false, true, true, false], new[] { 0, 1, 5, 6 }.Select(ProblemRatingScale.IsValid));
    }
}
