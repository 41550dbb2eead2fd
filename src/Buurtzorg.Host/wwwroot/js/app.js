// Buurtzorg thin client. HTTP is the source of truth; SignalR only tells us *that* a team
// changed. Messages can be lost (reconnects, a phone asleep in a pocket), so every hint
// ends in reading the team over HTTP, and a shown team never goes back to an older version.
import { language, locale, setLanguage, t, translatePage } from "./i18n.js";
import { $, announce, api, ApiProblem, homeOf, make, prefs, whoAmI } from "./page.js";

const MAX_NURSES = 12;
const RESTART_DELAY_MS = 15_000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const els = {
  skipLink: $("skip-link"),
  connection: $("connection"),
  connectionText: $("connection-text"),
  largeText: $("large-text"),
  language: $("language"),
  teamList: $("team-list"),
  teamsEmpty: $("teams-empty"),
  teamsProblem: $("teams-problem"),
  foundTeam: $("found-team"),
  teamSection: $("team"),
  placeholder: $("team-placeholder"),
  placeholderText: $("team-placeholder-text"),
  teamProblem: $("team-problem"),
  detail: $("team-detail"),
  teamHeading: $("team-heading"),
  teamCount: $("team-count"),
  nursesHeading: $("nurses-heading"),
  nurseList: $("nurse-list"),
  noNurses: $("no-nurses"),
  teamFull: $("team-full"),
  addNurse: $("add-nurse"),
};

const state = {
  teams: [],
  selectedId: null, // from the URL hash
  team: null,       // the TeamSnapshot on screen; its version is what we compare events with
  connection: "connecting",
};

// ---------------------------------------------------------------- preferences

function applyLargeText(on) {
  document.documentElement.classList.toggle("large-text", on);
  els.largeText.setAttribute("aria-pressed", String(on));
}

function applyLanguage(lang) {
  setLanguage(lang);
  translatePage();
  // The switch names the other language in that language, so it must be spoken as such.
  els.language.lang = language() === "nl" ? "en" : "nl";
  renderConnection();
  renderTeams();
  renderTeam();
}

// ---------------------------------------------------------------- HTTP

const getTeams = () => api("/api/teams");
const getTeam = (id) => api(`/api/teams/${encodeURIComponent(id)}`);

// ---------------------------------------------------------------- feedback

/** Shows a problem in box; field errors go next to the matching input of form, the rest in the box. */
function showProblem(box, problem, form = null) {
  clearProblem(box, form);
  const leftover = [];
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const input = form?.elements.namedItem(field) ?? form?.querySelector(`[name="${CSS.escape(field.toLowerCase())}"]`);
    if (input) {
      showFieldError(input, messages.join(" "), problem.lang);
    } else {
      leftover.push(...messages);
    }
  }

  const content = make("div");
  content.lang = problem.lang;
  content.append(make("strong", null, problem.title));
  if (problem.detail) content.append(make("p", null, problem.detail));
  if (leftover.length) {
    const list = make("ul");
    list.append(...leftover.map((m) => make("li", null, m)));
    content.append(list);
  }
  box.append(content);
}

function showFieldError(input, message, lang = language()) {
  const error = $(input.getAttribute("aria-describedby"));
  error.textContent = message;
  error.lang = lang;
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

function clearProblem(box, form = null) {
  box.replaceChildren();
  for (const input of form?.querySelectorAll("input") ?? []) {
    input.removeAttribute("aria-invalid");
    $(input.getAttribute("aria-describedby")).textContent = "";
  }
}

/** Runs a form's action once at a time, with the name checked here first so blanks need no round trip. */
function onNameSubmit(form, action) {
  const input = form.elements.namedItem("name");
  const box = form.querySelector(".problem");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    clearProblem(box, form);
    const name = input.value.trim();
    if (!name) {
      showFieldError(input, t("nameRequired"));
      return;
    }
    form.setAttribute("aria-busy", "true");
    try {
      await action(name);
      input.value = "";
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      showProblem(box, problem, form);
    } finally {
      form.removeAttribute("aria-busy");
    }
  });
}

// ---------------------------------------------------------------- teams list

async function loadTeams() {
  try {
    state.teams = await getTeams();
    clearProblem(els.teamsProblem);
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(els.teamsProblem, problem);
  }
  renderTeams();
}

function renderTeams() {
  const teams = [...state.teams].sort((a, b) => a.name.localeCompare(b.name, locale()));
  els.teamList.replaceChildren(...teams.map((team) => {
    const button = make("button", null, team.name);
    button.type = "button";
    button.dataset.teamId = team.id;
    if (team.id === state.selectedId) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => {
      if (team.id === state.selectedId) {
        els.teamHeading.focus();
      } else {
        // On a phone the team is below the list; focus takes the reader there once it is shown.
        moveFocusToTeam = true;
        location.hash = `team=${team.id}`;
      }
    });
    const item = make("li");
    item.append(button);
    return item;
  }));
  els.teamsEmpty.hidden = state.teams.length > 0;
}

// ---------------------------------------------------------------- the chosen team

let moveFocusToTeam = false;

function teamIdFromHash() {
  const id = new URLSearchParams(location.hash.slice(1)).get("team");
  return id && GUID.test(id) ? id.toLowerCase() : null;
}

async function selectTeam(id) {
  const previous = state.selectedId;
  if (id === previous) return;
  state.selectedId = id;
  state.team = null;
  clearProblem(els.teamProblem);
  clearProblem(els.addNurse.querySelector(".problem"), els.addNurse);
  renderTeams();
  renderTeam();
  if (previous) unwatch(previous);
  if (id) await follow(id, { quiet: false });
}

async function moveOnFromDivided(children) {
  await loadTeams();
  const name = (id) => state.teams.find((team) => team.id === id)?.name ?? "";
  announce(t("teamDivided", { first: name(children[0]), second: name(children[1]) }));
  location.hash = `team=${children[0]}`;
  await selectTeam(children[0]);
}

/** Starts watching the team and reads it; also how we converge after any reconnect. */
async function follow(id, { quiet = true } = {}) {
  if (isConnected()) {
    try {
      show(await connection.invoke("WatchTeam", id));
    } catch {
      // An unknown team or a dropped connection: the HTTP read below gives the real answer.
    }
  }
  // The hub reads the team just before it joins the team's group, so a change in that gap
  // reaches us neither way. Reading once more after joining closes the gap.
  await refreshTeam(id, { quiet });
}

async function refreshTeam(id, { quiet = true } = {}) {
  try {
    return show(await getTeam(id));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    // Background refreshes stay silent while a team is on screen; the next hint tries again.
    if (id === state.selectedId && (!quiet || !state.team)) {
      showProblem(els.teamProblem, problem);
      renderTeam();
    }
    return false;
  }
}

/** Puts snapshot on screen unless it is stale or for a team no longer chosen. */
function show(snapshot) {
  if (snapshot.id !== state.selectedId) return false;
  // A team that divided carries on as its two children: move on to the first, no reload.
  if (snapshot.childTeamIds?.length) {
    moveOnFromDivided(snapshot.childTeamIds);
    return false;
  }
  if (state.team && snapshot.version <= state.team.version) return false;
  const isUpdate = state.team !== null;
  state.team = snapshot;
  clearProblem(els.teamProblem);
  renderTeam();
  if (!isUpdate && moveFocusToTeam) {
    moveFocusToTeam = false;
    els.teamHeading.focus();
  }
  return true;
}

function renderTeam() {
  const team = state.team;
  els.placeholder.hidden = team !== null;
  els.detail.hidden = team === null;
  els.teamSection.setAttribute("aria-labelledby", team ? "team-heading" : "team-placeholder-heading");

  if (!team) {
    const loading = state.selectedId && !els.teamProblem.hasChildNodes();
    els.placeholderText.textContent = loading ? t("loadingTeam") : t("chooseTeamHint");
    document.title = t("pageTitle");
    return;
  }

  document.title = t("teamPageTitle", { team: team.name });
  els.teamHeading.textContent = team.name;
  els.teamCount.textContent = t("nurseCount", { count: team.nurses.length, max: MAX_NURSES });
  els.noNurses.hidden = team.nurses.length > 0;
  els.teamFull.hidden = team.nurses.length < MAX_NURSES;

  // Rebuilding the list would drop keyboard focus from a remove button; put it back afterwards.
  const focusedNurseId = els.nurseList.contains(document.activeElement) ? document.activeElement.dataset.nurseId : null;
  els.nurseList.replaceChildren(...team.nurses.map(nurseItem));
  if (focusedNurseId) {
    const again = els.nurseList.querySelector(`[data-nurse-id="${CSS.escape(focusedNurseId)}"]`);
    (again ?? els.nursesHeading).focus();
  }
}

function nurseItem(nurse) {
  const info = make("div", "nurse-info");
  const joined = make("time", "nurse-joined",
    t("joinedSince", { date: new Date(nurse.joinedAt).toLocaleDateString(locale(), { dateStyle: "long" }) }));
  joined.dateTime = nurse.joinedAt;
  info.append(make("span", "nurse-name", nurse.name), joined);

  const remove = make("button", "button danger", t("remove"));
  remove.type = "button";
  remove.dataset.nurseId = nurse.nurseId;
  remove.setAttribute("aria-label", t("removeNurse", { name: nurse.name }));
  remove.addEventListener("click", () => removeNurse(nurse));

  const item = make("li", "nurse");
  item.append(info, remove);
  return item;
}

async function removeNurse(nurse) {
  const team = state.team;
  if (!team || !confirm(t("confirmRemove", { name: nurse.name }))) return;
  const box = els.addNurse.querySelector(".problem");
  clearProblem(box, els.addNurse);
  try {
    show(await api(`/api/teams/${team.id}/nurses/${nurse.nurseId}`, { method: "DELETE" }));
    announce(t("nurseRemoved", { name: nurse.name }));
    // Focus was on the button that no longer exists.
    if (!document.activeElement || document.activeElement === document.body) els.nursesHeading.focus();
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(box, problem);
    // Someone may have removed the nurse already; show the team as it is now.
    refreshTeam(team.id);
  }
}

// ---------------------------------------------------------------- live updates

let connection = null;
let restartTimer = null;

// HubConnectionState values are these strings; comparing with them needs no global signalR,
// which is missing when the bundle failed to load.
const isConnected = () => connection?.state === "Connected";
const isDisconnected = () => connection?.state === "Disconnected";

function setConnection(status) {
  const previous = state.connection;
  state.connection = status;
  renderConnection();
  // Announce changes of a connection the user already had, not the first attempt at start-up.
  if (status !== previous && previous !== "connecting") announce(t(status));
}

function renderConnection() {
  els.connection.dataset.state = state.connection;
  els.connectionText.textContent = t(state.connection);
}

function connect() {
  // Without the bundle the page still works over HTTP; it just is not live.
  if (!window.signalR) {
    setConnection("offline");
    return;
  }
  connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/schedule")
    .withAutomaticReconnect()
    .build();

  connection.on("TeamChanged", (change) => {
    if (!state.team || change.teamId !== state.team.id) return;
    if (change.version <= state.team.version) return; // already shown (often our own change)
    // Whether the next version or a gap, read the team: that is the only way to be sure.
    refreshTeam(change.teamId).then((shown) => {
      if (shown) announce(t("teamUpdated", { count: state.team.nurses.length, max: MAX_NURSES }));
    });
  });

  connection.onreconnecting(() => setConnection("reconnecting"));
  connection.onreconnected(() => {
    setConnection("live");
    // The reconnect is a new connection without group memberships, and events sent
    // in between are gone: watch again and converge on what the server has now.
    if (state.selectedId) follow(state.selectedId);
    loadTeams();
  });
  // Automatic reconnect gives up after a few tries; keep trying slowly for as long as the page is open.
  connection.onclose(() => {
    setConnection("offline");
    scheduleRestart();
  });

  start();
}

async function start() {
  clearTimeout(restartTimer);
  if (!isDisconnected()) return;
  try {
    await connection.start();
    setConnection("live");
    // Anything may have changed while we were not connected.
    if (state.selectedId) follow(state.selectedId);
    loadTeams();
  } catch {
    setConnection("offline");
    scheduleRestart();
  }
}

function scheduleRestart() {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(start, RESTART_DELAY_MS);
}

function unwatch(id) {
  if (isConnected()) {
    // Events for other teams are ignored anyway, so a failed unwatch does no harm.
    connection.invoke("UnwatchTeam", id).catch(() => {});
  }
}

// ---------------------------------------------------------------- start-up

onNameSubmit(els.foundTeam, async (name) => {
  const team = await api("/api/teams", { method: "POST", body: { name } });
  announce(t("teamFounded", { team: team.name }));
  await loadTeams();
  moveFocusToTeam = true;
  location.hash = `team=${team.id}`;
});

onNameSubmit(els.addNurse, async (name) => {
  const team = state.team;
  const updated = await api(`/api/teams/${team.id}/nurses`, { method: "POST", body: { name } });
  show(updated);
  announce(t("nurseAdded", { name }));
});

els.language.addEventListener("click", () => {
  const next = language() === "nl" ? "en" : "nl";
  prefs.set("buurtzorg.language", next);
  applyLanguage(next);
  announce(t("languageChanged"));
});

els.largeText.addEventListener("click", () => {
  const on = !document.documentElement.classList.contains("large-text");
  prefs.set("buurtzorg.largeText", on ? "1" : "0");
  applyLargeText(on);
});

window.addEventListener("hashchange", () => selectTeam(teamIdFromHash()));

// The hash holds the chosen team, so the skip link moves focus without touching it.
els.skipLink.addEventListener("click", (event) => {
  event.preventDefault();
  (state.team ? els.teamHeading : els.teamSection).focus();
});

// A phone that slept may have missed anything; look again when the page is seen again.
document.addEventListener("visibilitychange", () => {
  if (document.hidden) return;
  if (state.selectedId) refreshTeam(state.selectedId);
  if (isDisconnected()) start();
});
window.addEventListener("online", () => start());

applyLargeText(prefs.get("buurtzorg.largeText") === "1");
applyLanguage(prefs.get("buurtzorg.language") ?? "nl");
// The teams page is the nurses' own; everyone else starts on the page for their role.
whoAmI().then((me) => {
  if (me.role !== "Nurse") {
    location.assign(homeOf[me.role]);
    return;
  }
  loadTeams();
  selectTeam(teamIdFromHash());
  connect();
}).catch(() => { /* not signed in: api() is on its way to the sign-in page */ });
