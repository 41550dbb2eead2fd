using Buurtzorg.Contracts.Clients;
using Buurtzorg.Grains.Idempotency;

namespace Buurtzorg.Grains.Clients;

/// <summary>
/// A client's visit notes, apart from the client grain: notes are written at every visit, and
/// the client's details, read on every check of who may see the client, need not carry them.
/// A correction replaces the text shown but keeps the text it replaces: what was written in a
/// care record stays readable (WGBO), and a reader sees one current text, not a trail of
/// appended fixes to piece together.
/// </summary>
public sealed class ClientNotesGrain(
    [PersistentState("client-notes", GrainStorage.Name)] IPersistentState<ClientNotesState> notes,
    TimeProvider clock) : Grain, IClientNotesGrain, IKeepsOutcomes
{
    OutcomeLedger IKeepsOutcomes.Outcomes => State.Outcomes;

    private ClientNotesState State => notes.State;

    public ValueTask<IReadOnlyList<VisitNote>> GetNotes() => ValueTask.FromResult<IReadOnlyList<VisitNote>>(
        [.. State.Notes.OrderByDescending(n => n.VisitDate).ThenByDescending(n => n.VisitTime).ThenByDescending(n => n.FirstWrittenAt)]);

    public ValueTask<DateTimeOffset?> LastChange() => ValueTask.FromResult(State.Notes.Count == 0 ? null : (DateTimeOffset?)State.Notes.Max(n => n.WrittenAt));

    public async Task Erase()
    {
        if (notes.RecordExists)
        {
            await notes.ClearStateAsync();
        }

        notes.State = new ClientNotesState();
        DeactivateOnIdle();
    }

    public async ValueTask<VisitNoteResult> WriteNote(Guid noteId, VisitNoteDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (State.Notes.Count >= ClientLimits.MaxVisitNotes)
        {
            return VisitNoteResult.Refused(VisitNoteError.Full);
        }

        var now = clock.GetUtcNow();
        var note = new VisitNote(noteId, draft.VisitId, draft.VisitDate, draft.VisitTime, draft.AuthorId, draft.AuthorName, now, now, draft.Text, []);
        State.Notes.Add(note);
        return await Commit(note);
    }

    public async ValueTask<VisitNoteResult> CorrectNote(Guid noteId, Guid authorId, string text)
    {
        var index = State.Notes.FindIndex(n => n.Id == noteId);
        if (index < 0)
        {
            return VisitNoteResult.Refused(VisitNoteError.NotFound);
        }

        var note = State.Notes[index];
        if (note.AuthorId != authorId)
        {
            return VisitNoteResult.Refused(VisitNoteError.NotTheAuthor);
        }

        var corrected = note with
        {
            Text = text,
            WrittenAt = clock.GetUtcNow(),
            Earlier = [.. note.Earlier, new VisitNoteRevision(note.Text, note.WrittenAt)],
        };
        State.Notes[index] = corrected;
        return await Commit(corrected);
    }

    private async ValueTask<VisitNoteResult> Commit(VisitNote note)
    {
        var result = VisitNoteResult.Ok(note);
        State.Outcomes.Keep(result);
        try
        {
            await notes.WriteStateAsync();
        }
        catch
        {
            // Not stored: drop the change in memory too (see TeamGrain).
            await notes.ReadStateAsync();
            throw;
        }

        return result;
    }
}
