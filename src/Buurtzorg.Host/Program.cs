using Buurtzorg.Host;

await BuurtzorgApp.Build(args).RunAsync();
