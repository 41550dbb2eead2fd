using Buurtzorg.Benchmarks;

// Benchmarks of the project; see docs/benchmarks.md for what each measures and its anchor.
//   Buurtzorg.Benchmarks division [--teams 200] [--seed 13]
//   Buurtzorg.Benchmarks national --postgres "<connection string>" [--teams 900] [--concurrency 64] [--generate-only | --skip-generation]
//   Buurtzorg.Benchmarks schedule-days [--postgres "<connection string>"] [--teams 20] [--clients 70] [--concurrency 64]
//   Buurtzorg.Benchmarks end-to-end --postgres "<connection string>" [--nurses 16] [--seconds 20]
//   Buurtzorg.Benchmarks --postgres "<connection string>" [--writers 16] [--seconds 20]
return args.FirstOrDefault() switch
{
    "division" => DivisionBenchmark.Run(args),
    "national" => await NationalBenchmark.Run(args),
    "schedule-days" => await ScheduleDaysBenchmark.Run(args),
    "end-to-end" => await EndToEndWrites.Run(args),
    _ => await DurableWrites.Run(args),
};
