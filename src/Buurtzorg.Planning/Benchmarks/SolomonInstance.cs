using System.Globalization;

namespace Buurtzorg.Planning.Benchmarks;

/// <summary>One row of a Solomon instance; customer 0 is the depot.</summary>
public sealed record SolomonCustomer(int Number, double X, double Y, int Demand, double ReadyTime, double DueDate, double ServiceTime);

/// <summary>
/// A Solomon (1987) VRPTW instance in its original text format. <see cref="Customers"/>[0] is the
/// depot, whose window is the vehicles' working day.
/// </summary>
public sealed record SolomonInstance(string Name, int VehicleCount, int Capacity, IReadOnlyList<SolomonCustomer> Customers)
{
    public int CustomerCount => Customers.Count - 1;

    public static SolomonInstance Read(string path)
    {
        var lines = File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            throw new FormatException($"{path}: empty file");
        }

        var name = lines[0];
        var vehicleHeader = lines.FindIndex(line => line.StartsWith("NUMBER", StringComparison.OrdinalIgnoreCase));
        if (vehicleHeader < 0 || vehicleHeader + 1 >= lines.Count)
        {
            throw new FormatException($"{path}: no NUMBER CAPACITY header");
        }

        var fleet = Numbers(lines[vehicleHeader + 1], path);
        if (fleet.Length != 2)
        {
            throw new FormatException($"{path}: expected the vehicle number and capacity, found '{lines[vehicleHeader + 1]}'");
        }

        var customerHeader = lines.FindIndex(vehicleHeader, line => line.StartsWith("CUST NO", StringComparison.OrdinalIgnoreCase));
        if (customerHeader < 0)
        {
            throw new FormatException($"{path}: no CUST NO. header");
        }

        var customers = new List<SolomonCustomer>();
        foreach (var line in lines.Skip(customerHeader + 1))
        {
            var values = Numbers(line, path);
            if (values.Length != 7)
            {
                throw new FormatException($"{path}: expected 7 values per customer, found '{line}'");
            }

            customers.Add(new SolomonCustomer((int)values[0], values[1], values[2], (int)values[3], values[4], values[5], values[6]));
        }

        if (customers.Count < 2 || customers[0].Number != 0)
        {
            throw new FormatException($"{path}: the first customer must be the depot, numbered 0, followed by at least one customer");
        }

        return new SolomonInstance(name, (int)fleet[0], (int)fleet[1], customers);
    }

    /// <summary>
    /// As the literature solves it: every vehicle a nurse with the depot's day as her shift, service
    /// starting by the due date (a hard window), travel the exact Euclidean distance, and a cost per
    /// vehicle large enough that fewer vehicles always beats a shorter distance.
    /// </summary>
    public PlanningProblem ToProblem()
    {
        var depot = Customers[0];
        var tasks = Customers.Skip(1)
            .Select((customer, i) =>
            {
                var id = customer.Number.ToString(CultureInfo.InvariantCulture);
                return new PlanTask(id, id, i + 1, customer.ReadyTime, customer.DueDate, customer.ServiceTime, Load: customer.Demand);
            })
            .ToList();
        var noQualifications = new HashSet<string>();
        var nurses = Enumerable.Range(1, VehicleCount)
            .Select(v => new PlanNurse($"v{v}", 0, 0, depot.ReadyTime, depot.DueDate, noQualifications, Capacity))
            .ToList();
        var travel = new EuclideanTravelTimes(Customers.Select(c => (c.X, c.Y)).ToList());
        var weights = new PlanningWeights(Travel: 1, Lateness: 0, MaxLateness: 0, Continuity: 0, Fairness: 0, PerNurseUsed: 100_000, HardWindows: true);
        return new PlanningProblem(tasks, nurses, travel, Weights: weights);
    }

    private static double[] Numbers(string line, string path) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(token => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"{path}: '{token}' is not a number in '{line}'"))
            .ToArray();
}
