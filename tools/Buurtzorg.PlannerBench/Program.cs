using Buurtzorg.PlannerBench;

// The round planner on published benchmark instances, every plan verified by the independent
// checker:
//   dotnet run -c Release --project tools/Buurtzorg.PlannerBench -- [--seconds-solomon 10]
//     [--seconds-mankowska 60] [--only solomon|mankowska] [--baseline] [instance files...]
// Without files: every instance in ../shared/data where present, else the copy the planner's
// tests carry. Prints Markdown tables; exits 1 when a plan broke a rule or a run failed.
//   dotnet run -c Release --project tools/Buurtzorg.PlannerBench -- team-day [--visits 50] [--nurses 6] [--days 20]
// times the first feasible plan of generated team days shaped like the demo region's.
if (args.FirstOrDefault() == "team-day")
{
    return TeamDayBench.Run(args);
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
