using Buurtzorg.Contracts.CarePlans;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Clients;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.CarePlans;

internal static class CarePlanOutcome
{
    public static CarePlanSnapshot OrThrow(this CarePlanResult result) => result.Error switch
    {
        CarePlanError.None => result.Plan,
        CarePlanError.VersionConflict => throw new ResourceConflictException(
            "The care plan changed since you read it.",
            $"Your edit was made on an older version; the plan is now at version {result.Plan.Version}. Nothing was changed: read the plan again and redo the edit.",
            new Dictionary<string, object?> { ["currentVersion"] = result.Plan.Version },
            RefusalCodes.StaleVersion),
        CarePlanError.ProblemNotInPlan => throw new ResourceNotFoundException("This problem is not in the client's care plan."),
        _ => throw new InvalidOperationException($"Unexpected care plan result {result.Error}."),
    };

    /// <summary>A care plan exists only for a registered client.</summary>
    public static async Task<ClientRecord> RequireClient(this IGrainFactory grains, Guid clientId) =>
        await grains.GetGrain<IClientGrain>(clientId).Get() ?? throw ClientOutcome.ClientNotFound(clientId);
}
