using Buurtzorg.HubBench;

// The live stream measured end to end (docs/benchmarks.md, "Live stream"): `--help` lists the
// options (HubBenchCommand); tools/bench-hub.sh raises the limits and builds first.
return await HubBenchCommand.Run(args);
