// The nurse's page, phone first: her round for a day in her order (the next visit on top, then
// one line per visit), a stop's detail with its actions, the team board and the planner's
// proposal, each a view of its own behind the address's hash.
// Every change goes through the team's schedule grain (one versioned operation, one event);
// colleagues' changes arrive as events and the page catches up with what changed since the
// version it has, so it never depends on SignalR having delivered everything.
import { addStrings, t } from "./i18n.js";
import { fillSelect, qualification } from "./labels.js";
import {
  $, addDays, announce, api, ApiProblem, clearProblem, formatDate, hhmm, homeOf, isPassing, make, openStream, ownTeam, params, retryingRead, setUpPage, showProblem, todayIso, whoAmI,
} from "./page.js";
import { problemName } from "./omaha.js";
import { calendarFeed } from "./calendar-feed.js";

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

addStrings({
  nl: {
    viewsNav: "Onderdelen van de ronde",
    viewToday: "Vandaag",
    proposalTab: "Voorstel",
    nextVisit: "Volgende bezoek",
    firstVisit: "Eerste bezoek",
    allDone: "Alle bezoeken van deze dag zijn afgerond.",
    roundEmpty: "U heeft nog geen bezoeken op deze dag.",
    pickOnBoard: "Kies ze op het teambord.",
    toTeams: "Naar de pagina Teams",
    backToRound: "Terug naar de ronde",
    roundOf: "Ronde van {nurse}",
    toOwnRound: "Naar mijn eigen ronde",
    callClient: "Bel {client}",
    callClientLabel: "Bel {client}: {phone}",
    callContact: "Bel {name} ({relation})",
    callContactLabel: "Bel {name}, {relation} van {client}: {phone}",
    navigate: "Navigeren",
    navigateLabel: "Navigeren naar {address}",
    map: "Kaart",
    mapLabel: "{address} op de kaart (OpenStreetMap)",
    openStop: "Details",
    openStopLabel: "Details van het bezoek aan {client}",
    report: "Rapportage",
    reportLabel: "Rapportage bij {client}",
    stopPosition: "Bezoek {index} van {count}",
    noSuchStop: "Dit bezoek staat niet (meer) in deze ronde.",
    "status.Done": "gedaan",
    "status.NotDone": "niet gedaan",
    "status.Cancelled": "vervallen",
    "relation.Family": "familie",
    "relation.Neighbour": "buur",
    "relation.InformalCarer": "mantelzorger",
    "relation.Friend": "vriend(in)",
    "relation.Other": "contact",
  },
  en: {
    viewsNav: "Parts of the round",
    viewToday: "Today",
    proposalTab: "Proposal",
    nextVisit: "Next visit",
    firstVisit: "First visit",
    allDone: "Every visit of this day is finished.",
    roundEmpty: "You have no visits on this day yet.",
    pickOnBoard: "Pick them from the team board.",
    toTeams: "To the Teams page",
    backToRound: "Back to the round",
    roundOf: "{nurse}'s round",
    toOwnRound: "To my own round",
    callClient: "Call {client}",
    callClientLabel: "Call {client}: {phone}",
    callContact: "Call {name} ({relation})",
    callContactLabel: "Call {name}, {relation} of {client}: {phone}",
    navigate: "Navigate",
    navigateLabel: "Navigate to {address}",
    map: "Map",
    mapLabel: "{address} on the map (OpenStreetMap)",
    openStop: "Details",
    openStopLabel: "Details of the visit to {client}",
    report: "Notes",
    reportLabel: "Notes for {client}",
    stopPosition: "Visit {index} of {count}",
    noSuchStop: "This visit is not (or no longer) in this round.",
    "status.Done": "done",
    "status.NotDone": "not done",
    "status.Cancelled": "cancelled",
    "relation.Family": "family",
    "relation.Neighbour": "neighbour",
    "relation.InformalCarer": "informal carer",
    "relation.Friend": "friend",
    "relation.Other": "contact",
  },
});

const state = {
  team: null,      // TeamSnapshot of her team
  shownTeamId: "", // the last team whose day the page showed: a division says it is the parent
  nurseId: "",     // whose round is shown: hers, or a colleague's opened from the team board
  myId: "",        // the signed-in nurse: every action is hers
  date: params.get("date") ?? todayIso(),
  version: -1,     // the schedule version the page shows
  board: null,
  round: null,
  proposal: null,
  // A colleague chosen in a hand-over form but not yet sent, per visit: a change arriving from
  // the team redraws the stop and must not undo her choice.
  handOverTo: new Map(),
  view: "today",   // today | stop | board | proposal, from the address's hash
  stopId: null,    // the visit whose stop is open
};

const roundFeed = calendarFeed("round-feed", "feedHintRound");

const VIEWS = { "": "today", vandaag: "today", bezoek: "stop", bord: "board", voorstel: "proposal" };

/** The query string (day, whose round) changes; the view in the hash stays where she is. */
function setParams(values, hash = location.hash) {
  params.set(values);
  history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
}

const shownVisitIds = () => new Set(state.board?.visits.map((v) => v.visit.id) ?? []);
const nurseName = (id) => state.team?.nurses.find((n) => n.nurseId === id)?.name ?? "";
const base = () => `/api/teams/${state.team.id}`;
const mine = () => state.nurseId === state.myId;
// Recording a colleague's visit is an explicit act that names her; everything else is the signed-in nurse's own.
const onBehalf = () => (mine() ? {} : { onBehalfOf: state.nurseId });

// ---------------------------------------------------------------- loading

async function start() {
  try {
    const me = await whoAmI();
    if (me.role !== "Nurse") {
      location.assign(homeOf[me.role]);
      return;
    }
    state.myId = me.subjectId;
    // Her own round, whoever's round is on screen.
    roundFeed.show(`/api/nurses/${me.subjectId}/calendar`);
    state.nurseId = params.get("nurse") ?? me.subjectId;
    const team = await ownTeam(me);
    await showTeam(team?.id ?? "");
  } catch (problem) {
    showProblem($("who-problem"), problem);
  }
}

/** Her own team, the only one whose rounds she works on; none means a note that leads to the Teams page. */
async function showTeam(teamId) {
  clearProblem($("who-problem"));
  state.team = teamId ? await api(`/api/teams/${teamId}`) : null;
  if (state.team?.childTeamIds?.length) {
    await moveToChild();
    return;
  }
  if (state.team) state.shownTeamId = state.team.id;
  // A colleague's round (from the board) only while she is in the same team.
  if (!state.team?.nurses.some((n) => n.nurseId === state.nurseId)) state.nurseId = state.myId;
  setParams({ nurse: mine() ? null : state.nurseId });
  $("team-name").textContent = state.team?.name ?? "";
  $("no-team").hidden = Boolean(state.team);
  $("day").hidden = !state.team;
  if (state.team) await loadDay();
  await stream.rewatch();
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
    await showTeam(from);
    return;
  }
  const team = nurse.teamId ? await api(`/api/teams/${nurse.teamId}`) : null;
  const reason = team?.parentTeamId && team.parentTeamId === from ? "teamDividedNurse" : "teamChangedNurse";
  if (team) {
    const note = t(reason, { team: team.name });
    $("team-note").textContent = note;
    $("team-note").hidden = false;
    announce(note);
  } else {
    $("team-note").hidden = true;
    announce(t("noTeamNow"));
  }
  clearProblem($("board-problem"));
  await showTeam(team?.id ?? "");
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
  // The team's board was just read: a "not found" still on screen was about a team she has left.
  if ($("board-problem").dataset.problemCode === "not-found") clearProblem($("board-problem"));
  // The two reads may fall either side of a change: only the older version is one both show, so
  // the next catch-up asks from there (the newer one made a page miss a colleague's claim for good).
  state.version = Math.min(board.version, round.version);
  render();
}

/**
 * Catches up from the version on screen: the schedule says what changed since; only when that
 * touches the day on screen are the board and round read again.
 */
const catchUp = retryingRead(async () => {
  if (!state.team || !state.nurseId) return;
  const asked = state.team.id;
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
    // A late refusal about a team the page has already left is no longer news.
    const stillShown = () => asked === state.team?.id;
    // Her rights to this team ended (a division, a move): go where she is now.
    if (problem.status === 404) await followOwnTeam().catch(() => stillShown() && showProblem($("board-problem"), problem));
    else if (stillShown()) showProblem($("board-problem"), problem);
  }
}, $("board-problem"));

// ---------------------------------------------------------------- actions

/** One action; done is where she goes after it succeeded (a visit done or given away leaves the stop). */
async function act(box, action, message, done) {
  clearProblem(box);
  let succeeded = false;
  try {
    await action();
    succeeded = true;
    if (message) announce(message);
  } catch (problem) {
    showProblem(box, problem);
    if (problem instanceof ApiProblem) announce(problem.title);
  }
  // Success or refusal, show the schedule as it now is (a refusal carries the fresh state too).
  await loadDay();
  if (succeeded && done) done();
}

const backToRound = () => { location.hash = "#vandaag"; };

const claim = (entry) => act($("board-problem"), () =>
  api(`${base()}/visits/${entry.visit.id}/claim`, { method: "POST", body: {} }), t("claimed", { client: entry.details.clientName }));

const release = (stop) => act($("round-problem"), () =>
  api(`${base()}/visits/${stop.stop.visit.id}/release`, { method: "POST", body: {} }), t("released", { client: stop.details.clientName }), backToRound);

const handOver = (stop, toNurseId) => act($("round-problem"), async () => {
  await api(`${base()}/visits/${stop.stop.visit.id}/handover`, { method: "POST", body: { toNurseId } });
  state.handOverTo.delete(stop.stop.visit.id);
}, t("handedOver", { client: stop.details.clientName, nurse: nurseName(toNurseId) }), backToRound);

const confirm = (stop) => act($("round-problem"), () =>
  api(`${base()}/visits/${stop.stop.visit.id}/confirm`, { method: "POST", body: onBehalf() }), t("confirmed", { client: stop.details.clientName }), backToRound);

const reportDeviation = (stop, body) => act($("round-problem"), () =>
  api(`${base()}/visits/${stop.stop.visit.id}/deviation`, { method: "POST", body: { ...onBehalf(), ...body } }), t("reported", { client: stop.details.clientName }), backToRound);

async function move(index, by) {
  const stops = state.round.stops.map((s) => ({ visitId: s.stop.visit.id }));
  const [moved] = stops.splice(index, 1);
  stops.splice(index + by, 0, moved);
  await act($("round-problem"), async () => {
    state.round = await api(`${base()}/rounds/${state.nurseId}/${state.date}`, { method: "PUT", body: { stops } });
  });
  // Keep the keyboard where the user is: on the same button, or the other one at the round's end.
  const buttons = [...$("stop").querySelectorAll("[data-move]")];
  (buttons.find((b) => b.dataset.move === String(by) && !b.disabled) ?? buttons.find((b) => !b.disabled))?.focus();
}

// ---------------------------------------------------------------- views

function route() {
  const [name, id] = decodeURIComponent(location.hash.slice(1)).split("/");
  state.view = VIEWS[name] ?? "today";
  state.stopId = state.view === "stop" ? id ?? null : null;
}

const headingOf = { today: "round-heading", stop: "stop-heading", board: "board-heading", proposal: "proposal-heading" };

/** A new view is read from its heading; back from a stop, the keyboard lands on that stop's line. */
function enterView(previousStop) {
  render();
  if ($("day").hidden) return;
  const line = state.view === "today" && previousStop ? document.querySelector(`#round-list [data-visit="${previousStop}"] a`) : null;
  if (state.view === "today" && !line) window.scrollTo(0, 0);
  else if (!line) $(`view-${state.view}`).scrollIntoView({ block: "start" });
  (line ?? $(headingOf[state.view]))?.focus({ preventScroll: !line });
}

// ---------------------------------------------------------------- rendering

function render() {
  const today = state.date === todayIso();
  $("day-heading").textContent = formatDate(state.date);
  $("today").hidden = today;
  for (const view of Object.keys(headingOf)) $(`view-${view}`).hidden = state.view !== view;
  for (const tab of document.querySelectorAll(".view-tabs a")) {
    const current = tab.dataset.view === state.view || (tab.dataset.view === "today" && state.view === "stop");
    if (current) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
  }
  // The first tab names the round it leads to: today's, another day's, or a colleague's.
  const first = document.querySelector('.view-tabs a[data-view="today"]');
  first.textContent = !mine() ? t("roundOf", { nurse: nurseName(state.nurseId) }) : today ? t("viewToday") : t("myRound");
  $("whose-round").textContent = mine() ? "" : ` · ${t("roundOf", { nurse: nurseName(state.nurseId) })}`;
  const titles = { today: first.textContent, stop: t("myRound"), board: t("teamBoard"), proposal: t("proposalTab") };
  document.title = `${titles[state.view]} – Buurtzorg`;
  if (!state.round || !state.board) return;
  renderRound();
  renderStop();
  renderBoard();
  renderProposal();
}

const statusText = (visit) => (visit.status === "Open" ? "" : t(`status.${visit.status}`));

/** The first step of what to do, enough to recognise the visit by in a list. */
const shortWhat = (whatToDo) => {
  const steps = (whatToDo ?? "").split("; ").filter(Boolean);
  return steps.length > 1 ? `${steps[0]} +${steps.length - 1}` : steps[0] ?? "";
};

function link(className, text, href, label) {
  const a = make("a", className, text);
  a.href = href;
  if (label) a.setAttribute("aria-label", label);
  return a;
}

/** Ringing and finding the way, from the doorstep: the client, the first contact of their network, the map. */
function reachLinks(details, { withContact = true, withMap = true } = {}) {
  const links = make("div", "reach");
  const client = details.clientName;
  if (details.clientPhone) {
    links.append(link("button call", t("callClient", { client }), `tel:${details.clientPhone.replace(/[^\d+]/g, "")}`,
      t("callClientLabel", { client, phone: details.clientPhone })));
  }
  const contact = details.contact;
  if (withContact && contact?.phone) {
    const relation = t(`relation.${contact.relation}`);
    links.append(link("button call", t("callContact", { name: contact.name, relation }), `tel:${contact.phone.replace(/[^\d+]/g, "")}`,
      t("callContactLabel", { name: contact.name, relation, client, phone: contact.phone })));
  }
  const place = details.location;
  if (place) {
    const { latitude: lat, longitude: lon } = place;
    links.append(link("button navigate", t("navigate"), `geo:${lat},${lon}?q=${encodeURIComponent(details.address)}`,
      t("navigateLabel", { address: details.address })));
    if (withMap) {
      const map = link("button map", t("map"), `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`,
        t("mapLabel", { address: details.address }));
      map.target = "_blank";
      map.rel = "noopener noreferrer";
      links.append(map);
    }
  }
  return links;
}

function renderRound() {
  const { stops, warnings } = state.round;
  $("round-note").hidden = mine();
  $("round-note").replaceChildren();
  if (!mine()) {
    $("round-note").append(t("colleaguesRound", { nurse: nurseName(state.nurseId) }), " ", link(null, t("toOwnRound"), "nurse.html"));
  }
  // A redraw (her own change coming back, a colleague's event) must not drop the keyboard off her line.
  const focused = document.activeElement?.closest?.("#round-list [data-visit]")?.dataset.visit;
  $("round-list").replaceChildren(...stops.map(stopLine));
  if (focused) document.querySelector(`#round-list [data-visit="${focused}"] a`)?.focus({ preventScroll: true });
  $("round-empty").hidden = stops.length > 0;
  $("round-summary").textContent = stops.length
    ? t(stops.length === 1 ? "roundSummaryOne" : "roundSummary", { count: stops.length, start: hhmm(stops[0].stop.plannedStart), end: hhmm(stops.at(-1).stop.plannedEnd) })
    : "";
  const names = new Map(stops.map((s) => [s.stop.visit.id, s.details.clientName]));
  $("round-warnings").replaceChildren(...warnings.map((w) =>
    make("li", "warning", t(`warning.${w.kind}`, { client: names.get(w.visitId), minutes: w.minutes }))));
  renderNext();
}

/** The next visit still to do, as a card she can act on without scrolling. */
function renderNext() {
  const { stops } = state.round;
  const next = stops.find((s) => s.stop.visit.status === "Open");
  $("next-visit").hidden = stops.length === 0;
  $("next-heading").textContent = state.date === todayIso() ? t("nextVisit") : t("firstVisit");
  if (!next) {
    $("next-card").replaceChildren(make("p", "all-done", t("allDone")));
    return;
  }
  const { stop, details } = next;
  const card = make("div", "next-card");
  card.dataset.visit = stop.visit.id;
  card.append(
    make("p", "next-time", `${hhmm(stop.plannedStart)}–${hhmm(stop.plannedEnd)}`),
    make("p", "client-name", details.clientName),
    make("p", "address", details.address));
  if (details.whatToDo) card.append(make("p", "what", details.whatToDo));
  const reach = reachLinks(details, { withContact: false, withMap: false });
  reach.append(link("button primary", t("openStop"), `#bezoek/${stop.visit.id}`, t("openStopLabel", { client: details.clientName })));
  card.append(reach);
  $("next-card").replaceChildren(card);
}

function stopLine(entry) {
  const { stop, details } = entry;
  const visit = stop.visit;
  const item = make("li", `stop-line status-${visit.status.toLowerCase()}`);
  item.dataset.visit = visit.id;
  const a = link(null, null, `#bezoek/${visit.id}`);
  a.append(make("span", "stop-time", `${hhmm(stop.plannedStart)}–${hhmm(stop.plannedEnd)}`), make("span", "client-name", details.clientName));
  const status = statusText(visit);
  if (status) a.append(make("span", "line-status", status));
  const what = shortWhat(details.whatToDo);
  if (what) a.append(make("span", "what", what));
  item.append(a);
  return item;
}

function renderStop() {
  if (state.view !== "stop") return;
  const stops = state.round.stops;
  const index = stops.findIndex((s) => s.stop.visit.id === state.stopId);
  const box = $("stop");
  if (index < 0) {
    box.dataset.visit = "";
    const heading = make("h2", null, t("noSuchStop"));
    heading.id = "stop-heading";
    heading.tabIndex = -1;
    box.replaceChildren(heading);
    return;
  }
  box.dataset.visit = state.stopId;
  box.replaceChildren(...stopDetail(stops[index], index, stops));
}

function stopDetail(entry, index, all) {
  const { stop, details } = entry;
  const visit = stop.visit;
  const client = details.clientName;
  const heading = make("h2", "client-name", client);
  heading.id = "stop-heading";
  heading.tabIndex = -1;
  const parts = [heading,
    make("p", "stop-time", `${hhmm(stop.plannedStart)}–${hhmm(stop.plannedEnd)}`),
    make("p", "muted", t("stopPosition", { index: index + 1, count: all.length })),
    make("p", "address", details.address)];
  if (details.whatToDo) parts.push(make("p", "what", details.problemCode ? `${details.whatToDo} (${problemName(details.problemCode)})` : details.whatToDo));
  parts.push(make("p", "muted", t("window", { from: hhmm(visit.windowStart), to: hhmm(visit.windowEnd) })));
  if (visit.requiredQualification) parts.push(make("p", "muted", t("needs", { qualification: qualification(visit.requiredQualification) })));
  if (visit.nursesNeeded > 1) parts.push(make("p", "tag", t("doubleVisit")));
  if (visit.mark === "ChangedByCarePlan") parts.push(make("p", "tag", t("changedByPlan")));
  const colleagues = visit.assignedNurses.filter((n) => n !== state.nurseId).map(nurseName);
  if (colleagues.length) parts.push(make("p", "muted", t("withColleague", { names: colleagues.join(", ") })));
  parts.push(reachLinks(details));
  parts.push(link("report-link", t("report"), `client.html?client=${visit.clientId}&visit=${visit.id}`, t("reportLabel", { client })));

  const report = visit.report;
  if (report?.recordedBy && report.recordedBy !== report.reportedBy) {
    parts.push(make("p", "muted", t("recordedOnBehalf", { recorder: nurseName(report.recordedBy), nurse: nurseName(report.reportedBy) })));
  }
  if (visit.status === "Done") return [...parts, make("p", "status done", t("done"))];
  if (visit.status === "NotDone") return [...parts, make("p", "status not-done", t("notDone", { reason: visit.report?.notDoneReason ?? "" }))];
  if (visit.status === "Cancelled") return [...parts, make("p", "status", t("cancelled"))];

  const actions = make("div", "actions");
  const button = (text, label, onClick, className = "button") => {
    const b = make("button", className, text);
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  };
  if (!mine()) {
    // A colleague's round: hers to order and hand over; a visit can be recorded for her, saying so.
    const nurse = nurseName(state.nurseId);
    if (state.date <= todayIso()) {
      actions.append(button(t("confirmOnBehalf", { nurse }), t("confirmOnBehalfLabel", { client, nurse }), () => confirm(entry), "button primary"));
      parts.push(actions, deviationForm(entry));
    }
    return parts;
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
  parts.push(actions);

  // The one place she picks a colleague: handing this visit over.
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
    parts.push(form);
  }
  if (state.date <= todayIso()) parts.push(deviationForm(entry));
  return parts;
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
  const facts = make("div", "facts");
  facts.append(
    make("p", "client-name", `${hhmm(visit.windowStart)}–${hhmm(visit.windowEnd)} · ${details.clientName}`),
    make("p", "address", details.address));
  if (details.whatToDo) facts.append(make("p", "what", details.whatToDo));
  if (visit.requiredQualification) facts.append(make("p", "muted", t("needs", { qualification: qualification(visit.requiredQualification) })));
  if (visit.nursesNeeded > 1) facts.append(make("p", "tag", t("doubleVisit")));
  if (visit.mark === "ChangedByCarePlan") facts.append(make("p", "tag", t("changedByPlan")));
  item.append(facts);
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
  // Each name opens that colleague's round, where she can record a visit on her behalf.
  const names = make("p", "muted nurse-names");
  visit.assignedNurses.forEach((id, i) => {
    if (i > 0) names.append(", ");
    names.append(link(null, nurseName(id), `nurse.html?nurse=${id}`, t("roundOf", { nurse: nurseName(id) })));
  });
  if (!visit.assignedNurses.length) names.textContent = t("nobody");
  item.append(names);
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
        await showTeam(state.team.id);
      }
    },
  },
  watch: async (connection) => {
    if (state.team) await connection.invoke("WatchTeam", state.team.id);
  },
  resync: () => catchUp(),
});

const changeDay = (date) => {
  state.date = date;
  // The other day's visits leave at once: a tap while the new day loads must not act on them.
  for (const list of ["round-list", "open-list", "taken-list", "stop", "next-card"]) $(list).replaceChildren();
  dismissProposal(false);
  // A stop belongs to its day: another day starts from that day's round.
  setParams({ date: date === todayIso() ? null : date }, state.view === "stop" ? "#vandaag" : location.hash);
  route();
  render();
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
window.addEventListener("hashchange", () => {
  const previousStop = state.stopId;
  route();
  enterView(previousStop);
});

route();
setUpPage(() => {
  stream?.render?.();
  render();
  roundFeed.render();
});
start();
