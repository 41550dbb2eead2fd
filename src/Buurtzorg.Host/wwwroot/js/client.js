// The page for a client and their family: who is coming when (first names only), and the care
// plan in plain words: what the team does, what family and neighbours do, and how it is going.
// Live: a change to the client's visits arrives as an event and the visits are read again.
import { addStrings, language, t } from "./i18n.js";
import { fillSelect } from "./labels.js";
import { loadNotes, renderNotes } from "./notes.js";
import { problemName } from "./omaha.js";
import { calendarFeed } from "./calendar-feed.js";
import { myData } from "./my-data.js";
import { dayPicker, daysText, personText, taskLines } from "./circle.js";
import { $, api, coalesce, formatDate, hhmm, homeOf, hubRefusalCode, isPassing, make, openStream, ownTeam, params, retryingRead, setUpPage, showProblem, todayIso, announce, clearProblem, whoAmI } from "./page.js";

addStrings({
  nl: {
    yourTasks: "Uw taken",
    circleHeading: "Wat wij zelf doen",
    circleHint: "Wat u en de mensen om u heen zelf doen. Stel het voor; het team spreekt het met u af.",
    circleAgreedHeading: "Afgesproken",
    circleNoneAgreed: "Er is nog niets afgesproken.",
    circleProposalsHeading: "Voorstellen",
    circleNoProposals: "Er zijn geen voorstellen.",
    circleProposeHeading: "Voorstellen wat u zelf doet",
    circleWhat: "Wat doet u?",
    circleDays: "Op welke dagen?",
    circleWhatTime: "Hoe laat? (mag leeg blijven)",
    circlePartLabel: "Of welk dagdeel",
    circlePartNone: "geen voorkeur",
    circlePartMorningOption: "ochtend",
    circlePartAfternoonOption: "middag",
    circlePartEveningOption: "avond",
    circleWho: "Wie?",
    circleWhoSelf: "Dit doet u zelf.",
    circleSelfOption: "ikzelf",
    circleSend: "Voorstel sturen",
    circleSent: "Uw voorstel is naar het team gestuurd.",
    circleWithdraw: "Voorstel intrekken",
    circleWithdrawFor: "Voorstel intrekken: {text}",
    circleWithdrawnNow: "Uw voorstel is ingetrokken.",
    youDoThis: "{task} — u doet dit zelf",
    doesThisThemself: "{task} — {who} doet dit zelf",
    partCircleTasks: "wat u en uw netwerk zelf doen",
    writeCarePlan: "Zorgplan schrijven",
    manageNetwork: "Netwerk: wie helpt mee",
    whoIsComing: "Wie komt wanneer",
    noVisits: "Er zijn de komende twee weken geen bezoeken gepland.",
    carePlan: "Zorgplan",
    noPlan: "Er is nog geen zorgplan.",
    today: "Vandaag",
    comes: "{names} komt",
    comeTogether: "{names} komen",
    notPlannedYet: "Nog niet bekend wie komt",
    betweenTimes: "tussen {from} en {to}",
    visitDone: "geweest",
    visitNotDone: "niet doorgegaan",
    planChanged: "Laatst bijgewerkt op {date}.",
    teamDoes: "Wat het team doet",
    networkDoes: "Wat familie en buren doen",
    howItGoes: "Hoe het gaat",
    someoneFromNetwork: "iemand uit uw netwerk",
    someoneElseFromNetwork: "iemand anders uit het netwerk",
    youTakeThisOn: "{task} — u neemt dit op zich",
    takesThisOn: "{task} — {who} neemt dit op zich",
    yourRelative: "uw {relation} {name}",
    perDay: "{times} keer per dag",
    perWeek: "{times} keer per week",
    timesAt: "{frequency}, tussen {from} en {to}, ongeveer {minutes} minuten",
    withTwoNurses: "met twee verpleegkundigen",
    knowledge: "Kennis",
    behavior: "Gedrag",
    status: "Status",
    ratingChange: "{concept}: van {from} naar {to} (van 5)",
    ratingOnly: "{concept}: {to} (van 5)",
    better: "beter",
    same: "gelijk",
    worse: "minder",
    signs: "Wat we zien: {signs}",
    visitsUpdated: "De bezoeken zijn bijgewerkt.",
    networkAccess: "Wie mag wat zien",
    networkAccessHint: "U bepaalt wat de mensen om u heen kunnen zien: niets, de agenda (wie wanneer komt) of ook het zorgplan.",
    accessNone: "Niets",
    accessAgenda: "De agenda",
    accessCarePlan: "Agenda en zorgplan",
    accessChanged: "{name} ziet nu: {access}.",
    relationFamily: "familie",
    relationNeighbour: "buur",
    relationInformalCarer: "mantelzorger",
    relationFriend: "vriend(in)",
    relationOther: "anders",
    accessLog: "Wie heeft uw dossier ingezien",
    accessLogHint: "Elke keer dat iemand uw gegevens bekijkt of wijzigt, staat hier: wie, wanneer en wat. Ook pogingen zonder toestemming.",
    logPerson: "{who} ({role}) — {what} · {times}×",
    logPersonRefused: "{who} ({role}) — {what} · {times}×, waarvan {refused}× zonder toegang",
    logFirstTime: "Nieuw",
    logOwnLooks: "U zelf — {times}×",
    logQuietWeek: "Deze week heeft niemand uw dossier ingezien.",
    logEarlier: "Eerdere dagen",
    partTeamMembership: "toegang als nieuwe collega in het team",
    roleNurse: "wijkverpleegkundige",
    roleClient: "uzelf",
    roleFamily: "uw netwerk",
    roleCentral: "centraal bureau",
    roleAnonymous: "iemand die niet was aangemeld",
    partAgenda: "bezoeken",
    partCarePlan: "zorgplan",
    partRecord: "gegevens en netwerk",
    partNetworkAccess: "wie wat mag zien",
    partAccessLog: "dit overzicht",
    accessLowered: "{client} heeft uw toegang aangepast; u ziet nu alleen wie wanneer komt.",
    accessGone: "U heeft geen toegang meer tot de gegevens van {client}.",
    teamDivided: "Uw team is gesplitst in twee kleinere teams. U hoort nu bij {team}.",
    teamChanged: "U hoort nu bij {team}.",
    teamDividedKept: "Uw team is gesplitst in twee kleinere teams. U en {client} horen nu bij {team}.",
    teamDividedLost: "Uw team is gesplitst in twee kleinere teams. {client} hoort nu bij het andere team, dat de zorg voortzet; u hoort bij {team} en ziet deze cliënt niet meer.",
    teamChangedKept: "U hoort nu bij {team}; {client} ook.",
    teamChangedLost: "U hoort nu bij {team}. {client} hoort niet bij dat team; u ziet deze cliënt niet meer.",
    noTeamNow: "U hoort op dit moment bij geen team, dus u ziet geen cliënten. Vraag op de pagina Teams of u bij een team mag komen.",
  },
  en: {
    yourTasks: "Your tasks",
    circleHeading: "What we do ourselves",
    circleHint: "What you and the people around you do yourselves. Propose it; the team agrees it with you.",
    circleAgreedHeading: "Agreed",
    circleNoneAgreed: "Nothing has been agreed yet.",
    circleProposalsHeading: "Proposals",
    circleNoProposals: "There are no proposals.",
    circleProposeHeading: "Propose what you do yourself",
    circleWhat: "What do you do?",
    circleDays: "On which days?",
    circleWhatTime: "What time? (may stay empty)",
    circlePartLabel: "Or which part of the day",
    circlePartNone: "no preference",
    circlePartMorningOption: "morning",
    circlePartAfternoonOption: "afternoon",
    circlePartEveningOption: "evening",
    circleWho: "Who?",
    circleWhoSelf: "You do this yourself.",
    circleSelfOption: "myself",
    circleSend: "Send proposal",
    circleSent: "Your proposal has been sent to the team.",
    circleWithdraw: "Withdraw proposal",
    circleWithdrawFor: "Withdraw proposal: {text}",
    circleWithdrawnNow: "Your proposal has been withdrawn.",
    youDoThis: "{task} — you do this yourself",
    doesThisThemself: "{task} — {who} does this themself",
    partCircleTasks: "what you and your network do yourselves",
    writeCarePlan: "Write the care plan",
    manageNetwork: "Network: who helps",
    whoIsComing: "Who is coming when",
    noVisits: "No visits are planned for the next two weeks.",
    carePlan: "Care plan",
    noPlan: "There is no care plan yet.",
    today: "Today",
    comes: "{names} is coming",
    comeTogether: "{names} are coming",
    notPlannedYet: "Not yet known who is coming",
    betweenTimes: "between {from} and {to}",
    visitDone: "done",
    visitNotDone: "did not take place",
    planChanged: "Last updated on {date}.",
    teamDoes: "What the team does",
    networkDoes: "What family and neighbours do",
    howItGoes: "How it is going",
    someoneFromNetwork: "someone from your network",
    someoneElseFromNetwork: "someone else in the network",
    youTakeThisOn: "{task} — you take this on",
    takesThisOn: "{task} — {who} takes this on",
    yourRelative: "your {relation} {name}",
    perDay: "{times} times a day",
    perWeek: "{times} times a week",
    timesAt: "{frequency}, between {from} and {to}, about {minutes} minutes",
    withTwoNurses: "with two nurses",
    knowledge: "Knowledge",
    behavior: "Behaviour",
    status: "Status",
    ratingChange: "{concept}: from {from} to {to} (out of 5)",
    ratingOnly: "{concept}: {to} (out of 5)",
    better: "better",
    same: "the same",
    worse: "worse",
    signs: "What we see: {signs}",
    visitsUpdated: "The visits have been updated.",
    networkAccess: "Who may see what",
    networkAccessHint: "You decide what the people around you can see: nothing, the agenda (who is coming when) or the care plan too.",
    accessNone: "Nothing",
    accessAgenda: "The agenda",
    accessCarePlan: "Agenda and care plan",
    accessChanged: "{name} now sees: {access}.",
    relationFamily: "family",
    relationNeighbour: "neighbour",
    relationInformalCarer: "informal carer",
    relationFriend: "friend",
    relationOther: "other",
    accessLog: "Who looked at your record",
    accessLogHint: "Every time someone views or changes your data, it is listed here: who, when and what. Attempts without permission too.",
    logPerson: "{who} ({role}) — {what} · {times}×",
    logPersonRefused: "{who} ({role}) — {what} · {times}×, of which {refused}× refused",
    logFirstTime: "New",
    logOwnLooks: "You — {times}×",
    logQuietWeek: "Nobody looked at your record this week.",
    logEarlier: "Earlier days",
    partTeamMembership: "access as a new colleague in the team",
    roleNurse: "nurse",
    roleClient: "you",
    roleFamily: "your network",
    roleCentral: "central office",
    roleAnonymous: "someone not signed in",
    partAgenda: "visits",
    partCarePlan: "care plan",
    partRecord: "details and network",
    partNetworkAccess: "who may see what",
    partAccessLog: "this overview",
    accessLowered: "{client} has changed your access; you now only see who is coming when.",
    accessGone: "You no longer have access to {client}'s details.",
    teamDivided: "Your team has split into two smaller teams. You are now in {team}.",
    teamChanged: "You are now in {team}.",
    teamDividedKept: "Your team has split into two smaller teams. You and {client} are now in {team}.",
    teamDividedLost: "Your team has split into two smaller teams. {client} is now in the other team, which carries on the care; you are in {team} and no longer see this client.",
    teamChangedKept: "You are now in {team}; so is {client}.",
    teamChangedLost: "You are now in {team}. {client} is not in that team; you no longer see this client.",
    noTeamNow: "You are not in a team at the moment, so you see no clients. Ask to join one on the Teams page.",
  },
});

// The client and their family subscribe to the visits; a nurse has her own round's feed.
const clientFeed = calendarFeed("client-feed", "feedHintClient");
const dataPanel = myData("my-data");

const state = {
  clientId: params.get("client") ?? "",
  client: null,
  plan: null,
  circle: null, // what the client's circle does and proposes, as this visitor may see it
  visits: null,
  access: "full", // "full", "lowered" (the care plan was taken away while open) or "gone"
};

async function loadTeams() {
  try {
    state.me = await whoAmI();
    if (state.me.role === "Central") {
      location.assign(homeOf.Central);
      return;
    }
    if (state.me.role !== "Nurse") {
      // A client, or someone from their network: the clients who gave them access, nothing to choose a team for.
      $("team-field").hidden = true;
      const only = state.me.clients.length === 1 ? state.me.clients[0].id : "";
      const asked = state.clientId;
      fillSelect($("client-select"), state.me.clients.map((c) => ({ value: c.id, label: c.name })), asked || only);
      // A link to someone else's client: the server decides (and logs the attempt), the page says its answer.
      if (asked && !state.me.clients.some((c) => c.id === asked)) await api(`/api/clients/${encodeURIComponent(asked)}/visits`);
      await chooseClient($("client-select").value);
      return;
    }
    const team = await ownTeam(state.me);
    fillSelect($("team-select"), team ? [{ value: team.id, label: team.name }] : [], team?.id ?? "");
    if ($("team-select").value) await chooseTeam($("team-select").value);
  } catch (problem) {
    showProblem($("who-problem"), problem);
  }
}

async function chooseTeam(teamId) {
  clearProblem($("who-problem"));
  state.teamId = teamId;
  params.set({ team: teamId });
  const clients = teamId ? await api(`/api/teams/${teamId}/clients`) : [];
  fillSelect($("client-select"), clients.map((c) => ({ value: c.id, label: c.name })), state.clientId);
  await chooseClient($("client-select").value);
}

/**
 * A nurse's team changed under the open page (it divided, or she moved): her own record says
 * where she is now. The page moves there without a reload and says, in words, whether the client
 * on screen came along or went to the other team.
 */
let following = null;
function followOwnTeam() {
  if (state.me?.role !== "Nurse") return Promise.resolve();
  following ??= moveToOwnTeam(state.teamId).finally(() => { following = null; });
  return following;
}

async function moveToOwnTeam(from) {
  const team = await ownTeam(state.me);
  if ((team?.id ?? "") === from) return;
  const client = $("client-select").selectedOptions[0]?.textContent ?? "";
  const clients = team ? await api(`/api/teams/${team.id}/clients`) : [];
  const kept = clients.some((c) => c.id === state.clientId);
  const divided = team?.parentTeamId && team.parentTeamId === from;
  const key = !team ? "noTeamNow" : `${divided ? "teamDivided" : "teamChanged"}${!state.clientId ? "" : kept ? "Kept" : "Lost"}`;
  const note = t(key, { team: team?.name ?? "", client });
  fillSelect($("team-select"), team ? [{ value: team.id, label: team.name }] : [], team?.id ?? "");
  $("team-note").textContent = note;
  $("team-note").hidden = false;
  announce(note);
  if (!kept) state.clientId = "";
  await chooseTeam(team?.id ?? "");
}

async function chooseClient(clientId) {
  state.clientId = clientId;
  state.access = "full";
  params.set({ client: clientId });
  $("client").hidden = !clientId;
  // A nurse watches her team even with no client chosen: a division must still reach the page.
  if (!clientId) {
    await stream.rewatch();
    return;
  }
  // Each part as far as this visitor may see it: a relative with "agenda" access sees the visits only.
  const role = state.me.role;
  const [client, plan, circle] = await Promise.all([
    role === "Nurse" || role === "Client" ? api(`/api/clients/${clientId}`) : null,
    optional(api(`/api/clients/${clientId}/care-plan`)),
    optional(api(`/api/clients/${clientId}/care-plan/circle-tasks`)),
  ]);
  state.client = client ?? { network: [] };
  state.plan = plan;
  state.circle = circle;
  $("plan-heading").closest("section").hidden = plan === null;
  await stream.rewatch();
  await loadVisits();
  await clientFeed.show((role === "Client" || role === "Family") && state.access !== "gone" ? `/api/clients/${clientId}/calendar` : null);
  dataPanel.show(role, clientId);
  await loadAccessLog();
  await loadNotes(clientId, state.me, plan !== null);
  render();
}

/** null where the visitor has no access to that part (the server answers 404 for it). */
async function optional(request) {
  try {
    return await request;
  } catch (problem) {
    if (problem.status === 404) return null;
    throw problem;
  }
}

/** The client decides per person in their network: nothing, the agenda, or the care plan too. */
function renderNetwork() {
  $("network").hidden = state.me.role !== "Client";
  if ($("network").hidden) return;
  $("network-list").replaceChildren(...state.client.network.map((member) => {
    const item = make("li");
    const id = `access-${member.id}`;
    const label = make("label", null, `${member.details.name} (${member.details.relationDescription ?? t(`relation${member.details.relation}`)})`);
    label.htmlFor = id;
    const select = make("select");
    select.id = id;
    for (const level of ["None", "Agenda", "CarePlan"]) {
      const option = make("option", null, t(`access${level}`));
      option.value = level;
      option.selected = member.access === level;
      select.append(option);
    }
    select.addEventListener("change", async () => {
      clearProblem($("network-problem"));
      try {
        state.client = await api(`/api/clients/${state.clientId}/network/${member.id}/access`, { method: "PUT", body: { access: select.value } });
        announce(t("accessChanged", { name: member.details.name, access: t(`access${select.value}`) }));
      } catch (problem) {
        showProblem($("network-problem"), problem);
      }
    });
    item.append(label, select);
    return item;
  }));
}

/** The log a week at a time, newest first; "Eerdere dagen" adds the week before. */
async function loadAccessLog(through = null) {
  $("access-log").hidden = state.me.role !== "Client";
  if ($("access-log").hidden) return;
  try {
    const page = await api(`/api/clients/${state.clientId}/access-log/days${through ? `?through=${through}` : ""}`);
    if (!through) $("log-days").replaceChildren();
    $("log-days").append(...page.days.map(logDay));
    if (!through && page.days.length === 0) $("log-days").append(make("p", "muted", t("logQuietWeek")));
    $("log-more").hidden = !page.earlier;
    $("log-more").onclick = () => loadAccessLog(page.earlier);
  } catch (problem) {
    showProblem($("log-problem"), problem);
  }
}

// Grants name the nurse let in; every other line names the part of the record.
const partName = (what) => t(what.startsWith("TeamMembership") ? "partTeamMembership" : `part${what}`);

/** One day: each other person once (refusals and newcomers first), the client's own looks as a count. */
function logDay(day) {
  const section = make("section", "log-day");
  section.append(make("h3", null, day.date === todayIso() ? `${t("today")}, ${formatDate(day.date)}` : formatDate(day.date)));
  const list = make("ul", "access-log");
  for (const person of day.others) {
    const who = person.name ?? t(`role${person.role}`);
    const item = make("li", person.refused ? "refused" : null);
    if (person.firstTime) item.append(make("span", "log-new", t("logFirstTime")), " ");
    item.append(t(person.refused ? "logPersonRefused" : "logPerson", {
      who, role: t(`role${person.role}`), what: person.what.map(partName).join(", "), times: person.times, refused: person.refused,
    }));
    list.append(item);
  }
  if (day.ownLooks) list.append(make("li", "log-own", t("logOwnLooks", { times: day.ownLooks })));
  section.append(list);
  return section;
}

const loadVisits = retryingRead(async () => {
  if (!state.clientId) return;
  try {
    state.visits = await api(`/api/clients/${state.clientId}/visits`);
    clearProblem($("visits-problem"));
    renderVisits();
  } catch (problem) {
    // The client took this visitor's access away while the page was open: say so, in our words.
    if (problem.status === 404 && state.me.role === "Family") {
      await accessChanged();
      return;
    }
    // A nurse whose team divided or who moved: go where she is now.
    if (problem.status === 404 && state.me.role === "Nurse") {
      await followOwnTeam();
      return;
    }
    if (isPassing(problem)) throw problem;
    showProblem($("visits-problem"), problem);
  }
}, $("visits-problem"));

/**
 * Reads again what this visitor may still see of the client, after the client changed their
 * access (or a watch ended): the care plan goes at "agenda", everything at "nothing".
 */
const accessChanged = coalesce(async () => {
  if (!state.clientId || state.me.role !== "Family") return;
  const clientId = state.clientId;
  const [plan, visits, circle] = await Promise.all([
    optional(api(`/api/clients/${clientId}/care-plan`)),
    optional(api(`/api/clients/${clientId}/visits`)),
    optional(api(`/api/clients/${clientId}/care-plan/circle-tasks`)),
  ]);
  if (clientId !== state.clientId) return;
  const before = state.access;
  const hadPlan = state.plan !== null;
  state.plan = plan;
  state.circle = circle;
  state.visits = visits;
  state.access = visits === null ? "gone" : plan === null && (hadPlan || before === "lowered") ? "lowered" : "full";
  if (visits !== null) clearProblem($("visits-problem"));
  await loadNotes(clientId, state.me, plan !== null);
  render();
  if (state.access !== before && state.access !== "full") announce(accessNotice());
});

function clientName() {
  return state.me?.clients?.find((c) => c.id === state.clientId)?.name ?? state.client?.details?.name ?? "";
}

function accessNotice() {
  return t(state.access === "gone" ? "accessGone" : "accessLowered", { client: clientName() });
}

function renderAccess() {
  const notice = $("access-notice");
  notice.hidden = state.access === "full";
  notice.textContent = notice.hidden ? "" : accessNotice();
  $("visits-heading").closest("section").hidden = state.access === "gone";
  // Withdrawn access ends the feed on the server too; there is nothing left to subscribe to.
  if (state.access === "gone") clientFeed.show(null);
  $("plan-heading").closest("section").hidden = state.plan === null;
}

function render() {
  if (!state.client) return;
  renderAccess();
  renderVisits();
  renderPlan();
  renderCircle();
  renderNetwork();
  renderNotes();
}

function renderVisits() {
  if (!state.visits) return;
  const byDay = Map.groupBy(state.visits.visits, (v) => v.date);
  const days = [...byDay.entries()].map(([date, visits]) => {
    const item = make("li", "day");
    const heading = make("h3", null, date === todayIso() ? `${t("today")}, ${formatDate(date)}` : formatDate(date));
    const list = make("ul", "visit-list");
    list.append(...visits.map((v) => {
      const entry = make("li", "visit");
      entry.dataset.visit = v.visitId;
      const who = v.nurseFirstNames.length === 0
        ? t("notPlannedYet")
        : t(v.nurseFirstNames.length > 1 ? "comeTogether" : "comes", { names: v.nurseFirstNames.join(" & ") });
      entry.append(make("p", "who", who));
      const when = t("betweenTimes", { from: hhmm(v.windowStart), to: hhmm(v.windowEnd) });
      entry.append(make("p", "muted", v.whatFor ? `${when} · ${v.whatFor}` : when));
      if (v.status === "Done") entry.append(make("p", "status done", t("visitDone")));
      if (v.status === "NotDone") entry.append(make("p", "status not-done", t("visitNotDone")));
      return entry;
    }));
    item.append(heading, list);
    return item;
  });
  $("visit-days").replaceChildren(...days);
  $("no-visits").hidden = days.length > 0;
}

function frequency(schedule) {
  // The circle's weekly tasks name their days ("op dinsdag en vrijdag"); the team's visits how often.
  if (schedule.days?.length) {
    // The circle's own time is theirs: the days, and the hours only where a time was agreed.
    const days = t("circleOnDays", { days: daysText(schedule.days) });
    const allDay = hhmm(schedule.windowStart) === "07:00" && hhmm(schedule.windowEnd) === "23:00";
    return allDay ? days : `${days}, ${t("betweenTimes", { from: hhmm(schedule.windowStart), to: hhmm(schedule.windowEnd) })}`;
  }
  const often = t(schedule.period === "Day" ? "perDay" : "perWeek", { times: schedule.timesPerPeriod });
  const text = t("timesAt", { frequency: often, from: hhmm(schedule.windowStart), to: hhmm(schedule.windowEnd), minutes: schedule.durationMinutes });
  return schedule.twoNurses ? `${text}, ${t("withTwoNurses")}` : text;
}

function ratingLines(ratings) {
  if (!ratings.length) return [];
  const first = ratings[0];
  const last = ratings.at(-1);
  return [["knowledge", "knowledge"], ["behavior", "behavior"], ["status", "status"]].map(([field, concept]) => {
    if (ratings.length === 1) return t("ratingOnly", { concept: t(concept), to: last[field] });
    const trend = last[field] > first[field] ? "better" : last[field] < first[field] ? "worse" : "same";
    return `${t("ratingChange", { concept: t(concept), from: first[field], to: last[field] })}: ${t(trend)}`;
  });
}

/**
 * Who takes a task on, said to whoever reads it: a relative reads "u" for their own tasks, the
 * client reads "uw dochter Sanne", a nurse the name.
 */
function takenOnBy(intervention, members) {
  const task = intervention.description;
  if (intervention.performedBy === "Client") {
    return state.me.role === "Client" ? t("youDoThis", { task }) : t("doesThisThemself", { task, who: clientName() });
  }
  const me = state.me.clients.find((c) => c.id === state.clientId)?.memberId;
  if (me && me === intervention.networkMemberId) return t("youTakeThisOn", { task });
  const member = members.get(intervention.networkMemberId);
  if (!member) return t("takesThisOn", { task, who: t(state.me.role === "Client" ? "someoneFromNetwork" : "someoneElseFromNetwork") });
  const who = state.me.role === "Client" && member.relationDescription
    ? t("yourRelative", { relation: member.relationDescription, name: member.name })
    : member.name;
  return t("takesThisOn", { task, who });
}

function renderPlan() {
  const plan = state.plan;
  if (!plan) return;
  $("no-plan").hidden = plan.problems.length > 0;
  $("plan-write").hidden = state.me.role !== "Nurse";
  $("plan-write-link").href = `careplan.html?client=${encodeURIComponent(state.clientId)}`;
  // The network's own screen: the client and the team's nurses add and remove people there.
  $("network-manage").hidden = !["Nurse", "Client"].includes(state.me.role);
  $("network-manage-link").href = `network.html?client=${encodeURIComponent(state.clientId)}`;
  $("plan-changed").textContent = plan.changedAt ? t("planChanged", { date: formatDate(plan.changedAt.slice(0, 10), { day: "numeric", month: "long", year: "numeric" }) }) : "";
  const members = new Map(state.client.network.map((m) => [m.id, m.details]));
  $("plan-problems").replaceChildren(...plan.problems.map((problem) => {
    const article = make("article", "plan-problem");
    article.append(make("h3", null, problemName(problem.code)));
    if (problem.signsAndSymptoms.length) article.append(make("p", "muted", t("signs", { signs: problem.signsAndSymptoms.join(", ") })));
    const section = (title, items) => {
      if (!items.length) return;
      article.append(make("h4", null, title));
      const list = make("ul");
      list.append(...items.map((text) => make("li", null, text)));
      article.append(list);
    };
    section(t("teamDoes"), problem.interventions.filter((i) => i.performedBy === "Team").map((i) => `${i.description} — ${frequency(i.schedule)}`));
    section(t("networkDoes"), problem.interventions.filter((i) => i.performedBy === "Network" || i.performedBy === "Client")
      .map((i) => `${takenOnBy(i, members)} · ${frequency(i.schedule)}`));
    section(t("howItGoes"), ratingLines(problem.ratings));
    return article;
  }));
}

// What the client's circle does itself: their own tasks first, then what was agreed and what was proposed.

const daysField = dayPicker(t("circleDays"));
$("circle-days-slot").append(daysField);

function renderCircle() {
  const circle = state.access === "full" ? state.circle : null;
  $("circle").hidden = circle === null;
  const own = circle?.tasks.filter((task) => task.doneBy.isYou && ["Agreed", "Adjusted"].includes(task.status)) ?? [];
  $("own-tasks").hidden = own.length === 0;
  $("own-task-list").replaceChildren(...own.map((task) => circleItem(task, false)));
  if (!circle) return;
  const agreed = circle.tasks.filter((task) => ["Agreed", "Adjusted"].includes(task.status));
  const proposals = circle.tasks.filter((task) => !["Agreed", "Adjusted"].includes(task.status));
  $("circle-agreed").replaceChildren(...agreed.map((task) => circleItem(task, true)));
  $("no-circle-agreed").hidden = agreed.length > 0;
  $("circle-proposals").replaceChildren(...proposals.map((task) => circleItem(task, true)));
  $("no-circle-proposals").hidden = proposals.length > 0;
  renderCircleForm(circle);
}

function circleItem(task, showDoer) {
  const item = make("li", `circle-task status-${task.status.toLowerCase()}`);
  item.dataset.task = task.id;
  item.append(...taskLines(task, { showDoer }));
  if (task.canWithdraw) {
    const withdraw = make("button", "button", t("circleWithdraw"));
    withdraw.type = "button";
    withdraw.setAttribute("aria-label", t("circleWithdrawFor", { text: task.text }));
    withdraw.addEventListener("click", async () => {
      clearProblem($("circle-problem"));
      try {
        await api(`/api/clients/${state.clientId}/care-plan/circle-tasks/${task.id}/withdraw`, { method: "POST", body: {} });
        await loadCircle();
        announce(t("circleWithdrawnNow"));
      } catch (problem) {
        showProblem($("circle-problem"), problem);
      }
    });
    item.append(withdraw);
  }
  return item;
}

function renderCircleForm(circle) {
  const choices = circle.mayProposeFor;
  $("circle-form").hidden = choices.length === 0;
  if (!choices.length) return;
  daysField.relabel(t("circleDays"));
  const part = $("circle-part");
  fillSelect(part, ["Morning", "Afternoon", "Evening"].map((p) => ({ value: p, label: t(`circlePart${p}Option`) })), part.value);
  part.options[0].removeAttribute("data-i18n");
  part.options[0].textContent = t("circlePartNone");
  // A relative proposes for herself; the client for themself or anyone in their network.
  const alone = choices.length === 1 && choices[0].isYou;
  $("circle-who-field").hidden = alone;
  $("circle-who-self").hidden = !alone;
  const who = $("circle-who");
  const chosen = who.value;
  who.replaceChildren(...choices.map((person) => {
    const option = make("option", null, person.isYou ? t("circleSelfOption") : personText(person));
    option.value = person.kind === "NetworkMember" && !person.isYou ? person.id : "";
    return option;
  }));
  who.value = chosen;
  if (who.selectedIndex < 0) who.selectedIndex = 0;
}

async function loadCircle() {
  state.circle = await optional(api(`/api/clients/${state.clientId}/care-plan/circle-tasks`));
  renderCircle();
}

$("circle-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const box = $("circle-form-problem");
  clearProblem(box);
  const body = {
    text: $("circle-text").value,
    days: daysField.read(),
    at: $("circle-at").value || null,
    partOfDay: $("circle-part").value || null,
    networkMemberId: $("circle-who-field").hidden ? null : $("circle-who").value || null,
  };
  $("circle-form").setAttribute("aria-busy", "true");
  try {
    await api(`/api/clients/${state.clientId}/care-plan/circle-tasks`, { method: "POST", body });
    $("circle-form").reset();
    await loadCircle();
    announce(t("circleSent"));
  } catch (problem) {
    showProblem(box, problem, {
      fields: { text: t("circleWhat"), days: t("circleDays"), at: t("circleWhatTime"), partOfDay: t("circlePartLabel"), networkMemberId: t("circleWho") },
    });
  } finally {
    $("circle-form").removeAttribute("aria-busy");
  }
});

const stream = openStream({
  handlers: {
    AccessChanged: (clientId) => {
      if (clientId === state.clientId) accessChanged();
    },
    WatchEnded: () => (state.me?.role === "Nurse" ? followOwnTeam() : accessChanged()),
    TeamChanged: (change) => {
      if (change.kind === "Divided" && change.teamId === state.teamId) followOwnTeam();
    },
    ScheduleChanged: (change) => {
      if (state.clientId && change.clientIds.includes(state.clientId)) {
        loadVisits().then(() => announce(t("visitsUpdated")));
      }
    },
  },
  watch: async (connection) => {
    // A nurse hears of her team's changes too (a division moves her and maybe the client away).
    if (state.me?.role === "Nurse" && state.teamId) await connection.invoke("WatchTeam", state.teamId);
    if (!state.clientId) return;
    try {
      await connection.invoke("WatchClient", state.clientId);
    } catch (refusal) {
      // No access (any more): the visits read that follows says so; the connection stays up.
      // A watch the host could not serve yet goes back to the stream, which asks again.
      if (hubRefusalCode(refusal) === "watch-unavailable") throw refusal;
    }
  },
  resync: () => loadVisits(),
});

$("team-select").addEventListener("change", (event) => chooseTeam(event.target.value).catch((p) => showProblem($("who-problem"), p)));
$("client-select").addEventListener("change", (event) => chooseClient(event.target.value).catch((p) => showProblem($("who-problem"), p)));

setUpPage(() => {
  stream?.render?.();
  render();
  clientFeed.render();
  dataPanel.render();
});
loadTeams();
