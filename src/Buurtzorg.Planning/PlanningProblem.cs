namespace Buurtzorg.Planning;

/// <summary>
/// One day (or one benchmark instance) to plan. Times and durations are in minutes from the
/// start of the day (any unit works, as long as travel uses the same one); locations are
/// indices into <see cref="Travel"/>.
/// </summary>
public sealed record PlanningProblem(
    IReadOnlyList<PlanTask> Tasks,
    IReadOnlyList<PlanNurse> Nurses,
    ITravelTimes Travel,
    IReadOnlyList<TaskLink>? Links = null,
    PlanningWeights? Weights = null,
    IReadOnlyList<CareHistory>? History = null)
{
    public IReadOnlyList<TaskLink> TaskLinks => Links ?? [];

    public PlanningWeights Cost => Weights ?? PlanningWeights.HomeCare;

    public IReadOnlyList<CareHistory> CareHistory => History ?? [];
}

/// <summary>
/// What one nurse does at one client: a visit, or one nurse's half of a double visit. It must
/// start inside [<see cref="WindowStart"/>, <see cref="WindowEnd"/>] (the end is hard or soft,
/// see <see cref="PlanningWeights.HardWindows"/>); a nurse may arrive early and wait.
/// <see cref="PinnedNurse"/>: a nurse who already has it, kept with her. <see cref="DurationByNurse"/>:
/// where the time it takes depends on the nurse. <see cref="Load"/>: units of vehicle capacity
/// used (0 in home care; the demand in VRPTW benchmarks).
/// </summary>
public sealed record PlanTask(
    string Id,
    string ClientId,
    int Location,
    double WindowStart,
    double WindowEnd,
    double Duration,
    string? Qualification = null,
    string? PinnedNurse = null,
    IReadOnlyDictionary<string, double>? DurationByNurse = null,
    int Load = 0)
{
    public double DurationFor(string nurseId) => DurationByNurse is { } byNurse && byNurse.TryGetValue(nurseId, out var minutes) ? minutes : Duration;
}

/// <summary>A nurse on shift: where she starts and ends, when, and what she is qualified for.</summary>
public sealed record PlanNurse(
    string Id,
    int StartLocation,
    int EndLocation,
    double ShiftStart,
    double ShiftEnd,
    IReadOnlySet<string> Qualifications,
    int Capacity = int.MaxValue);

/// <summary>
/// Two tasks done by two different nurses, the second starting between <see cref="MinDelay"/>
/// and <see cref="MaxDelay"/> after the first (0 and 0: together, as for a double visit).
/// </summary>
public sealed record TaskLink(string First, string Second, double MinDelay = 0, double MaxDelay = 0);

/// <summary>How often a nurse visited a client over the last weeks: the continuity to keep.</summary>
public sealed record CareHistory(string NurseId, string ClientId, int Visits);

/// <summary>
/// The weights of the objectives, each per unit named. Travel per minute driven; lateness per
/// minute a task starts after its window (soft windows only) and per minute of the largest such
/// lateness; continuity per task given to a nurse the client has not had in the history; fairness
/// per minute between the busiest nurse's work and the least busy one's; a fixed cost per nurse
/// used (VRPTW benchmarks minimise vehicles first).
/// </summary>
public sealed record PlanningWeights(
    double Travel = 1,
    double Lateness = 2,
    double MaxLateness = 0,
    double Continuity = 10,
    double Fairness = 0.2,
    double PerNurseUsed = 0,
    bool HardWindows = false)
{
    /// <summary>
    /// A district team's day: a minute late weighs twice a minute driven; a nurse the client does
    /// not know costs as much as ten minutes' driving; work spread evenly is worth a little.
    /// </summary>
    public static PlanningWeights HomeCare => new();
}

/// <summary>Travel between two locations, in the problem's time unit.</summary>
public interface ITravelTimes
{
    double Between(int from, int to);
}

/// <summary>A travel-time matrix given as it is (a road-time service's answer, or a benchmark's table).</summary>
public sealed class MatrixTravelTimes(double[,] matrix) : ITravelTimes
{
    public double Between(int from, int to) => matrix[from, to];
}

/// <summary>
/// Travel from coordinates: straight-line distance times a detour factor, at a speed. For the
/// Dutch towns the teams work in, 1.3 times the straight line at 30 km/h on average, door to door
/// including parking, is a documented rule of thumb; plug a road-time matrix in for better.
/// </summary>
public sealed class GeoTravelTimes(IReadOnlyList<(double Latitude, double Longitude)> points, double detourFactor = 1.3, double kilometresPerHour = 30) : ITravelTimes
{
    public double Between(int from, int to)
    {
        if (from == to)
        {
            return 0;
        }

        var (lat1, lon1) = points[from];
        var (lat2, lon2) = points[to];
        const double EarthKm = 6371;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        var km = 2 * EarthKm * Math.Asin(Math.Sqrt(a)) * detourFactor;
        return km / kilometresPerHour * 60;
    }
}

/// <summary>Euclidean distance between points, as the VRPTW literature measures travel.</summary>
public sealed class EuclideanTravelTimes(IReadOnlyList<(double X, double Y)> points) : ITravelTimes
{
    public double Between(int from, int to) => Math.Sqrt(Math.Pow(points[from].X - points[to].X, 2) + Math.Pow(points[from].Y - points[to].Y, 2));
}
