using Buurtzorg.Contracts.Capacity;

namespace Buurtzorg.Grains.Capacity;

/// <summary>
/// Which client counts of the overview are withheld, across the whole table rather than cell by
/// cell. A count under <see cref="CapacityPrivacy.MinimumCount"/> is withheld; and since a region's
/// total is the sum of its teams, and the nation's the sum of its regions, a withheld count would
/// still be known if it were the only one missing from a published sum (55 − 54 = 1). So every sum
/// (a region with its teams, the nation with its regions) hides either none of its cells or at
/// least two: a team's withheld count takes its region's total with it, and a region's withheld
/// total the nation's, unless another region is withheld too.
/// </summary>
public sealed class ComplementarySuppression
{
    private readonly HashSet<Guid> _teams;
    private readonly HashSet<string> _regions;
    private readonly bool _nation;

    private ComplementarySuppression(IReadOnlyList<TeamCapacityReport> teams, Func<TeamCapacityReport, int> count)
    {
        var regions = teams.GroupBy(t => t.Region).ToDictionary(g => g.Key, g => g.ToList());
        _teams = [.. teams.Where(t => Small(count(t))).Select(t => t.TeamId)];
        _regions = [.. regions.Where(r => Small(r.Value.Sum(count))).Select(r => r.Key)];
        _nation = Small(teams.Sum(count));

        // Each pass only adds withheld cells, and there are finitely many, so this ends.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (region, members) in regions)
            {
                var hidden = members.Count(t => _teams.Contains(t.TeamId)) + (_regions.Contains(region) ? 1 : 0);
                if (hidden != 1)
                {
                    continue;
                }

                if (_regions.Add(region))
                {
                    changed = true;
                }
                else if (members.Where(t => !_teams.Contains(t.TeamId)).OrderBy(count).FirstOrDefault() is { } smallest)
                {
                    // Only the total is withheld: it would be the sum of its teams, so one of them goes too.
                    changed |= _teams.Add(smallest.TeamId);
                }
            }

            var hiddenRegions = regions.Keys.Count(_regions.Contains) + (_nation ? 1 : 0);
            if (hiddenRegions == 1)
            {
                if (!_nation)
                {
                    _nation = changed = true;
                }
                else if (regions.Where(r => !_regions.Contains(r.Key)).OrderBy(r => r.Value.Sum(count)).Select(r => r.Key).FirstOrDefault() is { } smallest)
                {
                    changed |= _regions.Add(smallest);
                }
            }
        }
    }

    /// <summary>Works out what to withhold of one count (active clients, or waiting ones) over these teams.</summary>
    public static ComplementarySuppression Of(IReadOnlyList<TeamCapacityReport> teams, Func<TeamCapacityReport, int> count) => new(teams, count);

    public int? Team(TeamCapacityReport team, int count) => _teams.Contains(team.TeamId) ? null : count;

    public int? Region(string region, int count) => _regions.Contains(region) ? null : count;

    public int? Nation(int count) => _nation ? null : count;

    private static bool Small(int count) => CapacityPrivacy.Suppress(count) is null;
}
