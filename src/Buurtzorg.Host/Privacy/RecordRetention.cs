using Buurtzorg.Grains.Privacy;
using Buurtzorg.Contracts.Clients;
using Buurtzorg.Contracts.Privacy;
using Buurtzorg.Host.Access;
using Microsoft.Extensions.Options;

namespace Buurtzorg.Host.Privacy;

/// <summary>
/// Erases the care records whose legal retention has run out: a discharged client whose record
/// did not change for <see cref="RetentionOptions.Years"/>. The client grain erases the record
/// (client, care plan, notes, their histories); then the client's own account, the family links
/// to the client (and family accounts left with no client), and the client's access log go;
/// only then is the client taken off the month's list. Every step is idempotent, so a run cut off
/// halfway is finished by the next, and two hosts running at once (a cluster) do the same work
/// twice without harm rather than needing a lock.
/// </summary>
public sealed partial class RecordRetention(
    IGrainFactory grains, AccountErasure accounts, AccessLog log, RetentionClock clock, IOptions<RetentionOptions> options, ILogger<RecordRetention> logger)
{
    /// <summary>One run; answers the clients whose record it erased.</summary>
    public async Task<IReadOnlyList<Guid>> Run(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.Now().AddYears(-options.Value.Years);
        var lastMonth = RetentionMonths.Of(cutoff);
        var calendar = grains.GetGrain<IRetentionCalendarGrain>(0);
        var erased = new List<Guid>();
        foreach (var month in (await calendar.Months()).TakeWhile(m => m <= lastMonth))
        {
            var discharged = grains.GetGrain<IDischargedClientsGrain>(month);
            foreach (var clientId in await discharged.Due(cutoff))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var check = await grains.GetGrain<IClientGrain>(clientId).EraseAfterRetention(cutoff);
                if (check.Outcome == RetentionOutcome.Erased)
                {
                    await accounts.EraseClient(clientId, cancellationToken);
                    await log.EraseClient(clientId, cancellationToken);
                    erased.Add(clientId);
                    LogErased(logger, clientId);
                }
                else if (check is { Outcome: RetentionOutcome.ChangedSince, LastChange: { } last })
                {
                    // Noted again under the month of its last change, from which its period now runs.
                    await grains.GetGrain<IDischargedClientsGrain>(RetentionMonths.Of(last)).Add(clientId, last);
                }

                await discharged.Remove(clientId);
            }

            // A month wholly past the cutoff gets no new clients: discharges are noted in the
            // current month, and moves go to a later one.
            if (month < lastMonth && await discharged.IsEmpty())
            {
                await calendar.RemoveMonth(month);
            }
        }

        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the care record of client {ClientId}: its retention period ended")]
    private static partial void LogErased(ILogger logger, Guid clientId);
}
