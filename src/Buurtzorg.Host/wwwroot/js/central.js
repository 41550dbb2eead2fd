// Central staff watch capacity: demand against supply hours per region and team, coverage per
// part of the day, teams about to split, open visit hours. Supply is contract hours, of which
// about 60 % is time with clients. Aggregates only; the server withholds counts under five.
// Live: every capacity change is an event, and the page reads the overview again.
import { addStrings, t } from "./i18n.js";
import { fillSelect } from "./labels.js";
import { $, announce, api, clearProblem, homeOf, isPassing, make, openStream, params, retryingRead, setUpPage, showProblem, whoAmI } from "./page.js";

addStrings({
  nl: {
    capacityTitle: "Capaciteit van de teams",
    capacityIntro: "Vraag en aanbod in uren per week. Aanbod is de som van de contracturen; daarvan gaat ongeveer 60 % naar directe cliëntenzorg (de rest is reistijd, overleg, administratie en scholing). Alleen totalen: geen gegevens van cliënten of verpleegkundigen. Aantallen cliënten onder de 5, en totalen waaruit die af te leiden zijn, zijn afgeschermd.",
    nation: "Nederland",
    regions: "Regio's",
    teamsInRegion: "Teams per regio",
    region: "Regio",
    teamName: "Team",
    teamsCount: "Teams",
    nursesCount: "Verpleegkundigen",
    supply: "Aanbod: contracturen (uur/week)",
    directCare: "Voor cliënten, 60 % (uur/week)",
    coverageHeading: "Dekking per dagdeel",
    coverageIntro: "Per dagdeel: vraag / aanbod voor cliënten, in uren per week. Aanbod is 60 % van de ingeroosterde uren in dat dagdeel; een bezoek telt in het dagdeel waar het midden van zijn tijdvenster valt. Te weinig aanbod: meer vraag dan aanbod, of bezoeken die in geen dienst van een bevoegde verpleegkundige passen.",
    "part.Morning": "Ochtend (7–12)",
    "part.Afternoon": "Middag (12–17)",
    "part.Evening": "Avond (17–23)",
    "part.Night": "Nacht (23–7)",
    shortIn: "Te weinig aanbod: {part}",
    shortMark: "te weinig aanbod",
    uncoveredMark: "{hours} uur in geen dienst",
    demand: "Vraag (uur/week)",
    open: "Open bezoekuren",
    confirmedHours: "Bevestigd deze week (uur)",
    activeClients: "Cliënten",
    waitingClients: "Wachtend",
    nearSplit: "Bijna splitsen",
    overCapacity: "Te weinig aanbod",
    suppressed: "afgeschermd",
    yesWord: "ja",
    chartCaption: "Vraag en aanbod per team in {region}, in uren per week",
    chartLegendSupply: "aanbod",
    chartLegendDemand: "vraag",
    chartBar: "{team}: aanbod {supply} uur, vraag {demand} uur",
    capacityUpdated: "De cijfers zijn bijgewerkt.",
  },
  en: {
    capacityTitle: "Team capacity",
    capacityIntro: "Demand and supply in hours per week. Supply is the sum of contract hours; about 60 % of it goes to direct client care (the rest is travel, meetings, administration and training). Totals only: no client or nurse data. Client counts under 5, and totals they could be worked out from, are withheld.",
    nation: "The Netherlands",
    regions: "Regions",
    teamsInRegion: "Teams by region",
    region: "Region",
    teamName: "Team",
    teamsCount: "Teams",
    nursesCount: "Nurses",
    supply: "Supply: contract hours (h/week)",
    directCare: "For clients, 60 % (h/week)",
    coverageHeading: "Coverage by part of the day",
    coverageIntro: "Per part of the day: demand / supply for clients, in hours per week. Supply is 60 % of the rostered hours in that part; a visit counts in the part where the middle of its time window falls. Short of supply: more demand than supply, or visits that fit no shift of a qualified nurse.",
    "part.Morning": "Morning (7–12)",
    "part.Afternoon": "Afternoon (12–17)",
    "part.Evening": "Evening (17–23)",
    "part.Night": "Night (23–7)",
    shortIn: "Short of supply: {part}",
    shortMark: "short of supply",
    uncoveredMark: "{hours} h in no shift",
    demand: "Demand (h/week)",
    open: "Open visit hours",
    confirmedHours: "Confirmed this week (h)",
    activeClients: "Clients",
    waitingClients: "Waiting",
    nearSplit: "About to split",
    overCapacity: "Short of supply",
    suppressed: "withheld",
    yesWord: "yes",
    chartCaption: "Demand and supply per team in {region}, in hours per week",
    chartLegendSupply: "supply",
    chartLegendDemand: "demand",
    chartBar: "{team}: supply {supply} hours, demand {demand} hours",
    capacityUpdated: "The figures have been updated.",
  },
});

const state = { overview: null, version: -1, region: params.get("region") ?? "" };
const hours = (value) => Math.round(value).toLocaleString(document.documentElement.lang === "nl" ? "nl-NL" : "en-GB");
const count = (value) => (value === null || value === undefined ? t("suppressed") : hours(value));

const load = retryingRead(async () => {
  try {
    const overview = await api("/api/capacity");
    clearProblem($("capacity-problem"));
    const changed = state.overview !== null && overview.version !== state.version;
    state.overview = overview;
    state.version = overview.version;
    render();
    if (changed) announce(t("capacityUpdated"));
  } catch (problem) {
    if (isPassing(problem)) throw problem;
    showProblem($("capacity-problem"), problem);
  }
}, $("capacity-problem"));

function render() {
  const overview = state.overview;
  if (!overview) return;
  const n = overview.nation;
  const figures = [
    [t("teamsCount"), hours(n.teams)], [t("nursesCount"), hours(n.nurses)], [t("supply"), hours(n.supplyHoursPerWeek)],
    [t("demand"), hours(n.demandHoursPerWeek)], [t("open"), hours(n.openVisitHours)], [t("confirmedHours"), hours(n.confirmedHoursThisWeek)],
    [t("activeClients"), count(n.activeClients)], [t("waitingClients"), count(n.waitingClients)],
    [t("nearSplit"), hours(n.teamsNearDivision)], [t("overCapacity"), hours(n.teamsOverCapacity)],
    [t("directCare"), hours(n.directCareHoursPerWeek)],
    ...n.coverage.map((c) => [t("shortIn", { part: t(`part.${c.part}`) }), hours(c.teamsShort)]),
  ];
  $("nation-figures").replaceChildren(...figures.flatMap(([term, value]) => {
    const wrapper = make("div", "figure");
    wrapper.dataset.figure = term;
    wrapper.append(make("dt", null, term), make("dd", null, value));
    return [wrapper];
  }));

  table($("regions-table"), [t("region"), t("teamsCount"), t("nursesCount"), t("supply"), t("demand"), t("open"), t("nearSplit"), t("overCapacity")],
    overview.regions.map((r) => [r.name, hours(r.teams), hours(r.nurses), hours(r.supplyHoursPerWeek), hours(r.demandHoursPerWeek),
      hours(r.openVisitHours), hours(r.teamsNearDivision), hours(r.teamsOverCapacity)]));

  const regions = overview.regions.map((r) => r.name);
  if (!regions.includes(state.region)) state.region = regions[0] ?? "";
  fillSelect($("region-select"), regions.map((r) => ({ value: r, label: r })), state.region);
  const teams = overview.teams.filter((team) => team.region === state.region);
  table($("teams-table"), [t("teamName"), t("nursesCount"), t("supply"), t("directCare"), t("demand"), t("open"), t("activeClients"), t("nearSplit"), t("overCapacity")],
    teams.map((team) => [team.teamName, hours(team.nurses), hours(team.supplyHoursPerWeek), hours(team.directCareHoursPerWeek), hours(team.demandHoursPerWeek), hours(team.openVisitHours),
      count(team.activeClients), team.nearDivision ? t("yesWord") : "", team.overCapacity ? t("yesWord") : ""]),
    teams.map((team) => team.teamId));
  chart(teams);
  table($("coverage-table"), [t("teamName"), ...PARTS.map((part) => t(`part.${part}`))],
    teams.map((team) => [team.teamName, ...PARTS.map((part) => coverageCell(team.coverage.find((c) => c.part === part)))]),
    teams.map((team) => team.teamId));
}

const PARTS = ["Morning", "Afternoon", "Evening", "Night"];

/** "demand / supply for clients", and in words when the part of the day is short, so colour is never the only sign. */
function coverageCell(cell) {
  if (!cell) return "";
  const text = [`${hours(cell.demandHoursPerWeek)} / ${hours(cell.directCareHoursPerWeek)}`];
  if (cell.uncoveredHoursPerWeek > 0) text.push(t("uncoveredMark", { hours: hours(cell.uncoveredHoursPerWeek) }));
  if (cell.short) text.push(t("shortMark"));
  return text.join(" · ");
}

function table(element, headings, rows, rowIds = []) {
  const head = make("thead");
  const headRow = make("tr");
  headRow.append(...headings.map((h) => {
    const th = make("th", null, h);
    th.scope = "col";
    return th;
  }));
  head.append(headRow);
  const body = make("tbody");
  body.append(...rows.map((cells, i) => {
    const row = make("tr");
    if (rowIds[i]) row.dataset.team = rowIds[i];
    row.append(...cells.map((cell, j) => {
      const el = make(j === 0 ? "th" : "td", null, cell);
      if (j === 0) el.scope = "row";
      return el;
    }));
    return row;
  }));
  element.replaceChildren(head, body);
}

const SVG = "http://www.w3.org/2000/svg";
const svg = (tag, attributes = {}) => {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
};

/** Two bars per team, supply above demand, on one scale; the table below holds the same figures. */
function chart(teams) {
  $("chart-caption").textContent = t("chartCaption", { region: state.region });
  const rowHeight = 34;
  const labelWidth = 180;
  const width = 640;
  const max = Math.max(1, ...teams.flatMap((team) => [team.supplyHoursPerWeek, team.demandHoursPerWeek]));
  const scale = (value) => ((width - labelWidth - 60) * value) / max;
  const root = svg("svg", { viewBox: `0 0 ${width} ${teams.length * rowHeight + 30}`, role: "img", "aria-labelledby": "chart-caption", class: "bar-chart" });
  const legend = svg("g", { transform: "translate(0, 12)", "aria-hidden": "true" });
  for (const [i, [cls, text]] of [["supply", t("chartLegendSupply")], ["demand", t("chartLegendDemand")]].entries()) {
    legend.append(svg("rect", { x: labelWidth + i * 110, y: -9, width: 14, height: 10, class: `bar ${cls}` }));
    const label = svg("text", { x: labelWidth + 20 + i * 110, y: 0, class: "chart-text" });
    label.textContent = text;
    legend.append(label);
  }
  root.append(legend);
  teams.forEach((team, i) => {
    const y = 24 + i * rowHeight;
    const group = svg("g", { class: team.overCapacity ? "over" : "" });
    const title = svg("title");
    title.textContent = t("chartBar", { team: team.teamName, supply: hours(team.supplyHoursPerWeek), demand: hours(team.demandHoursPerWeek) });
    const name = svg("text", { x: 0, y: y + 17, class: "chart-text" });
    name.textContent = team.teamName.length > 24 ? `${team.teamName.slice(0, 23)}…` : team.teamName;
    group.append(title, name,
      svg("rect", { x: labelWidth, y: y + 4, width: scale(team.supplyHoursPerWeek), height: 11, class: "bar supply" }),
      svg("rect", { x: labelWidth, y: y + 16, width: scale(team.demandHoursPerWeek), height: 11, class: "bar demand" }));
    const value = svg("text", { x: labelWidth + Math.max(scale(team.supplyHoursPerWeek), scale(team.demandHoursPerWeek)) + 6, y: y + 20, class: "chart-text" });
    value.textContent = `${hours(team.supplyHoursPerWeek)} / ${hours(team.demandHoursPerWeek)}`;
    group.append(value);
    root.append(group);
  });
  $("chart").replaceChildren(root);
}

const stream = openStream({
  handlers: {
    CapacityChanged: (change) => {
      if (change.version > state.version) load();
    },
  },
  watch: (connection) => connection.invoke("WatchCapacity"),
  resync: () => load(),
});

$("region-select").addEventListener("change", (event) => {
  state.region = event.target.value;
  params.set({ region: state.region });
  render();
});

setUpPage(() => {
  stream?.render?.();
  render();
});
whoAmI().then((me) => (me.role === "Central" || me.role === "Nurse" ? load() : location.assign(homeOf[me.role])))
  .catch(() => { /* not signed in: api() is on its way to the sign-in page */ });
