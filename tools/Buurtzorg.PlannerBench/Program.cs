using Buurtzorg.PlannerBench;
using Buurtzorg.PlannerBench.Continuity;

// The round planner on published benchmark instances, every plan verified by the independent
// checker:
//   dotnet run -c Release --project tools/Buurtzorg.PlannerBench -- [--seconds-solomon 10]
//     [--seconds-mankowska 60] [--only solomon|mankowska] [--baseline] [instance files...]
// Without files: every instance in ../shared/data where present, else the copy the planner's
// tests carry. Prints Markdown tables; exits 1 when a plan broke a rule or a run failed.
//   dotnet run -c Release --project tools/Buurtzorg.PlannerBench -- team-day [--visits 50] [--nurses 6] [--days 20] [--seconds 1]
// times the first feasible plan of generated team days shaped like the demo region's.
//   dotnet run -c Release --project tools/Buurtzorg.PlannerBench -- continuity [--teams 20] [--days 28]
//     [--seconds 0.5] [--weights 0,2,5,10,20,40] [--seed 1] [--threads 2]
// simulates four weeks of a region's teams (illness, clients coming and going, a nurse leaving)
// and compares how many nurses each client sees under each continuity weight and a regular-carer rule.
if (args.FirstOrDefault() == "team-day")
{
    return TeamDayBench.Run(args);
}

if (args.FirstOrDefault() == "continuity")
{
    return ContinuitySimulation.Run(args);
}

try
{
    return Bench.Run(BenchOptions.Parse(args));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
