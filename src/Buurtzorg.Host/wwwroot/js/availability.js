// A nurse's own week and leave: the hours the team may plan her in, per weekday, and the days she
// is away. The rota's three shifts are one tap each; other hours are blocks of her own. Only her
// own record: the page never takes another nurse's id.
import { addStrings, t } from "./i18n.js";
import { fillSelect } from "./labels.js";
import { $, announce, api, formatDate, hhmm, make, openStream, setUpPage, showProblem, todayIso, whoAmI } from "./page.js";
import { clearFieldErrors, showFieldErrors } from "./fields.js";

addStrings({
  nl: {
    weekHeading: "Elke week",
    weekHint: "Kies per dag de diensten waarin u kunt werken, of geef eigen tijden op. Het team plant u alleen binnen deze tijden.",
    hoursSummary: "Contract: {contract} uur per week. Beschikbaar: {available} uur per week.",
    saveWeek: "Beschikbaarheid opslaan",
    weekSaved: "Uw beschikbaarheid is opgeslagen.",
    weekUnsaved: "Nog niet opgeslagen.",
    "day.Monday": "Maandag",
    "day.Tuesday": "Dinsdag",
    "day.Wednesday": "Woensdag",
    "day.Thursday": "Donderdag",
    "day.Friday": "Vrijdag",
    "day.Saturday": "Zaterdag",
    "day.Sunday": "Zondag",
    "shift.morning": "Ochtend",
    "shift.afternoon": "Middag",
    "shift.evening": "Avond",
    ownTimes: "Eigen tijden",
    addOwnTimes: "Eigen tijden toevoegen op {day}",
    blockFrom: "Van",
    blockTo: "Tot",
    removeBlock: "Verwijderen",
    removeBlockLabel: "{day} {from}–{to} verwijderen",
    notAvailable: "Niet beschikbaar",
    absenceHeading: "Verlof en afwezigheid",
    noAbsences: "Er staat geen verlof of afwezigheid gepland.",
    addAbsence: "Afwezigheid toevoegen",
    absenceFrom: "Van",
    absenceTo: "Tot en met",
    absenceReason: "Reden",
    absenceNote: "Toelichting (mag leeg blijven)",
    addAbsenceButton: "Toevoegen",
    "reason.Leave": "Verlof",
    "reason.Sick": "Ziek",
    "reason.Training": "Scholing",
    "reason.Other": "Anders",
    absencePeriod: "{reason}: {from} tot en met {to}",
    absenceOneDay: "{reason}: {from}",
    absenceNow: "nu",
    absenceAdded: "Toegevoegd: {absence}.",
    absenceRemoved: "Verwijderd: {absence}.",
    removeAbsenceLabel: "{absence} verwijderen",
    onlyNurses: "Deze pagina is voor wijkverpleegkundigen: hier geeft u uw eigen beschikbaarheid en verlof door.",
  },
  en: {
    weekHeading: "Every week",
    weekHint: "Choose for each day the shifts you can work, or give times of your own. The team plans you only within these times.",
    hoursSummary: "Contract: {contract} hours a week. Available: {available} hours a week.",
    saveWeek: "Save availability",
    weekSaved: "Your availability has been saved.",
    weekUnsaved: "Not saved yet.",
    "day.Monday": "Monday",
    "day.Tuesday": "Tuesday",
    "day.Wednesday": "Wednesday",
    "day.Thursday": "Thursday",
    "day.Friday": "Friday",
    "day.Saturday": "Saturday",
    "day.Sunday": "Sunday",
    "shift.morning": "Morning",
    "shift.afternoon": "Afternoon",
    "shift.evening": "Evening",
    ownTimes: "Own times",
    addOwnTimes: "Add own times on {day}",
    blockFrom: "From",
    blockTo: "To",
    removeBlock: "Remove",
    removeBlockLabel: "Remove {day} {from}–{to}",
    notAvailable: "Not available",
    absenceHeading: "Leave and absence",
    noAbsences: "No leave or absence is planned.",
    addAbsence: "Add an absence",
    absenceFrom: "From",
    absenceTo: "Up to and including",
    absenceReason: "Reason",
    absenceNote: "Note (may stay empty)",
    addAbsenceButton: "Add",
    "reason.Leave": "Leave",
    "reason.Sick": "Sick",
    "reason.Training": "Training",
    "reason.Other": "Other",
    absencePeriod: "{reason}: {from} up to and including {to}",
    absenceOneDay: "{reason}: {from}",
    absenceNow: "now",
    absenceAdded: "Added: {absence}.",
    absenceRemoved: "Removed: {absence}.",
    removeAbsenceLabel: "Remove {absence}",
    onlyNurses: "This page is for district nurses: here you give your own availability and leave.",
  },
});

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
// The rota's shifts (DemoRota): what most nurses offer, so each is one tap.
const SHIFTS = [
  { key: "morning", from: "07:00", to: "12:30" },
  { key: "afternoon", from: "12:30", to: "17:00" },
  { key: "evening", from: "17:00", to: "22:30" },
];
const REASONS = ["Leave", "Sick", "Training", "Other"];
const QUARTERS = Array.from({ length: 96 }, (_, q) => `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`);

const state = {
  me: null,
  nurse: null,
  week: new Map(DAYS.map((d) => [d, []])), // day -> [{ from: "07:00", to: "12:30" }]
  dirty: false,
};

const minutes = (time) => {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
};

const isShift = (block) => SHIFTS.some((s) => s.from === block.from && s.to === block.to);

function takeNurse(nurse, { keepEdits = false } = {}) {
  state.nurse = nurse;
  if (!(keepEdits && state.dirty)) {
    state.week = new Map(DAYS.map((d) => [d, []]));
    for (const slot of nurse.profile.weeklyAvailability) {
      state.week.get(slot.day)?.push({ from: hhmm(slot.from), to: hhmm(slot.to) });
    }
    state.dirty = false;
  }
  render();
}

async function load() {
  try {
    state.me = await whoAmI();
    if (state.me.role !== "Nurse") {
      $("page-problem").replaceChildren(make("p", null, t("onlyNurses")));
      return;
    }
    takeNurse(await api(`/api/nurses/${state.me.subjectId}`));
    $("availability").hidden = false;
  } catch (problem) {
    showProblem($("page-problem"), problem);
  }
}

function changed() {
  state.dirty = true;
  renderSummary();
}

function renderSummary() {
  if (!state.nurse) return;
  const available = [...state.week.values()].flat().reduce((sum, b) => sum + Math.max(0, minutes(b.to) - minutes(b.from)), 0) / 60;
  const hours = (n) => n.toLocaleString(document.documentElement.lang === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 });
  $("hours-summary").textContent = t("hoursSummary", { contract: hours(state.nurse.profile.contractHoursPerWeek), available: hours(available) });
  $("week-state").textContent = state.dirty ? t("weekUnsaved") : "";
}

/** The order the server gets the blocks in, so its "weeklyAvailability[i]" finds its control again. */
function blocksInOrder() {
  return DAYS.flatMap((day) => state.week.get(day).map((block) => ({ day, ...block })));
}

function renderWeek() {
  let index = 0;
  $("week-days").replaceChildren(...DAYS.map((day) => {
    const blocks = state.week.get(day);
    const fieldset = make("fieldset", "week-day");
    fieldset.dataset.day = day;
    const keys = [];
    const legend = make("legend", null, t(`day.${day}`));
    fieldset.append(legend);

    const shifts = make("div", "shift-toggles");
    for (const shift of SHIFTS) {
      const button = make("button", "button toggle shift");
      // The day is spoken, not shown (the legend shows it): the name stays the visible text plus the day.
      button.append(make("span", "visually-hidden", `${t(`day.${day}`)}: `), make("span", "shift-name", t(`shift.${shift.key}`)), " ",
        make("span", "shift-time", `${shift.from}–${shift.to}`));
      button.type = "button";
      button.dataset.shift = shift.key;
      const on = blocks.some((b) => b.from === shift.from && b.to === shift.to);
      button.setAttribute("aria-pressed", String(on));
      button.addEventListener("click", () => {
        const at = blocks.findIndex((b) => b.from === shift.from && b.to === shift.to);
        if (at >= 0) blocks.splice(at, 1); else blocks.push({ from: shift.from, to: shift.to });
        blocks.sort((a, b) => minutes(a.from) - minutes(b.from));
        changed();
        renderWeek();
        $("week-days").querySelector(`[data-day='${day}'] [data-shift='${shift.key}']`).focus();
      });
      shifts.append(button);
    }
    fieldset.append(shifts);

    for (const block of blocks) {
      const i = index++;
      keys.push(`weeklyAvailability[${i}]`, `weeklyAvailability[${i}].day`);
      if (isShift(block)) continue;
      fieldset.append(ownBlock(day, block, i));
    }

    if (blocks.length === 0) fieldset.append(make("p", "muted not-available", t("notAvailable")));
    const add = make("button", "button add-block", `+ ${t("ownTimes")}`);
    add.type = "button";
    add.setAttribute("aria-label", t("addOwnTimes", { day: t(`day.${day}`) }));
    add.addEventListener("click", () => {
      blocks.push({ from: "08:00", to: "12:00" });
      changed();
      renderWeek();
      const times = $("week-days").querySelectorAll(`[data-day='${day}'] .own-block select`);
      times[times.length - 2]?.focus();
    });
    fieldset.append(add);
    fieldset.dataset.field = keys.join(" ");
    return fieldset;
  }));
}

/**
 * A block of her own hours: two times and a remove button, all named with the day. Times are
 * chosen by the quarter hour from a list, which reads 24-hour on every phone.
 */
function ownBlock(day, block, i) {
  const row = make("div", "own-block");
  // A refusal of this block is shown under the whole row, not inside one of its fields.
  row.dataset.errorPlace = "";
  const dayName = t(`day.${day}`);
  for (const end of ["from", "to"]) {
    const field = make("div", "field");
    const select = make("select");
    select.id = `block-${day}-${i}-${end}`;
    select.dataset.field = `weeklyAvailability[${i}].${end}`;
    const times = new Set(QUARTERS);
    times.add(block[end]);
    for (const time of [...times].sort()) {
      const option = make("option", null, time);
      option.value = time;
      option.selected = time === block[end];
      select.append(option);
    }
    const label = make("label", "visually-hidden", `${dayName}: ${t(end === "from" ? "blockFrom" : "blockTo")}`);
    label.htmlFor = select.id;
    select.addEventListener("change", () => {
      block[end] = select.value;
      changed();
    });
    field.append(label, select);
    row.append(field);
    if (end === "from") row.append(make("span", "block-dash", "–"));
  }
  const remove = make("button", "button danger remove-block", "✕");
  remove.type = "button";
  remove.setAttribute("aria-label", t("removeBlockLabel", { day: dayName, from: block.from, to: block.to }));
  remove.addEventListener("click", () => {
    state.week.get(day).splice(state.week.get(day).indexOf(block), 1);
    changed();
    renderWeek();
    $("week-days").querySelector(`[data-day='${day}'] .add-block`).focus();
  });
  row.append(remove);
  return row;
}

const longDate = (iso) => formatDate(iso, { weekday: "short", day: "numeric", month: "long", year: "numeric" });

function describeAbsence(absence) {
  const reason = t(`reason.${absence.reason}`);
  return absence.from === absence.to
    ? t("absenceOneDay", { reason, from: longDate(absence.from) })
    : t("absencePeriod", { reason, from: longDate(absence.from), to: longDate(absence.to) });
}

function renderAbsences() {
  const today = todayIso();
  // Upcoming and current leave; what is over is no longer hers to change.
  const upcoming = state.nurse.absences.filter((a) => a.to >= today).sort((a, b) => a.from.localeCompare(b.from));
  $("absence-list").replaceChildren(...upcoming.map((absence) => {
    const item = make("li", "absence");
    item.dataset.absence = absence.id;
    const text = make("div");
    const what = describeAbsence(absence);
    text.append(make("p", "absence-what", what));
    if (absence.from <= today) text.append(make("p", "tag", t("absenceNow")));
    if (absence.note) text.append(make("p", "muted", absence.note));
    const remove = make("button", "button danger", t("removeBlock"));
    remove.type = "button";
    remove.setAttribute("aria-label", t("removeAbsenceLabel", { absence: what }));
    remove.addEventListener("click", async () => {
      clearFieldErrors($("absence-form"), $("absence-problem"));
      try {
        takeNurse(await api(`/api/nurses/${state.me.subjectId}/absences/${absence.id}`, { method: "DELETE" }), { keepEdits: true });
        announce(t("absenceRemoved", { absence: what }));
      } catch (problem) {
        showProblem($("absence-problem"), problem);
      }
    });
    item.append(text, remove);
    return item;
  }));
  $("no-absences").hidden = upcoming.length > 0;
}

function render() {
  if (!state.nurse) return;
  renderWeek();
  renderSummary();
  renderAbsences();
  const reason = $("absence-reason").value || "Leave";
  fillSelect($("absence-reason"), REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) })), reason);
}

$("week-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearFieldErrors($("week-form"), $("week-problem"));
  const weeklyAvailability = blocksInOrder();
  try {
    state.dirty = false;
    takeNurse(await api(`/api/nurses/${state.me.subjectId}/availability`, { method: "PUT", body: { weeklyAvailability } }));
    $("week-state").textContent = t("weekSaved");
    announce(t("weekSaved"));
  } catch (problem) {
    state.dirty = true;
    renderSummary();
    showFieldErrors($("week-form"), $("week-problem"), problem);
  }
});

$("absence-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("absence-form");
  clearFieldErrors(form, $("absence-problem"));
  const body = {
    from: $("absence-from").value || null,
    to: $("absence-to").value || null,
    reason: $("absence-reason").value || null,
    note: $("absence-note").value.trim() || null,
  };
  try {
    const nurse = await api(`/api/nurses/${state.me.subjectId}/absences`, { method: "POST", body });
    const added = nurse.absences.find((a) => !state.nurse.absences.some((b) => b.id === a.id));
    takeNurse(nurse, { keepEdits: true });
    $("absence-note").value = "";
    if (added) announce(t("absenceAdded", { absence: describeAbsence(added) }));
  } catch (problem) {
    showFieldErrors(form, $("absence-problem"), problem);
  }
});

$("absence-from").addEventListener("change", () => {
  if (!$("absence-to").value || $("absence-to").value < $("absence-from").value) $("absence-to").value = $("absence-from").value;
});

// Live only to say whether the page is connected; on a reconnect her record is read again,
// without overwriting a week she is still editing.
const stream = openStream({
  handlers: {},
  watch: async () => {},
  resync: async () => {
    if (!state.me || state.me.role !== "Nurse") return;
    try {
      takeNurse(await api(`/api/nurses/${state.me.subjectId}`), { keepEdits: true });
    } catch { /* the next reconnect tries again; the page keeps what it shows */ }
  },
});

$("absence-from").value = todayIso();
$("absence-to").value = todayIso();
setUpPage(() => {
  stream?.render?.();
  render();
});
load();
