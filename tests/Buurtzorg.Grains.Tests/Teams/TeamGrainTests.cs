using Buurtzorg.Contracts.Teams;

namespace Buurtzorg.Grains.Tests.Teams;

[Collection(ClusterCollection.Name)]
public sealed class TeamGrainTests(ClusterFixture fixture)
{
    private ITeamGrain NewTeam() => fixture.Grains.GetGrain<ITeamGrain>(Guid.NewGuid());

    [Fact]
    public async Task A_team_that_was_never_founded_reads_as_null_and_refuses_changes()
    {
        var team = NewTeam();

        Assert.Null(await team.Get());
        Assert.Equal(TeamError.NotFound, (await team.AddNurse(Guid.NewGuid(), "Anna")).Error);
        Assert.Equal(TeamError.NotFound, (await team.RemoveNurse(Guid.NewGuid())).Error);
        Assert.Null(await team.Get());
    }

    [Fact]
    public async Task Founding_gives_version_one_and_a_second_founding_is_refused_without_change()
    {
        var team = NewTeam();

        var founded = await team.Create("Buurtzorg Lombok");
        var again = await team.Create("Another name");

        Assert.Equal(1, founded.Team!.Version);
        Assert.Equal(TeamError.AlreadyExists, again.Error);
        var current = await team.Get();
        Assert.Equal("Buurtzorg Lombok", current!.Name);
        Assert.Equal(1, current.Version);
    }

    [Fact]
    public async Task Every_accepted_change_bumps_the_version_by_exactly_one()
    {
        var team = NewTeam();
        await team.Create("Buurtzorg Vathorst");
        var before = DateTimeOffset.UtcNow;
        var anna = Guid.NewGuid();

        var added = await team.AddNurse(anna, "Anna de Vries");
        var second = await team.AddNurse(Guid.NewGuid(), "Sanne Bakker");
        var removed = await team.RemoveNurse(anna);

        Assert.Equal([2L, 3L, 4L], [added.Team!.Version, second.Team!.Version, removed.Team!.Version]);
        Assert.Equal(["Sanne Bakker"], removed.Team.Nurses.Select(n => n.Name));
        Assert.InRange(added.Team.Nurses.Single().JoinedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_nurse_already_in_the_team_is_refused_and_nothing_changes()
    {
        var team = NewTeam();
        await team.Create("Buurtzorg Overvecht");
        var anna = Guid.NewGuid();
        await team.AddNurse(anna, "Anna de Vries");

        var duplicate = await team.AddNurse(anna, "Anna de Vries");

        Assert.Equal(TeamError.DuplicateNurse, duplicate.Error);
        Assert.Null(duplicate.Team);
        var current = await team.Get();
        Assert.Equal(2, current!.Version);
        Assert.Single(current.Nurses);
    }

    [Fact]
    public async Task A_thirteenth_nurse_divides_the_team_into_seven_and_six_with_lineage_both_ways()
    {
        var team = NewTeam();
        await team.Create("Buurtzorg Zeist");
        var nurses = Enumerable.Range(0, TeamLimits.MaxNurses + 1).Select(_ => Guid.NewGuid()).ToList();
        foreach (var nurse in nurses.Take(TeamLimits.MaxNurses))
        {
            Assert.Equal(TeamError.None, (await team.AddNurse(nurse, "Verpleegkundige")).Error);
        }

        var divided = (await team.AddNurse(nurses[^1], "Nummer dertien")).Team!;
        var children = await Task.WhenAll(divided.ChildTeamIds.Select(id => fixture.Grains.GetGrain<ITeamGrain>(id).Get().AsTask()));

        Assert.True(divided.IsDivided);
        Assert.Empty(divided.Nurses);
        Assert.Equal([6, 7], children.Select(c => c!.Nurses.Count).Order());
        Assert.Equal(nurses.Order(), children.SelectMany(c => c!.Nurses.Select(n => n.NurseId)).Order());
        Assert.All(children, c => Assert.Equal(team.GetPrimaryKey(), c!.ParentTeamId));
        Assert.All(children, c => Assert.StartsWith("Buurtzorg Zeist ", c!.Name, StringComparison.Ordinal));
        Assert.Equal(TeamError.Divided, (await team.AddNurse(Guid.NewGuid(), "Te laat")).Error);
    }

    [Fact]
    public async Task Removing_a_nurse_who_is_not_a_member_is_refused()
    {
        var team = NewTeam();
        await team.Create("Buurtzorg Houten");

        var result = await team.RemoveNurse(Guid.NewGuid());

        Assert.Equal(TeamError.NurseNotFound, result.Error);
        Assert.Equal(1, (await team.Get())!.Version);
    }

    [Fact]
    public async Task Founded_teams_are_listed_in_the_directory_once_by_name()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var zeta = NewTeam();
        var alpha = NewTeam();
        await zeta.Create($"Zeta {suffix}");
        await alpha.Create($"Alpha {suffix}");

        var listed = (await fixture.Grains.GetGrain<ITeamDirectoryGrain>(0).List())
            .Where(t => t.Name.EndsWith(suffix, StringComparison.Ordinal))
            .ToList();

        Assert.Equal([alpha.GetPrimaryKey(), zeta.GetPrimaryKey()], listed.Select(t => t.Id));
    }
}
