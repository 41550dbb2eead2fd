using Buurtzorg.DemoRegion;

// Generates a demo region into the configured store; `--help` lists the options
// (DemoRegionCommand). --teams 900 gives the national scale.
return await DemoRegionCommand.Run(args);
