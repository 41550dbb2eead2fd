using Buurtzorg.Host;
using Buurtzorg.Host.Operations;

if (HealthProbe.Asked(args))
{
    return await HealthProbe.Run(args);
}

await BuurtzorgApp.Build(args).RunAsync();
return 0;
