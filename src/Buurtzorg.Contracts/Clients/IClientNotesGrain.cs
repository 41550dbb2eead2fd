namespace Buurtzorg.Contracts.Clients;

/// <summary>
/// The visit notes (rapportage) of one client, keyed by the client's id: what a nurse saw at a
/// visit and what changed. Part of the client's record; nothing written here is removed before the record's
/// retention period ends, when the whole record goes.
/// </summary>
[Alias("Buurtzorg.Clients.IClientNotesGrain")]
public interface IClientNotesGrain : IGrainWithGuidKey
{
    /// <summary>The notes, newest visit first.</summary>
    [Alias("GetNotes")]
    ValueTask<IReadOnlyList<VisitNote>> GetNotes();

    /// <summary>Adds a note about a visit, unless the record already holds <see cref="ClientLimits.MaxVisitNotes"/>.</summary>
    [Alias("WriteNote")]
    ValueTask<VisitNoteResult> WriteNote(Guid noteId, VisitNoteDraft draft);

    /// <summary>The author corrects her own note; the text she replaces stays in its history.</summary>
    [Alias("CorrectNote")]
    ValueTask<VisitNoteResult> CorrectNote(Guid noteId, Guid authorId, string text);

    /// <summary>When a note was last written or corrected, or null if none was.</summary>
    [Alias("LastChange")]
    ValueTask<DateTimeOffset?> LastChange();

    /// <summary>Removes the notes from storage: only when the client's retention period has run out.</summary>
    [Alias("Erase")]
    Task Erase();
}

/// <summary>What a nurse writes about a visit, with the visit's date and time as the schedule had them.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.VisitNoteDraft")]
public sealed record VisitNoteDraft(
    [property: Id(0)] Guid VisitId,
    [property: Id(1)] DateOnly VisitDate,
    [property: Id(2)] TimeOnly VisitTime,
    [property: Id(3)] Guid AuthorId,
    [property: Id(4)] string AuthorName,
    [property: Id(5)] string Text);

/// <summary>A text a note had before its author corrected it, and when it was written.</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.VisitNoteRevision")]
public sealed record VisitNoteRevision(
    [property: Id(0)] string Text,
    [property: Id(1)] DateTimeOffset WrittenAt);

/// <summary>
/// A visit note. <see cref="WrittenAt"/> is when its current text was written (its first text
/// at <see cref="FirstWrittenAt"/>); <see cref="Earlier"/> holds the texts it replaced, oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.VisitNote")]
public sealed record VisitNote(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid VisitId,
    [property: Id(2)] DateOnly VisitDate,
    [property: Id(3)] TimeOnly VisitTime,
    [property: Id(4)] Guid AuthorId,
    [property: Id(5)] string AuthorName,
    [property: Id(6)] DateTimeOffset FirstWrittenAt,
    [property: Id(7)] DateTimeOffset WrittenAt,
    [property: Id(8)] string Text,
    [property: Id(9)] IReadOnlyList<VisitNoteRevision> Earlier);

[GenerateSerializer, Alias("Buurtzorg.Clients.VisitNoteError")]
public enum VisitNoteError
{
    None = 0,
    NotFound = 1,

    /// <summary>Only the nurse who wrote a note corrects it.</summary>
    NotTheAuthor = 2,

    /// <summary>The record already holds <see cref="ClientLimits.MaxVisitNotes"/> notes.</summary>
    Full = 3,
}

/// <summary>The note after an accepted change, or why it was refused (then nothing was stored).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Clients.VisitNoteResult")]
public sealed record VisitNoteResult(
    [property: Id(0)] VisitNote? Note,
    [property: Id(1)] VisitNoteError Error)
{
    public static VisitNoteResult Ok(VisitNote note) => new(note, VisitNoteError.None);

    public static VisitNoteResult Refused(VisitNoteError error) => new(null, error);
}
