using Buurtzorg.Benchmarks;

// Benchmarks of the project; see docs/benchmarks.md for what each measures and its anchor.
//   Buurtzorg.Benchmarks division [--teams 200] [--seed 13]
//   Buurtzorg.Benchmarks --postgres "<connection string>" [--writers 16] [--seconds 20]
return args.FirstOrDefault() == "division"
    ? DivisionBenchmark.Run(args)
    : await DurableWrites.Run(args);
