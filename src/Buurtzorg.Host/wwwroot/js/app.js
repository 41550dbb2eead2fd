// The teams page. HTTP is the source of truth; SignalR only tells us *that* a team changed.
// Messages can be lost (reconnects, a phone asleep in a pocket), so every hint ends in reading
// the team over HTTP, and a shown team never goes back to an older version. The header, the
// connection and HTTP are the shared page module's, as on every role page.
import { language, locale, t } from "./i18n.js";
import {
  $, announce, api, ApiProblem, clearProblem, homeOf, make, openStream, setUpPage, showProblem, whoAmI,
} from "./page.js";

const MAX_NURSES = 12;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const els = {
  skipLink: $("skip-link"),
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
  outside: $("team-outside"),
  outsideHeading: $("outside-heading"),
  askJoin: $("ask-join"),
  joinSent: $("join-sent"),
  joinSection: $("join-requests-section"),
  joinList: $("join-requests"),
  joinProblem: $("join-problem"),
  leaveTeam: $("leave-team"),
  leaveProblem: $("leave-problem"),
};

const state = {
  teams: [],
  selectedId: null, // from the URL hash
  team: null,       // the TeamSnapshot on screen; its version is what we compare events with
  me: null,         // the signed-in nurse's account
  myTeamId: null,   // the one team whose page she may open; others she can only ask to join
  asked: new Set(), // teams she asked to join from this page
};

const getTeams = () => api("/api/teams");
const getTeam = (id) => api(`/api/teams/${encodeURIComponent(id)}`);

// ---------------------------------------------------------------- feedback

/** A refusal of a form: field errors go next to the matching input, the rest in the form's box. */
function showFormProblem(box, problem, form) {
  clearFieldErrors(form);
  const leftover = {};
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const input = form.elements.namedItem(field) ?? form.querySelector(`[name="${CSS.escape(field.toLowerCase())}"]`);
    if (input) showFieldError(input, messages.join(" "), problem.lang);
    else leftover[field] = messages;
  }
  showProblem(box, Object.assign(Object.create(Object.getPrototypeOf(problem)), problem, { errors: leftover }));
}

function showFieldError(input, message, lang = language()) {
  const error = $(input.getAttribute("aria-describedby"));
  error.textContent = message;
  error.lang = lang;
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

function clearFieldErrors(form) {
  for (const input of form.querySelectorAll("input")) {
    input.removeAttribute("aria-invalid");
    $(input.getAttribute("aria-describedby")).textContent = "";
  }
}

const clearForm = (box, form) => {
  clearProblem(box);
  clearFieldErrors(form);
};

/** Runs a form's action once at a time, with the name checked here first so blanks need no round trip. */
function onNameSubmit(form, action) {
  const input = form.elements.namedItem("name");
  const box = form.querySelector(".problem");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.getAttribute("aria-busy") === "true") return;
    clearForm(box, form);
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
      showFormProblem(box, problem, form);
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
  clearForm(els.askJoin.querySelector(".problem"), els.askJoin);
  renderTeams();
  renderTeam();
  if (previous) unwatch(previous);
  // Another team's page is not hers to read: she can only ask to join it.
  if (id && id === state.myTeamId) await follow(id, { quiet: false });
}

/** Her team now, read from her own record: a division, an acceptance or leaving changes it. */
async function loadMyTeam() {
  const nurse = await api(`/api/nurses/${state.me.subjectId}`);
  state.myTeamId = nurse.teamId ?? null;
}

async function moveOnFromDivided(children) {
  await Promise.all([loadTeams(), loadMyTeam()]);
  const name = (id) => state.teams.find((team) => team.id === id)?.name ?? "";
  const hers = children.includes(state.myTeamId) ? state.myTeamId : children[0];
  const other = children.find((id) => id !== hers);
  announce(t("teamDivided", { first: name(hers), second: name(other) }));
  location.hash = `team=${hers}`;
  await selectTeam(hers);
}

/** The team whose events the page follows: her own, when it is the one on screen. */
const watchedId = () => (state.selectedId && state.selectedId === state.myTeamId ? state.selectedId : null);

/** Starts watching the team and reads it. */
async function follow(id, { quiet = true } = {}) {
  try {
    await stream.rewatch();
  } catch {
    // An unknown team or a dropped connection: the HTTP read below gives the real answer.
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
  const outside = state.selectedId !== null && state.selectedId !== state.myTeamId && state.me !== null;
  els.outside.hidden = !outside;
  els.placeholder.hidden = team !== null || outside;
  els.detail.hidden = team === null;
  els.teamSection.setAttribute("aria-labelledby", team ? "team-heading" : outside ? "outside-heading" : "team-placeholder-heading");

  if (outside) {
    const name = state.teams.find((t) => t.id === state.selectedId)?.name ?? "";
    els.outsideHeading.textContent = name;
    document.title = t("teamPageTitle", { team: name });
    els.askJoin.hidden = state.asked.has(state.selectedId);
    els.joinSent.hidden = !state.asked.has(state.selectedId);
    els.joinSent.textContent = t("joinSent", { team: name });
    return;
  }

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

  const requests = team.joinRequests ?? [];
  els.joinSection.hidden = requests.length === 0;
  const focusedRequest = els.joinList.contains(document.activeElement) ? document.activeElement.dataset.nurseId : null;
  els.joinList.replaceChildren(...requests.map(joinRequestItem));
  if (focusedRequest) {
    (els.joinList.querySelector(`[data-nurse-id="${CSS.escape(focusedRequest)}"]`) ?? els.nursesHeading).focus();
  }
}

function joinRequestItem(request) {
  const info = make("div", "nurse-info");
  const asked = make("time", "nurse-joined",
    t("askedOn", { date: new Date(request.askedAt).toLocaleDateString(locale(), { dateStyle: "long" }) }));
  asked.dateTime = request.askedAt;
  info.append(make("span", "nurse-name", request.name), asked);
  if (request.message) info.append(make("p", "join-message", request.message));

  const accept = make("button", "button primary", t("accept"));
  accept.type = "button";
  accept.dataset.nurseId = request.nurseId;
  accept.setAttribute("aria-label", t("acceptNurse", { name: request.name }));
  accept.addEventListener("click", () => answerJoin(request, "accept"));
  const decline = make("button", "button", t("decline"));
  decline.type = "button";
  decline.setAttribute("aria-label", t("declineNurse", { name: request.name }));
  decline.addEventListener("click", () => answerJoin(request, "decline"));

  const actions = make("div", "join-actions");
  actions.append(accept, decline);
  const item = make("li", "nurse");
  item.append(info, actions);
  return item;
}

async function answerJoin(request, answer) {
  const team = state.team;
  if (!team) return;
  // The thirteenth nurse divides the team: not to be done by a click meant as a welcome.
  if (answer === "accept" && team.nurses.length >= MAX_NURSES && !confirm(t("confirmDivide", { name: request.name }))) return;
  clearProblem(els.joinProblem);
  try {
    const path = `/api/teams/${team.id}/join-requests/${request.nurseId}/${answer}`;
    const result = await api(path, { method: "POST" });
    if (answer === "accept") show(result);
    announce(t(answer === "accept" ? "joinAccepted" : "joinDeclined", { name: request.name }));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(els.joinProblem, problem);
  }
  await refreshTeam(team.id);
  if (!els.joinList.contains(document.activeElement)) els.nursesHeading.focus();
}

function nurseItem(nurse) {
  const info = make("div", "nurse-info");
  const joined = make("time", "nurse-joined",
    t("joinedSince", { date: new Date(nurse.joinedAt).toLocaleDateString(locale(), { dateStyle: "long" }) }));
  joined.dateTime = nurse.joinedAt;
  info.append(make("span", "nurse-name", nurse.name), joined);
  const welcomer = nurse.acceptedBy && state.team?.nurses.find((n) => n.nurseId === nurse.acceptedBy);
  if (welcomer) info.append(make("span", "nurse-joined", t("welcomedBy", { name: welcomer.name })));

  const item = make("li", "nurse");
  item.dataset.nurseId = nurse.nurseId;
  item.append(info);
  return item;
}

async function leaveTeam() {
  const team = state.team;
  if (!team || !confirm(t("confirmLeave", { team: team.name }))) return;
  clearProblem(els.leaveProblem);
  try {
    await api(`/api/nurses/${state.me.subjectId}/team`, { method: "DELETE" });
    unwatch(team.id);
    state.myTeamId = null;
    state.team = null;
    announce(t("leftTeam", { team: team.name }));
    await loadTeams();
    renderTeam();
    els.outsideHeading.focus();
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(els.leaveProblem, problem);
  }
}

// ---------------------------------------------------------------- live updates

const stream = openStream({
  handlers: {
    TeamChanged: (change) => {
      if (!state.team || change.teamId !== state.team.id) return;
      if (change.version <= state.team.version) return; // already shown (often our own change)
      // Whether the next version or a gap, read the team: that is the only way to be sure.
      refreshTeam(change.teamId).then((shown) => {
        if (shown) announce(t("teamUpdated", { count: state.team.nurses.length, max: MAX_NURSES }));
      });
    },
  },
  watch: async (connection) => {
    const id = watchedId();
    if (id) show(await connection.invoke("WatchTeam", id));
  },
  // Anything may have changed while the page was not connected, or not seen.
  resync: async () => {
    const id = watchedId();
    await Promise.all([id ? refreshTeam(id) : null, loadTeams()]);
  },
});

// Events for other teams are ignored anyway, so a failed unwatch does no harm.
const unwatch = (id) => stream.invoke("UnwatchTeam", id).catch(() => {});

// ---------------------------------------------------------------- start-up

onNameSubmit(els.foundTeam, async (name) => {
  const team = await api("/api/teams", { method: "POST", body: { name } });
  // The founder is the new team's first nurse, and leaves the team she was in.
  if (state.myTeamId) unwatch(state.myTeamId);
  state.myTeamId = team.id;
  announce(t("teamFounded", { team: team.name }));
  await loadTeams();
  moveFocusToTeam = true;
  location.hash = `team=${team.id}`;
});

els.askJoin.addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = els.askJoin;
  if (form.getAttribute("aria-busy") === "true" || !state.selectedId) return;
  const box = form.querySelector(".problem");
  clearForm(box, form);
  form.setAttribute("aria-busy", "true");
  try {
    const message = $("join-message").value.trim();
    const asked = await api(`/api/teams/${state.selectedId}/join-requests`, { method: "POST", body: { message: message || null } });
    state.asked.add(asked.teamId);
    $("join-message").value = "";
    renderTeam();
    announce(t("joinSent", { team: asked.teamName }));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showFormProblem(box, problem, form);
  } finally {
    form.removeAttribute("aria-busy");
  }
});

els.leaveTeam.addEventListener("click", leaveTeam);

window.addEventListener("hashchange", () => selectTeam(teamIdFromHash()));

// The hash holds the chosen team, so the skip link moves focus without touching it.
els.skipLink.addEventListener("click", (event) => {
  event.preventDefault();
  (state.team ? els.teamHeading : els.teamSection).focus();
});

setUpPage(() => {
  stream.render();
  renderTeams();
  renderTeam();
});
// The teams page is the nurses' own; everyone else starts on the page for their role.
whoAmI().then(async (me) => {
  if (me.role !== "Nurse") {
    location.assign(homeOf[me.role]);
    return;
  }
  state.me = me;
  await Promise.all([loadTeams(), loadMyTeam()]);
  // Without a team chosen in the address, her own team opens.
  if (!teamIdFromHash() && state.myTeamId) location.hash = `team=${state.myTeamId}`;
  await selectTeam(teamIdFromHash());
}).catch(() => { /* not signed in: api() is on its way to the sign-in page */ });
