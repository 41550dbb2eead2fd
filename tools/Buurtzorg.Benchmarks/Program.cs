using Buurtzorg.Benchmarks;

// Benchmarks of the project; docs/benchmarks.md says what each measures and its anchor, and
// `--help` lists the commands and their options (BenchmarksCommand).
return await BenchmarksCommand.Run(args);
