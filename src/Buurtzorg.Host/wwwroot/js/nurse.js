// The nurse's page: her round for a day in her order, and the team board with open visits.
// Every change goes through the team's schedule grain (one versioned operation, one event);
// colleagues' changes arrive as events and the page catches up with what changed since the
// version it has, so it never depends on SignalR having delivered everything.
import { addStrings, t } from "./i18n.js";
import { fillSelect, qualification } from "./labels.js";
import {
  $, addDays, announce, api, ApiProblem, clearProblem, formatDate, hhmm, homeOf, isPassing, make, openStream, ownTeam, params, retryingRead, setUpPage, showProblem, todayIso, whoAmI,
} from "./page.js";

addStrings({
  nl: {
    previousDay: "Vorige dag",
    nextDay: "Volgende dag",
    backToToday: "Naar vandaag",
    myRound: "Mijn ronde",
    teamBoard: "Teambord",
    openVisits: "Open bezoeken",
    colleaguesVisits: "Bij collega's",
    noOpenVisits: "Alle bezoeken van deze dag hebben een verpleegkundige.",
    roundEmpty: "U heeft nog geen bezoeken op deze dag. Kies ze op het teambord.",
    roundSummary: "{count} bezoeken, van {start} tot {end}.",
    roundSummaryOne: "1 bezoek, van {start} tot {end}.",
    window: "Tussen {from} en {to}",
    needs: "Vraagt {qualification}",
    doubleVisit: "Dubbel bezoek: twee verpleegkundigen",
    withColleague: "samen met {names}",
    secondNurseWanted: "Tweede verpleegkundige gezocht",
    claim: "Oppakken",
    claimLabel: "{client} om {time} oppakken",
    release: "Teruggeven",
    releaseLabel: "{client} teruggeven aan het team",
    moveUp: "Eerder",
    moveUpLabel: "{client} eerder in de ronde",
    moveDown: "Later",
    moveDownLabel: "{client} later in de ronde",
    handOverTo: "Overdragen aan",
    handOver: "Overdragen",
    handOverLabel: "{client} overdragen",
    confirm: "Gedaan zoals gepland",
    confirmLabel: "{client}: gedaan zoals gepland",
    confirmOnBehalf: "Namens {nurse} registreren",
    confirmOnBehalfLabel: "{client}: namens {nurse} registreren als gedaan zoals gepland",
    recordedOnBehalf: "Geregistreerd door {recorder} namens {nurse}",
    colleaguesRound: "Dit is de ronde van {nurse}. Alleen zij verandert haar ronde; u kunt een bezoek namens haar registreren.",
    deviation: "Afwijking melden",
    tookPlace: "Heeft het bezoek plaatsgevonden?",
    yes: "Ja",
    no: "Nee",
    actualStart: "Begonnen om",
    actualMinutes: "Duur in minuten",
    reason: "Waarom niet?",
    save: "Opslaan",
    done: "Gedaan",
    notDone: "Niet gedaan: {reason}",
    cancelled: "Vervallen (niet meer in het zorgplan)",
    changedByPlan: "Gewijzigd door het zorgplan",
    "warning.Late": "{client}: {minutes} minuten na het tijdvenster",
    "warning.Early": "{client}: {minutes} minuten voor het tijdvenster",
    "warning.Overlap": "{client}: overlapt {minutes} minuten met het vorige bezoek",
    claimed: "{client} staat nu in uw ronde.",
    released: "{client} staat weer op het teambord.",
    handedOver: "{client} is overgedragen aan {nurse}.",
    confirmed: "{client} is bevestigd.",
    reported: "De afwijking bij {client} is opgeslagen.",
    boardUpdated: "Het teambord is bijgewerkt.",
    teamDividedNurse: "Uw team is gesplitst in twee kleinere teams, met de cliënten bij de verpleegkundigen die ze kennen. U hoort nu bij {team}; dit is uw ronde daar.",
    teamChangedNurse: "U hoort nu bij {team}; deze pagina toont dat team.",
    noTeamNow: "U hoort op dit moment bij geen team. Vraag op de pagina Teams of u bij een team mag komen.",
    nobody: "nog niemand",
    chooseNurseFirst: "Kies eerst uw team en uw naam.",
    proposalTitle: "Voorstel voor deze dag",
    proposalIntro: "De planner stelt rondes voor het hele team voor. U besluit samen wat u overneemt.",
    askProposal: "Vraag een voorstel",
    planning: "De planner denkt na…",
    proposalSummary: "Voorstel: {visits} bezoeken, {travel} minuten rijden (nu {travelNow}), {late} minuten te laat (nu {lateNow}), {newClients} keer een cliënt bij een nieuwe verpleegkundige (nu {newNow}). Berekend in {seconds} seconden.",
    colNurse: "Verpleegkundige",
    colVisits: "Bezoeken nu → voorstel",
    colTravel: "Rijden (min) nu → voorstel",
    colLate: "Te laat (min) nu → voorstel",
    colNew: "Nieuwe cliënten nu → voorstel",
    proposedRoundOf: "Voorstel voor {nurse}",
    newInRound: "nieuw",
    notPlaced: "Niet ingepland",
    "reason.NoQualifiedNurse": "niemand met de juiste bevoegdheid werkt",
    "reason.OutsideEveryShift": "het tijdvenster valt buiten alle diensten",
    "reason.NoSecondNurse": "er is geen tweede verpleegkundige voor dit dubbele bezoek",
    "reason.NoRoom": "geen plaats in een ronde",
    movedFrom: "nu bij {nurse}",
    keptVisit: "Niet in te passen: {client} blijft bij {nurse}. {why}; geen collega kan het overnemen: {reason}.",
    keptVisitNoWhy: "Niet in te passen: {client} blijft bij {nurse}; {reason}.",
    "notKept.NotOnShift": "{nurse} werkt deze dag niet",
    "notKept.MissingQualification": "{nurse} mist de bevoegdheid die ervoor nodig is",
    "notKept.ShiftMissesWindow": "De dienst van {nurse} valt buiten het tijdvenster",
    "notKept.RoundFull": "De ronde van {nurse} is al vol",
    acceptedMoved: "{count} bezoeken overgedragen van een collega die ze niet kan doen.",
    acceptedStays: "{count} bezoeken blijven bij de collega die ze heeft: die kan ze nog doen, dus alleen die kan ze overdragen.",
    acceptAll: "Alles overnemen",
    acceptMine: "Alleen mijn ronde overnemen",
    acceptNothing: "Niets overnemen",
    accepted: "Overgenomen: {count} bezoeken erbij.",
    acceptedReordered: "Overgenomen: {count} bezoeken erbij, de volgorde van {rounds} ronde aangepast.",
    acceptedReorderedMany: "Overgenomen: {count} bezoeken erbij, de volgorde van {rounds} rondes aangepast.",
    proposalDismissed: "Het voorstel is weggelegd.",
    arrow: "{now} → {proposed}",
  },
  en: {
    previousDay: "Previous day",
    nextDay: "Next day",
    backToToday: "Back to today",
    myRound: "My round",
    teamBoard: "Team board",
    openVisits: "Open visits",
    colleaguesVisits: "With colleagues",
    noOpenVisits: "Every visit of this day has a nurse.",
    roundEmpty: "You have no visits on this day yet. Pick them from the team board.",
    roundSummary: "{count} visits, from {start} to {end}.",
    roundSummaryOne: "1 visit, from {start} to {end}.",
    window: "Between {from} and {to}",
    needs: "Needs {qualification}",
    doubleVisit: "Double visit: two nurses",
    withColleague: "together with {names}",
    secondNurseWanted: "Second nurse wanted",
    claim: "Take",
    claimLabel: "Take {client} at {time}",
    release: "Give back",
    releaseLabel: "Give {client} back to the team",
    moveUp: "Earlier",
    moveUpLabel: "{client} earlier in the round",
    moveDown: "Later",
    moveDownLabel: "{client} later in the round",
    handOverTo: "Hand over to",
    handOver: "Hand over",
    handOverLabel: "Hand {client} over",
    confirm: "Done as planned",
    confirmLabel: "{client}: done as planned",
    confirmOnBehalf: "Record for {nurse}",
    confirmOnBehalfLabel: "{client}: record for {nurse} as done as planned",
    recordedOnBehalf: "Recorded by {recorder} for {nurse}",
    colleaguesRound: "This is {nurse}'s round. Only she changes her round; you can record a visit on her behalf.",
    deviation: "Report a deviation",
    tookPlace: "Did the visit take place?",
    yes: "Yes",
    no: "No",
    actualStart: "Started at",
    actualMinutes: "Duration in minutes",
    reason: "Why not?",
    save: "Save",
    done: "Done",
    notDone: "Not done: {reason}",
    cancelled: "Cancelled (no longer in the care plan)",
    changedByPlan: "Changed by the care plan",
    "warning.Late": "{client}: {minutes} minutes after the time window",
    "warning.Early": "{client}: {minutes} minutes before the time window",
    "warning.Overlap": "{client}: overlaps the previous visit by {minutes} minutes",
    claimed: "{client} is now in your round.",
    released: "{client} is back on the team board.",
    handedOver: "{client} has been handed over to {nurse}.",
    confirmed: "{client} has been confirmed.",
    reported: "The deviation at {client} has been saved.",
    boardUpdated: "The team board has been updated.",
    teamDividedNurse: "Your team has split into two smaller teams, with the clients staying with the nurses who know them. You are now in {team}; this is your round there.",
    teamChangedNurse: "You are now in {team}; this page shows that team.",
    noTeamNow: "You are not in a team at the moment. Ask to join one on the Teams page.",
    nobody: "nobody yet",
    chooseNurseFirst: "Choose your team and your name first.",
    proposalTitle: "Proposal for this day",
    proposalIntro: "The planner proposes rounds for the whole team. You decide together what to take.",
    askProposal: "Ask for a proposal",
    planning: "The planner is thinking…",
    proposalSummary: "Proposal: {visits} visits, {travel} minutes driving (now {travelNow}), {late} minutes late (now {lateNow}), {newClients} times a client with a new nurse (now {newNow}). Computed in {seconds} seconds.",
    colNurse: "Nurse",
    colVisits: "Visits now → proposal",
    colTravel: "Driving (min) now → proposal",
    colLate: "Late (min) now → proposal",
    colNew: "New clients now → proposal",
    proposedRoundOf: "Proposal for {nurse}",
    newInRound: "new",
    notPlaced: "Not planned",
    "reason.NoQualifiedNurse": "nobody with the right qualification is working",
    "reason.OutsideEveryShift": "the time window is outside every shift",
    "reason.NoSecondNurse": "there is no second nurse for this double visit",
    "reason.NoRoom": "no room in any round",
    movedFrom: "now with {nurse}",
    keptVisit: "Cannot be fitted in: {client} stays with {nurse}. {why}; no colleague can take it over: {reason}.",
    keptVisitNoWhy: "Cannot be fitted in: {client} stays with {nurse}; {reason}.",
    "notKept.NotOnShift": "{nurse} is not working this day",
    "notKept.MissingQualification": "{nurse} lacks the qualification it needs",
    "notKept.ShiftMissesWindow": "The shift of {nurse} is outside the time window",
    "notKept.RoundFull": "The round of {nurse} is already full",
    acceptedMoved: "{count} visits handed over from a colleague who cannot do them.",
    acceptedStays: "{count} visits stay with the colleague who has them: they can still do them, so only they can hand them over.",
    acceptAll: "Take all of it",
    acceptMine: "Take only my round",
    acceptNothing: "Take nothing",
    accepted: "Taken: {count} visits added.",
    acceptedReordered: "Taken: {count} visits added, the order of {rounds} round changed.",
    acceptedReorderedMany: "Taken: {count} visits added, the order of {rounds} rounds changed.",
    proposalDismissed: "The proposal has been put aside.",
    arrow: "{now} → {proposed}",
  },
});

const state = {
  team: null,      // TeamSnapshot of the chosen team
  shownTeamId: "", // the last team whose day the page showed: a division says it is the parent
  nurseId: params.get("nurse") ?? "", // whose round is shown
  myId: "",        // the signed-in nurse: every action is hers
  date: params.get("date") ?? todayIso(),
  version: -1,     // the schedule version the page shows
  board: null,
  round: null,
  proposal: null,
  // A colleague chosen in a hand-over form but not yet sent, per visit: a change arriving from
  // the team redraws the round and must not undo her choice.
  handOverTo: new Map(),
};

const shownVisitIds = () => new Set(state.board?.visits.map((v) => v.visit.id) ?? []);
const nurseName = (id) => state.team?.nurses.find((n) => n.nurseId === id)?.name ?? "";
const base = () => `/api/teams/${state.team.id}`;
const mine = () => state.nurseId === state.myId;
// Recording a colleague's visit is an explicit act that names her; everything else is the signed-in nurse's own.
const onBehalf = () => (mine() ? {} : { onBehalfOf: state.nurseId });

// ---------------------------------------------------------------- loading

async function loadTeams() {
  try {
    const me = await whoAmI();
    if (me.role !== "Nurse") {
      location.assign(homeOf[me.role]);
      return;
    }
    state.myId = me.subjectId;
    state.nurseId = params.get("nurse") ?? me.subjectId;
    offerTeam(await ownTeam(me));
    if ($("team-select").value) await chooseTeam($("team-select").value);
  } catch (problem) {
    showProblem($("who-problem"), problem);
  }
}

/** Her own team is the only one to choose. */
const offerTeam = (team) => fillSelect($("team-select"), team ? [{ value: team.id, label: team.name }] : [], team?.id ?? "");

async function chooseTeam(teamId) {
  clearProblem($("who-problem"));
  params.set({ team: teamId });
  state.team = teamId ? await api(`/api/teams/${teamId}`) : null;
  if (state.team?.childTeamIds?.length) {
    await moveToChild();
    return;
  }
  if (state.team) state.shownTeamId = state.team.id;
  fillSelect($("nurse-select"), (state.team?.nurses ?? []).map((n) => ({ value: n.nurseId, label: n.name })), state.nurseId);
  await chooseNurse($("nurse-select").value);
  await stream.rewatch();
}

async function chooseNurse(nurseId) {
  state.nurseId = nurseId;
  params.set({ nurse: nurseId });
  $("day").hidden = !(state.team && nurseId);
  if (!$("day").hidden) await loadDay();
}

/**
 * Her team changed under the open page (it divided, or she joined another team or left): her own
 * record says where she is now; the page moves there without a reload and says why, in words.
 */
let following = null;

// The team's event, the hub ending the watch and a refused read can all tell the page at once:
// one move at a time, judged against the team the page showed when the first one came.
function followOwnTeam() {
  following ??= moveToOwnTeam(state.shownTeamId).finally(() => { following = null; });
  return following;
}

async function moveToOwnTeam(from) {
  const nurse = await api(`/api/nurses/${state.myId}`);
  if (state.team && nurse.teamId === state.team.id) return;
  // A late answer about the old team may have put it back on screen: her team is shown already.
  if (nurse.teamId && nurse.teamId === from) {
    await chooseTeam(from);
    return;
  }
  const team = nurse.teamId ? await api(`/api/teams/${nurse.teamId}`) : null;
  const reason = team?.parentTeamId && team.parentTeamId === from ? "teamDividedNurse" : "teamChangedNurse";
  offerTeam(team);
  if (!team?.nurses.some((n) => n.nurseId === state.nurseId)) state.nurseId = state.myId;
  const note = team ? t(reason, { team: team.name }) : t("noTeamNow");
  $("team-note").textContent = note;
  $("team-note").hidden = false;
  announce(note);
  clearProblem($("board-problem"));
  await chooseTeam(team?.id ?? "");
}

/** A divided team carries on as its children: she follows the one she went with. */
const moveToChild = () => followOwnTeam();

async function loadDay() {
  if (!state.team || !state.nurseId) return;
  const asked = { team: state.team.id, nurse: state.nurseId, date: state.date };
  const [board, round] = await Promise.all([
    api(`${base()}/board/${asked.date}`),
    api(`${base()}/rounds/${asked.nurse}/${asked.date}`),
  ]);
  // She moved on (another day, nurse or team) while this was read: a late answer must not
  // put the day she left back on screen under the new day's heading.
  if (asked.team !== state.team?.id || asked.nurse !== state.nurseId || asked.date !== state.date) return;
  state.board = board;
  state.round = round;
  state.version = Math.max(board.version, round.version);
  render();
}

/**
 * Catches up from the version on screen: the schedule says what changed since; only when that
 * touches the day on screen are the board and round read again.
 */
const catchUp = retryingRead(async () => {
  if (!state.team || !state.nurseId) return;
  try {
    const delta = await api(`${base()}/schedule/changes?since=${Math.max(state.version, 0)}`);
    const shown = shownVisitIds();
    const touchesDay = delta.complete
      || delta.visits.some((v) => v.date === state.date)
      || delta.removedVisitIds.some((id) => shown.has(id));
    if (touchesDay) {
      await loadDay();
      announce(t("boardUpdated"));
    } else {
      state.version = delta.version;
    }
  } catch (problem) {
    if (isPassing(problem)) throw problem;
    // Her rights to this team ended (a division, a move): go where she is now.
    if (problem.status === 404) await followOwnTeam().catch(() => showProblem($("board-problem"), problem));
    else showProblem($("board-problem"), problem);
  }
}, $("board-problem"));

// ---------------------------------------------------------------- actions

async function act(box, action, message) {
  clearProblem(box);
  try {
    await action();
    if (message) announce(message);
  } catch (problem) {
    showProblem(box, problem);
    if (problem instanceof ApiProblem) announce(problem.title);
  }
  // Success or refusal, show the schedule as it now is (a refusal carries the fresh state too).
  await loadDay();
}

const claim = (entry) => act($("board-problem"), () =>
  api(`${base()}/visits/${entry.visit.id}/claim`, { method: "POST", body: {} }), t("claimed", { client: entry.details.clientName }));

const release = (stop) => act($("round-problem"), () =>
  api(`${base()}/visits/${stop.stop.visit.id}/release`, { method: "POST", body: {} }), t("released", { client: stop.details.clientName }));

const handOver = (stop, toNurseId) => act($("round-problem"), async () => {
  await api(`${base()}/visits/${stop.stop.visit.id}/handover`, { method: "POST", body: { toNurseId } });
  state.handOverTo.delete(stop.stop.visit.id);
}, t("handedOver", { client: stop.details.clientName, nurse: nurseName(toNurseId) }));

const confirm = (stop) => act($("round-problem"), () =>
  api(`${base()}/visits/${stop.stop.visit.id}/confirm`, { method: "POST", body: onBehalf() }), t("confirmed", { client: stop.details.clientName }));

const reportDeviation = (stop, body) => act($("round-problem"), () =>
  api(`${base()}/visits/${stop.stop.visit.id}/deviation`, { method: "POST", body: { ...onBehalf(), ...body } }), t("reported", { client: stop.details.clientName }));

async function move(index, by) {
  const stops = state.round.stops.map((s) => ({ visitId: s.stop.visit.id }));
  const [moved] = stops.splice(index, 1);
  stops.splice(index + by, 0, moved);
  await act($("round-problem"), async () => {
    state.round = await api(`${base()}/rounds/${state.nurseId}/${state.date}`, { method: "PUT", body: { stops } });
  });
  // Keep the keyboard where the user is: on the same button of the visit that moved.
  document.querySelector(`[data-visit="${moved.visitId}"] [data-move="${by}"]`)?.focus();
}

// ---------------------------------------------------------------- rendering

function render() {
  $("day-heading").textContent = formatDate(state.date);
  $("today").hidden = state.date === todayIso();
  document.title = `${t("navRound")} – Buurtzorg`;
  if (!state.round || !state.board) return;
  renderRound();
  renderBoard();
  renderProposal();
}

function visitFacts(visit, details) {
  const facts = make("div", "facts");
  facts.append(make("p", "client-name", details.clientName));
  facts.append(make("p", "address", details.address));
  if (details.whatToDo) facts.append(make("p", "what", details.problem ? `${details.whatToDo} (${details.problem})` : details.whatToDo));
  facts.append(make("p", "muted", t("window", { from: hhmm(visit.windowStart), to: hhmm(visit.windowEnd) })));
  if (visit.requiredQualification) facts.append(make("p", "muted", t("needs", { qualification: qualification(visit.requiredQualification) })));
  if (visit.nursesNeeded > 1) facts.append(make("p", "tag", t("doubleVisit")));
  if (visit.mark === "ChangedByCarePlan") facts.append(make("p", "tag", t("changedByPlan")));
  return facts;
}

function renderRound() {
  const { stops, warnings } = state.round;
  $("round-note").hidden = mine();
  $("round-note").textContent = mine() ? "" : t("colleaguesRound", { nurse: nurseName(state.nurseId) });
  const list = $("round-list");
  list.replaceChildren(...stops.map(roundItem));
  $("round-empty").hidden = stops.length > 0;
  $("round-summary").textContent = stops.length
    ? t(stops.length === 1 ? "roundSummaryOne" : "roundSummary", { count: stops.length, start: hhmm(stops[0].stop.plannedStart), end: hhmm(stops.at(-1).stop.plannedEnd) })
    : "";
  const names = new Map(stops.map((s) => [s.stop.visit.id, s.details.clientName]));
  $("round-warnings").replaceChildren(...warnings.map((w) =>
    make("li", "warning", t(`warning.${w.kind}`, { client: names.get(w.visitId), minutes: w.minutes }))));
}

function roundItem(entry, index, all) {
  const { stop, details } = entry;
  const visit = stop.visit;
  const item = make("li", "stop");
  item.dataset.visit = visit.id;
  const time = make("p", "stop-time", `${hhmm(stop.plannedStart)}–${hhmm(stop.plannedEnd)}`);
  item.append(time, visitFacts(visit, details));
  const colleagues = visit.assignedNurses.filter((n) => n !== state.nurseId).map(nurseName);
  if (colleagues.length) item.append(make("p", "muted", t("withColleague", { names: colleagues.join(", ") })));

  const report = visit.report;
  if (report?.recordedBy && report.recordedBy !== report.reportedBy) {
    item.append(make("p", "muted", t("recordedOnBehalf", { recorder: nurseName(report.recordedBy), nurse: nurseName(report.reportedBy) })));
  }
  if (visit.status === "Done") {
    item.append(make("p", "status done", t("done")));
    return item;
  }
  if (visit.status === "NotDone") {
    item.append(make("p", "status not-done", t("notDone", { reason: visit.report?.notDoneReason ?? "" })));
    return item;
  }
  if (visit.status === "Cancelled") {
    item.append(make("p", "status", t("cancelled")));
    return item;
  }

  const actions = make("div", "actions");
  const button = (text, label, onClick, className = "button") => {
    const b = make("button", className, text);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  };
  const client = details.clientName;
  if (!mine()) {
    // A colleague's round: hers to order and hand over; a visit can be recorded for her, saying so.
    const nurse = nurseName(state.nurseId);
    if (state.date <= todayIso()) {
      actions.append(button(t("confirmOnBehalf", { nurse }), t("confirmOnBehalfLabel", { client, nurse }), () => confirm(entry), "button primary"));
      item.append(actions, deviationForm(entry));
    }
    return item;
  }
  if (state.date <= todayIso()) {
    actions.append(button(t("confirm"), t("confirmLabel", { client }), () => confirm(entry), "button primary"));
  }
  const up = button(t("moveUp"), t("moveUpLabel", { client }), () => move(index, -1));
  up.dataset.move = "-1";
  up.disabled = index === 0;
  const down = button(t("moveDown"), t("moveDownLabel", { client }), () => move(index, 1));
  down.dataset.move = "1";
  down.disabled = index === all.length - 1;
  actions.append(up, down, button(t("release"), t("releaseLabel", { client }), () => release(entry)));
  item.append(actions);

  const colleaguesToAsk = state.team.nurses.filter((n) => !visit.assignedNurses.includes(n.nurseId));
  if (colleaguesToAsk.length) {
    const form = make("form", "inline-form");
    const id = `handover-${visit.id}`;
    const label = make("label", null, t("handOverTo"));
    label.htmlFor = id;
    const select = make("select");
    select.id = id;
    fillSelect(select, colleaguesToAsk.map((n) => ({ value: n.nurseId, label: n.name })), state.handOverTo.get(visit.id) ?? "");
    select.addEventListener("change", () => state.handOverTo.set(visit.id, select.value));
    const submit = make("button", "button", t("handOver"));
    submit.type = "submit";
    submit.setAttribute("aria-label", t("handOverLabel", { client }));
    form.append(label, select, submit);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (select.value) handOver(entry, select.value);
    });
    item.append(form);
  }
  if (state.date <= todayIso()) item.append(deviationForm(entry));
  return item;
}

function deviationForm(entry) {
  const visitId = entry.stop.visit.id;
  const details = make("details", "deviation");
  details.append(make("summary", null, t("deviation")));
  const form = make("form", "stacked-form");
  const fieldset = make("fieldset");
  fieldset.append(make("legend", null, t("tookPlace")));
  for (const [value, text] of [["yes", t("yes")], ["no", t("no")]]) {
    const id = `took-${value}-${visitId}`;
    const radio = make("input");
    Object.assign(radio, { type: "radio", name: "took", value, id, checked: value === "yes" });
    const label = make("label", "radio-label", text);
    label.htmlFor = id;
    label.prepend(radio);
    fieldset.append(label);
  }
  const field = (name, text, type, attributes = {}) => {
    const id = `${name}-${visitId}`;
    const wrapper = make("div", "field");
    const label = make("label", null, text);
    label.htmlFor = id;
    const input = make("input");
    Object.assign(input, { id, name, type, ...attributes });
    wrapper.append(label, input);
    return wrapper;
  };
  const start = field("start", t("actualStart"), "time", { value: hhmm(entry.stop.plannedStart) });
  const minutes = field("minutes", t("actualMinutes"), "number", { min: 1, max: 480, value: entry.stop.visit.durationMinutes, inputMode: "numeric" });
  const reason = field("reason", t("reason"), "text", { maxLength: 500 });
  reason.hidden = true;
  const save = make("button", "button primary", t("save"));
  save.type = "submit";
  form.append(fieldset, start, minutes, reason, save);
  form.addEventListener("change", () => {
    const took = form.elements.namedItem("took").value === "yes";
    start.hidden = !took;
    minutes.hidden = !took;
    reason.hidden = took;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const took = form.elements.namedItem("took").value === "yes";
    reportDeviation(entry, took
      ? { done: true, start: form.elements.namedItem("start").value || null, durationMinutes: Number(form.elements.namedItem("minutes").value) || null }
      : { done: false, notDoneReason: form.elements.namedItem("reason").value });
  });
  details.append(form);
  return details;
}

function renderBoard() {
  const open = state.board.visits.filter((b) => b.visit.status === "Open" && b.visit.assignedNurses.length < b.visit.nursesNeeded
    && !b.visit.assignedNurses.includes(state.nurseId));
  const taken = state.board.visits.filter((b) => b.visit.assignedNurses.length > 0 && !b.visit.assignedNurses.includes(state.nurseId));
  $("open-list").replaceChildren(...open.map(openItem));
  $("open-empty").hidden = open.length > 0;
  $("taken-list").replaceChildren(...taken.map(takenItem));
}

function openItem(entry) {
  const { visit, details } = entry;
  const item = make("li", "board-item");
  item.dataset.visit = visit.id;
  item.append(visitFacts(visit, details));
  if (visit.assignedNurses.length) item.append(make("p", "tag", `${t("secondNurseWanted")} (${t("withColleague", { names: visit.assignedNurses.map(nurseName).join(", ") })})`));
  const claimButton = make("button", "button primary", t("claim"));
  claimButton.type = "button";
  claimButton.setAttribute("aria-label", t("claimLabel", { client: details.clientName, time: hhmm(visit.windowStart) }));
  claimButton.addEventListener("click", () => claim(entry));
  item.append(claimButton);
  return item;
}

function takenItem(entry) {
  const { visit, details } = entry;
  const item = make("li", "board-item compact");
  item.dataset.visit = visit.id;
  item.append(make("p", "client-name", `${hhmm(visit.windowStart)}–${hhmm(visit.windowEnd)} · ${details.clientName}`));
  item.append(make("p", "muted nurse-names", visit.assignedNurses.map(nurseName).join(", ") || t("nobody")));
  return item;
}

// ---------------------------------------------------------------- proposals

async function propose() {
  clearProblem($("proposal-problem"));
  const button = $("propose");
  button.disabled = true;
  button.textContent = t("planning");
  try {
    state.proposal = await api(`${base()}/proposals/${state.date}`);
    renderProposal();
    announce($("proposal-summary").textContent);
  } catch (problem) {
    showProblem($("proposal-problem"), problem);
  } finally {
    button.disabled = false;
    button.textContent = t("askProposal");
  }
}

async function accept(onlyMine) {
  const proposal = state.proposal;
  clearProblem($("proposal-problem"));
  try {
    const result = await api(`${base()}/proposals/${proposal.date}/accept`, {
      method: "POST",
      body: { scheduleVersion: proposal.scheduleVersion, nurseId: onlyMine ? state.myId : null, rounds: proposal.rounds },
    });
    // Visits added, and rounds that only changed order: "0 visits added" alone would hide the latter.
    const reordered = result.roundsReordered ?? 0;
    const said = reordered === 0 ? "accepted" : reordered === 1 ? "acceptedReordered" : "acceptedReorderedMany";
    const stays = result.skipped.filter((s) => s.reason === "StaysWithNurse").length;
    announce([t(said, { count: result.claimed, rounds: reordered }),
      result.moved ? t("acceptedMoved", { count: result.moved }) : "",
      stays ? t("acceptedStays", { count: stays }) : ""].filter(Boolean).join(" "));
    dismissProposal(false);
  } catch (problem) {
    // A proposal made on an older schedule is never applied: say so; a fresh one is one click away.
    showProblem($("proposal-problem"), problem);
  }
  await loadDay();
}

function dismissProposal(say = true) {
  state.proposal = null;
  $("proposal").hidden = true;
  if (say) announce(t("proposalDismissed"));
}

function renderProposal() {
  const proposal = state.proposal;
  $("proposal").hidden = !proposal;
  if (!proposal) return;
  const details = new Map(state.board?.visits.map((b) => [b.visit.id, b.details]) ?? []);
  $("proposal-summary").textContent = t("proposalSummary", {
    visits: proposal.proposed.visits, travel: Math.round(proposal.proposed.travelMinutes), travelNow: Math.round(proposal.now.travelMinutes),
    late: Math.round(proposal.proposed.lateMinutes), lateNow: Math.round(proposal.now.lateMinutes),
    newClients: proposal.proposed.newClients, newNow: proposal.now.newClients, seconds: proposal.seconds.toFixed(1),
  });
  const head = make("thead");
  const headRow = make("tr");
  for (const key of ["colNurse", "colVisits", "colTravel", "colLate", "colNew"]) {
    const th = make("th", null, t(key));
    th.scope = "col";
    headRow.append(th);
  }
  head.append(headRow);
  const body = make("tbody");
  const arrow = (now, proposed) => t("arrow", { now: Math.round(now), proposed: Math.round(proposed) });
  for (const round of proposal.rounds) {
    const row = make("tr");
    row.dataset.nurse = round.nurseId;
    const name = make("th", null, nurseName(round.nurseId));
    name.scope = "row";
    row.append(name,
      make("td", null, arrow(round.now.visits, round.proposed.visits)),
      make("td", null, arrow(round.now.travelMinutes, round.proposed.travelMinutes)),
      make("td", null, arrow(round.now.lateMinutes, round.proposed.lateMinutes)),
      make("td", null, arrow(round.now.newClients, round.proposed.newClients)));
    body.append(row);
  }
  $("proposal-table").replaceChildren(head, body);
  const clientOf = (visitId) => details.get(visitId)?.clientName ?? "";
  // A visit a nurse has that the proposal cannot place stays hers: said beside her round, in words.
  const keptLine = (u) => {
    const nurse = nurseName(u.keptBy);
    const item = make("li", "kept", u.notKept
      ? t("keptVisit", { client: clientOf(u.visitId), nurse, why: t(`notKept.${u.notKept}`, { nurse }), reason: t(`reason.${u.reason}`) })
      : t("keptVisitNoWhy", { client: clientOf(u.visitId), nurse, reason: t(`reason.${u.reason}`) }));
    item.dataset.visit = u.visitId;
    return item;
  };
  const keptBy = (nurseId) => proposal.unplaced.filter((u) => u.keptBy === nurseId);
  $("proposal-rounds").replaceChildren(...proposal.rounds.filter((r) => r.stops.length || keptBy(r.nurseId).length).map((round) => {
    const section = make("div", "proposed-round");
    section.dataset.nurse = round.nurseId;
    section.append(make("h3", null, t("proposedRoundOf", { nurse: nurseName(round.nurseId) })));
    const list = make("ol", "proposed-stops");
    list.append(...round.stops.map((stop) => {
      const item = make("li", null, `${hhmm(stop.start)}–${hhmm(stop.end)} ${details.get(stop.visitId)?.clientName ?? ""}`);
      item.dataset.visit = stop.visitId;
      if (stop.new) item.append(make("span", "tag", t("newInRound")));
      if (stop.movedFrom) item.append(make("span", "tag moved", t("movedFrom", { nurse: nurseName(stop.movedFrom) })));
      return item;
    }));
    section.append(list);
    const kept = keptBy(round.nurseId);
    if (kept.length) {
      const keptList = make("ul", "kept-visits");
      keptList.append(...kept.map(keptLine));
      section.append(keptList);
    }
    return section;
  }));
  // The rest: visits nobody has, and those of a nurse without a round this day (not on shift).
  const beside = new Set(proposal.rounds.map((r) => r.nurseId));
  const rest = proposal.unplaced.filter((u) => !u.keptBy || !beside.has(u.keptBy));
  $("unplaced-heading").hidden = rest.length === 0;
  $("proposal-unplaced").replaceChildren(...rest.map((u) => u.keptBy
    ? keptLine(u)
    : make("li", null, `${clientOf(u.visitId)}: ${t(`reason.${u.reason}`)}`)));
  $("accept-mine").hidden = !proposal.rounds.some((r) => r.nurseId === state.myId);
}

// ---------------------------------------------------------------- start-up

const stream = openStream({
  handlers: {
    ScheduleChanged: (change) => {
      if (state.team && change.teamId === state.team.id && change.version > state.version) catchUp();
    },
    WatchEnded: (group) => {
      if (state.team && group === `team:${state.team.id.replaceAll("-", "")}`) followOwnTeam().catch((p) => showProblem($("who-problem"), p));
    },
    TeamChanged: async (change) => {
      if (!state.team || change.teamId !== state.team.id || change.version <= state.team.version) return;
      if (change.kind === "Divided") {
        await moveToChild();
      } else {
        await chooseTeam(state.team.id);
      }
    },
  },
  watch: async (connection) => {
    if (state.team) await connection.invoke("WatchTeam", state.team.id);
  },
  resync: () => catchUp(),
});

$("team-select").addEventListener("change", (event) => chooseTeam(event.target.value).catch((p) => showProblem($("who-problem"), p)));
$("nurse-select").addEventListener("change", (event) => chooseNurse(event.target.value).catch((p) => showProblem($("who-problem"), p)));
const changeDay = (date) => {
  state.date = date;
  // The other day's visits leave at once: a tap while the new day loads must not act on them.
  for (const list of ["round-list", "open-list", "taken-list"]) $(list).replaceChildren();
  dismissProposal(false);
  params.set({ date: date === todayIso() ? null : date });
  loadDay().catch((p) => showProblem($("board-problem"), p));
  $("day-heading").focus();
};
$("previous-day").addEventListener("click", () => changeDay(addDays(state.date, -1)));
$("next-day").addEventListener("click", () => changeDay(addDays(state.date, 1)));
$("today").addEventListener("click", () => changeDay(todayIso()));
$("propose").addEventListener("click", () => propose());
$("accept-all").addEventListener("click", () => accept(false));
$("accept-mine").addEventListener("click", () => accept(true));
$("dismiss").addEventListener("click", () => dismissProposal());

setUpPage(() => {
  stream?.render?.();
  render();
});
loadTeams();
