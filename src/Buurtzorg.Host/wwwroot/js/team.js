// A team looks at itself (what Buurtzorgweb gives a team): its hours and productivity, its
// caseload, and continuity: how many different nurses each client saw. For the team's own
// nurses only (the server refuses anyone else); counts only, no client or nurse named. Live:
// a change to the team or its schedule reads the figures again.
import { addStrings, t } from "./i18n.js";
import { $, announce, api, clearProblem, homeOf, isPassing, make, openStream, ownTeam, retryingRead, setUpPage, showProblem, whoAmI } from "./page.js";

addStrings({
  nl: {
    monitorIntro: "Hoe ons team ervoor staat: alleen voor de verpleegkundigen van het team. Geen namen, alleen aantallen.",
    monitorTitle: "Ons team: {team}",
    noTeamYet: "U hoort nog niet bij een team.",
    hoursHeading: "Uren",
    caseloadHeading: "Cliënten en bezoeken",
    continuityHeading: "Vaste gezichten",
    continuityIntro: "Per cliënt: hoeveel verschillende verpleegkundigen kwamen. Hoe minder, hoe beter: cliënten kennen hun verpleegkundigen en andersom.",
    productivityExplained: "Productiviteit: cliëntenuren gedeeld door contracturen. Cliëntenuren zijn de bezoekuren van deze week (maandag tot en met zondag): de gemelde duur van bevestigde bezoeken en de geplande duur van de rest; niet doorgegane bezoeken tellen niet, een bezoek met twee verpleegkundigen telt dubbel. Buurtzorg streeft naar ongeveer 60 %.",
    "monitor.nurses": "Verpleegkundigen",
    "monitor.contract": "Contracturen per week",
    "monitor.rostered": "Ingeroosterd per week",
    "monitor.demand": "Zorgplannen vragen (uur/week)",
    "monitor.visitHours": "Cliëntenuren deze week",
    "monitor.confirmed": "Bevestigd deze week (uur)",
    "monitor.productivity": "Productiviteit",
    "monitor.clients": "Cliënten in zorg",
    "monitor.waiting": "Wachtend",
    "monitor.visits": "Bezoeken deze week",
    "monitor.visitsPerClient": "Bezoeken per cliënt per week",
    pastHeading: "Afgelopen vier weken (bevestigde bezoeken)",
    comingHeading: "Komende twee weken (ingeplande bezoeken)",
    bandRange: "{from}–{to} verpleegkundigen",
    bandOpen: "{from} of meer verpleegkundigen",
    bandClients: "{count} cliënten",
    bandClient: "1 cliënt",
    continuityAverage: "Gemiddeld {average} verpleegkundigen per cliënt ({clients} cliënten).",
    continuityNone: "Nog geen bezoeken in deze periode.",
    monitorUpdated: "De cijfers van het team zijn bijgewerkt.",
    noValue: "–",
  },
  en: {
    monitorIntro: "How our team is doing: for the team's own nurses only. No names, counts only.",
    monitorTitle: "Our team: {team}",
    noTeamYet: "You are not in a team yet.",
    hoursHeading: "Hours",
    caseloadHeading: "Clients and visits",
    continuityHeading: "Familiar faces",
    continuityIntro: "Per client: how many different nurses came. The fewer the better: clients know their nurses and the other way round.",
    productivityExplained: "Productivity: client hours divided by contract hours. Client hours are this week's visit hours (Monday to Sunday): the reported length of confirmed visits and the planned length of the rest; visits not done do not count, a visit by two nurses counts twice. Buurtzorg aims for about 60 %.",
    "monitor.nurses": "Nurses",
    "monitor.contract": "Contract hours per week",
    "monitor.rostered": "Rostered per week",
    "monitor.demand": "Care plans ask (h/week)",
    "monitor.visitHours": "Client hours this week",
    "monitor.confirmed": "Confirmed this week (h)",
    "monitor.productivity": "Productivity",
    "monitor.clients": "Clients in care",
    "monitor.waiting": "Waiting",
    "monitor.visits": "Visits this week",
    "monitor.visitsPerClient": "Visits per client per week",
    pastHeading: "Last four weeks (confirmed visits)",
    comingHeading: "Coming two weeks (planned visits)",
    bandRange: "{from}–{to} nurses",
    bandOpen: "{from} or more nurses",
    bandClients: "{count} clients",
    bandClient: "1 client",
    continuityAverage: "On average {average} nurses per client ({clients} clients).",
    continuityNone: "No visits in this period yet.",
    monitorUpdated: "The team's figures have been updated.",
    noValue: "–",
  },
});

const state = { team: null, monitor: null };
const locale = () => (document.documentElement.lang === "nl" ? "nl-NL" : "en-GB");
const number = (value, digits = 0) => value.toLocaleString(locale(), { maximumFractionDigits: digits });

const load = retryingRead(async () => {
  if (!state.team) return;
  try {
    const first = state.monitor === null;
    state.monitor = await api(`/api/teams/${state.team.id}/monitor`);
    clearProblem($("monitor-problem"));
    render();
    if (!first) announce(t("monitorUpdated"));
  } catch (problem) {
    if (isPassing(problem)) throw problem;
    showProblem($("monitor-problem"), problem);
  }
}, $("monitor-problem"));

function figures(list, items) {
  list.replaceChildren(...items.map(([key, value]) => {
    const wrapper = make("div", "figure");
    wrapper.dataset.figure = key;
    wrapper.append(make("dt", null, t(`monitor.${key}`)), make("dd", null, value));
    return wrapper;
  }));
}

function continuity(box, heading, figures) {
  const title = make("h3", null, t(heading));
  title.id = `${box.id}-heading`;
  if (figures.clients === 0) {
    box.replaceChildren(title, make("p", "muted", t("continuityNone")));
    return;
  }
  const most = Math.max(1, ...figures.bands.map((b) => b.clients));
  const list = make("ul", "band-list");
  list.setAttribute("aria-labelledby", title.id);
  list.append(...figures.bands.map((band) => {
    const item = make("li", "band");
    item.dataset.from = band.from;
    const label = band.to === null ? t("bandOpen", { from: band.from }) : t("bandRange", { from: band.from, to: band.to });
    const count = band.clients === 1 ? t("bandClient") : t("bandClients", { count: band.clients });
    const bar = make("span", "band-bar");
    bar.setAttribute("aria-hidden", "true");
    bar.style.setProperty("--share", `${(100 * band.clients) / most}%`);
    item.append(make("span", "band-label", `${label}:`), make("span", "band-count", count), bar);
    return item;
  }));
  const average = make("p", "continuity-average", t("continuityAverage", { average: number(figures.averageNurses, 1), clients: figures.clients }));
  box.replaceChildren(title, list, average);
}

function render() {
  const m = state.monitor;
  if (!m) return;
  $("monitor-title").textContent = t("monitorTitle", { team: m.teamName });
  document.title = `${t("navOwnTeam")} – Buurtzorg`;
  for (const id of ["hours-panel", "caseload-panel", "continuity-panel"]) $(id).hidden = false;
  figures($("hours-figures"), [
    ["nurses", number(m.nurses)], ["contract", number(m.contractHoursPerWeek, 1)], ["rostered", number(m.rosteredHoursPerWeek, 1)],
    ["demand", number(m.demandHoursPerWeek, 1)], ["visitHours", number(m.visitHoursThisWeek, 1)], ["confirmed", number(m.confirmedHoursThisWeek, 1)],
    ["productivity", m.productivityPercent === null ? t("noValue") : `${m.productivityPercent} %`],
  ]);
  figures($("caseload-figures"), [
    ["clients", number(m.activeClients)], ["waiting", number(m.waitingClients)], ["visits", number(m.visitsThisWeek)],
    ["visitsPerClient", m.activeClients > 0 ? number(m.visitsThisWeek / m.activeClients, 1) : t("noValue")],
  ]);
  continuity($("continuity-past"), "pastHeading", m.lastFourWeeks);
  continuity($("continuity-coming"), "comingHeading", m.comingTwoWeeks);
}

const stream = openStream({
  handlers: {
    TeamChanged: () => load(),
    ScheduleChanged: () => load(),
  },
  watch: async (connection) => {
    if (state.team) await connection.invoke("WatchTeam", state.team.id);
  },
  resync: () => load(),
});

setUpPage(() => {
  stream?.render?.();
  render();
});

whoAmI().then(async (me) => {
  if (me.role !== "Nurse") {
    location.assign(homeOf[me.role]);
    return;
  }
  state.team = await ownTeam(me);
  if (!state.team) {
    $("no-team").hidden = false;
    return;
  }
  await stream.rewatch();
  await load();
}).catch(() => { /* not signed in: api() is on its way to the sign-in page */ });
