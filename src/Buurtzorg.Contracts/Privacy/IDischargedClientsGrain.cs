namespace Buurtzorg.Contracts.Privacy;

/// <summary>
/// The clients discharged in one calendar month, keyed by the month as yyyyMM (202503): where the
/// retention job looks for records whose legal retention has run out. Split by month so no one
/// stored row grows with the whole organisation's history of discharges.
/// </summary>
[Alias("Buurtzorg.Privacy.IDischargedClientsGrain")]
public interface IDischargedClientsGrain : IGrainWithIntegerKey
{
    /// <summary>Notes the client as discharged (or last changed) at <paramref name="at"/>, which lies in this grain's month.</summary>
    [Alias("Add")]
    Task Add(Guid clientId, DateTimeOffset at);

    [Alias("Remove")]
    Task Remove(Guid clientId);

    /// <summary>The clients of this month noted at or before <paramref name="cutoff"/>.</summary>
    [Alias("Due")]
    ValueTask<IReadOnlyList<Guid>> Due(DateTimeOffset cutoff);

    /// <summary>Whether any client is still noted in this month.</summary>
    [Alias("IsEmpty")]
    ValueTask<bool> IsEmpty();
}

/// <summary>The months (yyyyMM) that hold discharged clients, keyed 0: where the retention job starts.</summary>
[Alias("Buurtzorg.Privacy.IRetentionCalendarGrain")]
public interface IRetentionCalendarGrain : IGrainWithIntegerKey
{
    [Alias("AddMonth")]
    Task AddMonth(int month);

    [Alias("RemoveMonth")]
    Task RemoveMonth(int month);

    /// <summary>The months noted, oldest first.</summary>
    [Alias("Months")]
    ValueTask<IReadOnlyList<int>> Months();
}

/// <summary>What the retention job found for one discharged client.</summary>
[GenerateSerializer, Alias("Buurtzorg.Privacy.RetentionOutcome")]
public enum RetentionOutcome
{
    /// <summary>The care record is erased (or was already): its accounts and access log go next.</summary>
    Erased = 0,

    /// <summary>Changed after the discharge: the period runs from <see cref="RetentionCheck.LastChange"/>.</summary>
    ChangedSince = 1,

    /// <summary>Taken back into care: no longer counted as discharged.</summary>
    NotDischarged = 2,
}

[GenerateSerializer, Immutable, Alias("Buurtzorg.Privacy.RetentionCheck")]
public sealed record RetentionCheck(
    [property: Id(0)] RetentionOutcome Outcome,
    [property: Id(1)] DateTimeOffset? LastChange);

public static class RetentionMonths
{
    /// <summary>The key of the month <paramref name="at"/> falls in (UTC), as yyyyMM.</summary>
    public static int Of(DateTimeOffset at) => (at.UtcDateTime.Year * 100) + at.UtcDateTime.Month;
}
