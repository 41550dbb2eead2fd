using Buurtzorg.Chaos;

// The fault harness (issue 15): a cluster of hosts on a private PostgreSQL under a mixed load of
// the demo users, faults applied by name, the history checked against the final state. Run it
// through tools/chaos/run.sh, which builds, starts PostgreSQL and cleans up; `--help` lists the
// options (ChaosCommand).
return await ChaosCommand.Run(args);
