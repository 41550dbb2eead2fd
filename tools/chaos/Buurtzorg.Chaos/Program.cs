using Buurtzorg.Chaos;

// The fault harness (issue 15): a cluster of hosts on a private PostgreSQL under a mixed load of
// the demo users, faults applied by name, the history checked against the final state.
// Run it through tools/chaos/run.sh, which builds, starts PostgreSQL and cleans up:
//   tools/chaos/run.sh [--short] [--faults kill-holder,kill-random,sigstop,pg-restart,pg-stop]
//                      [--hosts 3] [--report PATH] [--seed N] [--baseline S] [--settle S]
//                      [--killed-for S] [--stopped-for S] [--db-down-for S]
return await ChaosRun.Run(ChaosOptions.Parse(args));
