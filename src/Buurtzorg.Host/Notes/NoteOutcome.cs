using Buurtzorg.Contracts.Clients;
using Buurtzorg.Host.Problems;

namespace Buurtzorg.Host.Notes;

internal static class NoteOutcome
{
    public static VisitNote OrThrow(this VisitNoteResult result) => result switch
    {
        { Error: VisitNoteError.None, Note: { } note } => note,
        { Error: VisitNoteError.NotFound } => throw new ResourceNotFoundException("This client has no note with that id."),
        { Error: VisitNoteError.NotTheAuthor } => throw new ForbiddenActException(
            "Only the nurse who wrote a note corrects it.", "Write a note of your own about the visit instead. Nothing was changed."),
        { Error: VisitNoteError.Full } => throw new RuleViolationException(
            "The client's record holds as many notes as it can.",
            $"A client's record holds at most {ClientLimits.MaxVisitNotes} visit notes. Nothing was changed."),
        _ => throw new InvalidOperationException($"Unexpected note result {result.Error}."),
    };
}
