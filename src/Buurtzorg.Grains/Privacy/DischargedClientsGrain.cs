using Buurtzorg.Contracts.Privacy;

namespace Buurtzorg.Grains.Privacy;

/// <summary>The stored clients of one discharge month (a schema: add members with defaults, never rename).</summary>
public sealed class DischargedClientsState
{
    public int Schema { get; set; } = 1;

    /// <summary>Client id to when they were discharged or, moved here by the job, last changed.</summary>
    public Dictionary<Guid, DateTimeOffset> Clients { get; set; } = [];
}

public sealed class DischargedClientsGrain(
    [PersistentState("discharged-clients", GrainStorage.Name)] IPersistentState<DischargedClientsState> discharged) : Grain, IDischargedClientsGrain
{
    public async Task Add(Guid clientId, DateTimeOffset at)
    {
        // The month is noted first: a client noted in a month the job does not know of would never be erased.
        await GrainFactory.GetGrain<IRetentionCalendarGrain>(0).AddMonth((int)this.GetPrimaryKeyLong());
        if (discharged.State.Clients.TryGetValue(clientId, out var noted) && noted == at)
        {
            return;
        }

        discharged.State.Clients[clientId] = at;
        await Write();
    }

    public async Task Remove(Guid clientId)
    {
        if (discharged.State.Clients.Remove(clientId))
        {
            await Write();
        }
    }

    public ValueTask<IReadOnlyList<Guid>> Due(DateTimeOffset cutoff) =>
        ValueTask.FromResult<IReadOnlyList<Guid>>([.. discharged.State.Clients.Where(c => c.Value <= cutoff).Select(c => c.Key)]);

    public ValueTask<bool> IsEmpty() => ValueTask.FromResult(discharged.State.Clients.Count == 0);

    private async Task Write()
    {
        try
        {
            await discharged.WriteStateAsync();
        }
        catch
        {
            // Not stored: drop the change in memory too (see TeamGrain).
            await discharged.ReadStateAsync();
            throw;
        }
    }
}
