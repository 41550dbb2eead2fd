// Visit notes (rapportage) on the client's page: what a nurse saw at a visit and what changed,
// newest first. The team's nurses write them about a visit of today or the days before (the
// round page links here with ?visit= to preselect it) and correct their own; the client and
// relatives with care-plan access read them; anyone else never sees the section.
import { addStrings, t } from "./i18n.js";
import { $, announce, api, clearProblem, formatDate, hhmm, make, params, showProblem, todayIso } from "./page.js";

const MAX_LENGTH = 2000;

addStrings({
  nl: {
    notesHeading: "Rapportage",
    notesHint: "Wat de verpleegkundigen bij een bezoek zagen en wat er veranderde.",
    noNotes: "Er zijn nog geen notities.",
    writeNote: "Notitie schrijven",
    noteVisit: "Over het bezoek",
    noteText: "Wat zag u, wat is er veranderd?",
    noteLength: "{count} van {max} tekens",
    saveNote: "Notitie opslaan",
    noteSaved: "De notitie is opgeslagen.",
    noRecentVisits: "Er waren de afgelopen twee weken geen bezoeken om over te schrijven.",
    noteVisitOption: "{day}, {from}",
    noteVisitBy: " · {names}",
    noteVisitNoted: " (al een notitie)",
    noteWhen: "{day}, bezoek van {time}",
    noteBy: "{name} · geschreven {when}",
    noteCorrected: "gecorrigeerd {when}",
    correctNote: "Corrigeren",
    correctNoteOf: "Corrigeren: notitie van {day}",
    saveCorrection: "Correctie opslaan",
    cancel: "Annuleren",
    noteCorrectedSaved: "De correctie is opgeslagen; de eerdere tekst blijft bewaard.",
    earlierTexts: "Eerdere tekst ({count})",
    earlierWritten: "Geschreven {when}:",
    partNotes: "rapportage",
  },
  en: {
    notesHeading: "Visit notes",
    notesHint: "What the nurses saw at a visit and what changed.",
    noNotes: "There are no notes yet.",
    writeNote: "Write a note",
    noteVisit: "About the visit",
    noteText: "What did you see, what has changed?",
    noteLength: "{count} of {max} characters",
    saveNote: "Save note",
    noteSaved: "The note has been saved.",
    noRecentVisits: "There were no visits in the last two weeks to write about.",
    noteVisitOption: "{day}, {from}",
    noteVisitBy: " · {names}",
    noteVisitNoted: " (has a note)",
    noteWhen: "{day}, visit at {time}",
    noteBy: "{name} · written {when}",
    noteCorrected: "corrected {when}",
    correctNote: "Correct",
    correctNoteOf: "Correct: the note of {day}",
    saveCorrection: "Save correction",
    cancel: "Cancel",
    noteCorrectedSaved: "The correction has been saved; the earlier text is kept.",
    earlierTexts: "Earlier text ({count})",
    earlierWritten: "Written {when}:",
    partNotes: "visit notes",
  },
});

const notes = {
  clientId: "",
  me: null,
  list: null, // null: this visitor may not read the notes
  visits: [],
  editing: null, // the id of the note its author is correcting
};

// As the server orders them: the latest visit first, and of one visit the latest note.
const newestFirst = (list) => list.toSorted((a, b) =>
  b.visitDate.localeCompare(a.visitDate) || b.visitTime.localeCompare(a.visitTime) || b.firstWrittenAt.localeCompare(a.firstWrittenAt));

const day = (iso) => (iso === todayIso() ? `${t("today")}, ${formatDate(iso)}` : formatDate(iso));

const moment = (instant) => {
  const at = new Date(instant);
  const iso = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
  const time = at.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
  return iso === todayIso() ? time : `${formatDate(iso, { day: "numeric", month: "short" })} ${time}`;
};

/**
 * Reads the notes, for a nurse with the visits to write about. The notes go with the care plan:
 * a visitor who may not read the plan is not asked, so their page load leaves no refused line
 * in the client's access log.
 */
export async function loadNotes(clientId, me, withCarePlan) {
  notes.clientId = clientId;
  notes.me = me;
  notes.editing = null;
  clearProblem($("notes-problem"));
  if (!withCarePlan) {
    notes.list = null;
    renderNotes();
    return;
  }
  try {
    const [read, visits] = await Promise.all([
      api(`/api/clients/${clientId}/notes`),
      me.role === "Nurse" ? api(`/api/clients/${clientId}/notes/visits`) : [],
    ]);
    if (clientId !== notes.clientId) return;
    notes.list = read.notes;
    notes.visits = visits;
  } catch (problem) {
    notes.list = null;
    if (problem.status !== 404) {
      $("notes").hidden = false;
      showProblem($("notes-problem"), problem);
      return;
    }
  }
  renderNotes();
  const visit = params.get("visit");
  fillVisits(visit);
  // Come from her round to write about this visit: the form is what she came for.
  if (visit && me.role === "Nurse" && notes.visits.some((v) => v.visitId === visit)) $("note-form").scrollIntoView({ block: "start" });
}

export function renderNotes() {
  $("notes").hidden = notes.list === null;
  if (notes.list === null) return;
  const writer = notes.me?.role === "Nurse";
  $("note-form").hidden = !writer;
  if (writer) fillVisits($("note-visit").value);
  $("note-list").replaceChildren(...notes.list.map(noteItem));
  $("no-notes").hidden = notes.list.length > 0;
  countCharacters();
}

function fillVisits(chosen) {
  const select = $("note-visit");
  const options = notes.visits.map((v) => {
    const names = v.nurseFirstNames.length ? t("noteVisitBy", { names: v.nurseFirstNames.join(" & ") }) : "";
    // Short: the whole label must fit a phone-wide select.
    const date = v.date === todayIso() ? t("today") : formatDate(v.date, { weekday: "short", day: "numeric", month: "short" });
    const label = t("noteVisitOption", { day: date, from: hhmm(v.windowStart) }) + names + (v.hasNote ? t("noteVisitNoted") : "");
    const option = make("option", null, label);
    option.value = v.visitId;
    return option;
  });
  select.replaceChildren(...options);
  if (chosen && notes.visits.some((v) => v.visitId === chosen)) select.value = chosen;
  const none = notes.visits.length === 0;
  $("no-recent-visits").hidden = !none;
  for (const control of [select, $("note-text"), $("note-save")]) control.disabled = none;
}

function noteItem(note) {
  const item = make("li", "visit-note");
  item.dataset.note = note.id;
  const heading = make("h3", null, t("noteWhen", { day: day(note.visitDate), time: hhmm(note.visitTime) }));
  const by = t("noteBy", { name: note.authorName, when: moment(note.firstWrittenAt) });
  const meta = make("p", "muted note-meta", note.earlier.length ? `${by} · ${t("noteCorrected", { when: moment(note.writtenAt) })}` : by);
  item.append(heading, meta);
  if (notes.editing === note.id) {
    item.append(correctionForm(note));
  } else {
    item.append(make("p", "note-text", note.text));
    if (notes.me?.role === "Nurse" && note.authorId === notes.me.subjectId) {
      const correct = make("button", "button link-button", t("correctNote"));
      correct.type = "button";
      correct.setAttribute("aria-label", t("correctNoteOf", { day: day(note.visitDate) }));
      correct.addEventListener("click", () => {
        notes.editing = note.id;
        renderNotes();
        document.querySelector(`[data-note="${note.id}"] textarea`)?.focus();
      });
      item.append(correct);
    }
  }
  if (note.earlier.length) {
    const earlier = make("details", "note-earlier");
    earlier.append(make("summary", null, t("earlierTexts", { count: note.earlier.length })));
    for (const revision of [...note.earlier].reverse()) {
      earlier.append(make("p", "muted", t("earlierWritten", { when: moment(revision.writtenAt) })), make("p", "note-text", revision.text));
    }
    item.append(earlier);
  }
  return item;
}

function correctionForm(note) {
  const form = make("form", "note-correction");
  const id = `correct-${note.id}`;
  const label = make("label", null, t("noteText"));
  label.htmlFor = id;
  const text = make("textarea");
  text.id = id;
  text.rows = 4;
  text.maxLength = MAX_LENGTH;
  text.value = note.text;
  const problem = make("div", "problem");
  problem.setAttribute("role", "alert");
  const save = make("button", "button primary", t("saveCorrection"));
  save.type = "submit";
  const cancel = make("button", "button", t("cancel"));
  cancel.type = "button";
  cancel.addEventListener("click", () => {
    notes.editing = null;
    renderNotes();
  });
  const actions = make("div", "actions");
  actions.append(save, cancel);
  form.append(label, text, problem, actions);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      const corrected = await api(`/api/clients/${notes.clientId}/notes/${note.id}`, { method: "PUT", body: { text: text.value } });
      notes.list = notes.list.map((n) => (n.id === corrected.id ? corrected : n));
      notes.editing = null;
      renderNotes();
      announce(t("noteCorrectedSaved"));
    } catch (refusal) {
      text.setAttribute("aria-invalid", String(Boolean(refusal.errors?.text)));
      showProblem(problem, refusal);
      save.disabled = false;
    }
  });
  return form;
}

function countCharacters() {
  $("note-count").textContent = t("noteLength", { count: $("note-text").value.length, max: MAX_LENGTH });
}

$("note-text").maxLength = MAX_LENGTH;
$("note-text").addEventListener("input", () => {
  $("note-text").removeAttribute("aria-invalid");
  countCharacters();
});
$("note-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const problem = $("note-form-problem");
  clearProblem(problem);
  $("note-save").disabled = true;
  try {
    const note = await api(`/api/clients/${notes.clientId}/notes`, { method: "POST", body: { visitId: $("note-visit").value, text: $("note-text").value } });
    notes.list = newestFirst([note, ...notes.list]);
    notes.visits = notes.visits.map((v) => (v.visitId === note.visitId ? { ...v, hasNote: true } : v));
    $("note-text").value = "";
    for (const field of ["note-visit", "note-text"]) $(field).removeAttribute("aria-invalid");
    renderNotes();
    announce(t("noteSaved"));
  } catch (refusal) {
    $("note-visit").setAttribute("aria-invalid", String(Boolean(refusal.errors?.visitId)));
    $("note-text").setAttribute("aria-invalid", String(Boolean(refusal.errors?.text)));
    showProblem(problem, refusal);
  } finally {
    $("note-save").disabled = notes.visits.length === 0;
  }
});
