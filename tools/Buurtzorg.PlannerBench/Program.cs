using Buurtzorg.PlannerBench;

// The round planner on published benchmark instances (every plan verified by the independent
// checker), generated team days (team-day) and a weeks-long continuity simulation (continuity);
// `--help` on each lists its options (PlannerBenchCommand).
return await PlannerBenchCommand.Run(args);
