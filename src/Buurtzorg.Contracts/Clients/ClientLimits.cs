namespace Buurtzorg.Contracts.Clients;

public static class ClientLimits
{
    /// <summary>
    /// The most people a client's network holds. A care network is the people around one person
    /// who help or should be told: family, neighbours, friends, volunteers, the informal carer;
    /// in Dutch practice that is a handful to a dozen or two, so thirty leaves room for a large
    /// family while a record stays small enough to read, store and send to every screen at
    /// once (hundreds of entries are junk or an attack, not a network).
    /// </summary>
    public const int MaxNetworkMembers = 30;

    /// <summary>The longest visit note: a few paragraphs of what the nurse saw and what changed, not a report.</summary>
    public const int MaxVisitNoteLength = 2000;

    /// <summary>
    /// The most visit notes one client's record holds: three visits a day for about a year. The
    /// whole record is stored at each note, so it must stay bounded; a record that fills up needs
    /// its older notes archived, which is not built yet.
    /// </summary>
    public const int MaxVisitNotes = 1000;

    /// <summary>How many days back a nurse may still write a note about a visit (the schedule keeps four weeks).</summary>
    public const int VisitNoteDaysBack = 14;
}
