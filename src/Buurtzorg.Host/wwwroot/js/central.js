// Central staff watch capacity: demand against supply hours per region and team, coverage per
// part of the day, productivity, teams about to split, open visit hours, and each team's last
// twelve weeks. Supply is contract hours, of which about 60 % is time with clients. Aggregates
// only; the server withholds counts under five. Live: every capacity change is an event, and the
// page reads the overview (and the region's trends) again.
import { addStrings, t } from "./i18n.js";
import { fillSelect } from "./labels.js";
import { $, announce, api, clearProblem, homeOf, isPassing, make, openStream, params, retryingRead, setUpPage, showProblem, whoAmI } from "./page.js";
import { loadNetworkActivity, renderNetworkActivity } from "./central-network.js";

addStrings({
  nl: {
    capacityTitle: "Capaciteit van de teams",
    placesHeading: "Open plekken en aanmeldingen per regio",
    placesIntro: "Open plekken die teams aanbieden, de uren daarvan, en hoeveel verpleegkundigen wachten op het antwoord van een team. Alleen aantallen; wachtende aanmeldingen onder de 5 zijn afgeschermd.",
    placesTeams: "Teams met open plekken",
    placesOpen: "Open plekken",
    placesHours: "Uren per week",
    placesWaiting: "Wachtende aanmeldingen",
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
    productivityIntro: "Productiviteit is het kerncijfer van Buurtzorg: directe cliëntenuren gedeeld door contracturen. Directe cliëntenuren zijn hier de bezoekuren van deze week (maandag tot en met zondag): de gemelde duur van bevestigde bezoeken en de geplande duur van bezoeken die nog niet bevestigd zijn; niet doorgegane en vervallen bezoeken tellen niet, een bezoek met twee verpleegkundigen telt dubbel. Rond 60 % is gezond.",
    exportCsv: "Cijfers downloaden (CSV)",
    scrollHint: "Schuif de tabel opzij voor meer kolommen →",
    visitHours: "Cliëntenuren deze week",
    productivity: "Productiviteit",
    percent: "{value} %",
    noFigure: "–",
    nearSplitCount: "ja ({nurses})",
    trendsHeading: "Verloop over 12 weken",
    trendMeasure: "Cijfer",
    trendTable: "Dezelfde cijfers als tabel",
    trendCaption: "{measure} per team in {region}, per week",
    trendGenerated: "Demo: de weken vóór deze week zijn gegenereerd, niet gemeten. De laatste week loopt nog.",
    trendRunning: "De laatste week loopt nog. Een week zonder cijfers is open gelaten.",
    trendNone: "Nog geen weekcijfers voor deze regio.",
    weekLabel: "wk {week}",
    "measure.productivity": "Productiviteit (%)",
    "measure.demand": "Vraag (uur/week)",
    "measure.supply": "Contracturen (uur/week)",
    "measure.visitHours": "Cliëntenuren (uur/week)",
    "measure.nurses": "Verpleegkundigen",
    trendPoint: "{team}, {week}: {value}",
  },
  en: {
    capacityTitle: "Team capacity",
    placesHeading: "Open places and requests to join per region",
    placesIntro: "Open places teams offer, their hours, and how many nurses wait for a team's answer. Counts only; waiting requests under 5 are withheld.",
    placesTeams: "Teams with open places",
    placesOpen: "Open places",
    placesHours: "Hours a week",
    placesWaiting: "Waiting requests",
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
    productivityIntro: "Productivity is Buurtzorg's key figure: direct client hours divided by contract hours. Direct client hours here are this week's visit hours (Monday to Sunday): the reported length of confirmed visits and the planned length of visits not yet confirmed; visits not done and cancelled ones do not count, a visit by two nurses counts twice. Around 60 % is healthy.",
    exportCsv: "Download the figures (CSV)",
    scrollHint: "Scroll the table sideways for more columns →",
    visitHours: "Client hours this week",
    productivity: "Productivity",
    percent: "{value} %",
    noFigure: "–",
    nearSplitCount: "yes ({nurses})",
    trendsHeading: "The last 12 weeks",
    trendMeasure: "Figure",
    trendTable: "The same figures as a table",
    trendCaption: "{measure} per team in {region}, per week",
    trendGenerated: "Demo: the weeks before this one are generated, not measured. The last week is still under way.",
    trendRunning: "The last week is still under way. A week without figures is left open.",
    trendNone: "No weekly figures for this region yet.",
    weekLabel: "wk {week}",
    "measure.productivity": "Productivity (%)",
    "measure.demand": "Demand (h/week)",
    "measure.supply": "Contract hours (h/week)",
    "measure.visitHours": "Client hours (h/week)",
    "measure.nurses": "Nurses",
    trendPoint: "{team}, {week}: {value}",
  },
});

const MEASURES = ["productivity", "demand", "supply", "visitHours", "nurses"];
const state = { places: null, overview: null, version: -1, region: params.get("region") ?? "", trends: null, measure: MEASURES.includes(params.get("measure")) ? params.get("measure") : "productivity" };
const hours = (value) => Math.round(value).toLocaleString(document.documentElement.lang === "nl" ? "nl-NL" : "en-GB");
const count = (value) => (value === null || value === undefined ? t("suppressed") : hours(value));
const percent = (value) => (value === null || value === undefined ? t("noFigure") : t("percent", { value }));

const load = retryingRead(async () => {
  try {
    const overview = await api("/api/capacity");
    clearProblem($("capacity-problem"));
    const changed = state.overview !== null && overview.version !== state.version;
    state.overview = overview;
    state.version = overview.version;
    state.places = await api("/api/capacity/places");
    render();
    await loadTrends();
    await loadNetworkActivity();
    if (changed) announce(t("capacityUpdated"));
  } catch (problem) {
    if (isPassing(problem)) throw problem;
    showProblem($("capacity-problem"), problem);
  }
}, $("capacity-problem"));

async function loadTrends() {
  if (!state.region) return;
  state.trends = await api(`/api/capacity/trends?region=${encodeURIComponent(state.region)}&weeks=12`);
  renderTrends();
}

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
    [t("visitHours"), hours(n.visitHoursThisWeek)], [t("productivity"), percent(n.productivityPercent)],
    ...n.coverage.map((c) => [t("shortIn", { part: t(`part.${c.part}`) }), hours(c.teamsShort)]),
  ];
  $("nation-figures").replaceChildren(...figures.flatMap(([term, value]) => {
    const wrapper = make("div", "figure");
    wrapper.dataset.figure = term;
    wrapper.append(make("dt", null, term), make("dd", null, value));
    return [wrapper];
  }));

  table($("regions-table"), [t("region"), t("teamsCount"), t("nursesCount"), t("supply"), t("demand"), t("visitHours"), t("productivity"), t("open"), t("nearSplit"), t("overCapacity")],
    overview.regions.map((r) => [r.name, hours(r.teams), hours(r.nurses), hours(r.supplyHoursPerWeek), hours(r.demandHoursPerWeek),
      hours(r.visitHoursThisWeek), percent(r.productivityPercent), hours(r.openVisitHours), hours(r.teamsNearDivision), hours(r.teamsOverCapacity)]));

  if (state.places) {
    const { nation, regions: placeRegions } = state.places;
    table($("places-table"), [t("region"), t("placesTeams"), t("placesOpen"), t("placesHours"), t("placesWaiting")],
      [...placeRegions, { ...nation, name: t("nation") }].map((r) => [r.name, hours(r.teamsWithOpenPlaces), hours(r.openPlaces), hours(r.hoursPerWeek), count(r.waitingRequests)]));
  }

  const regions = overview.regions.map((r) => r.name);
  if (!regions.includes(state.region)) state.region = regions[0] ?? "";
  fillSelect($("region-select"), regions.map((r) => ({ value: r, label: r })), state.region);
  const teams = overview.teams.filter((team) => team.region === state.region);
  table($("teams-table"), [t("teamName"), t("nursesCount"), t("supply"), t("directCare"), t("demand"), t("visitHours"), t("productivity"), t("open"), t("activeClients"), t("nearSplit"), t("overCapacity")],
    teams.map((team) => [team.teamName, hours(team.nurses), hours(team.supplyHoursPerWeek), hours(team.directCareHoursPerWeek), hours(team.demandHoursPerWeek),
      hours(team.visitHoursThisWeek), percent(team.productivityPercent), hours(team.openVisitHours), count(team.activeClients),
      team.nearDivision ? { text: t("nearSplitCount", { nurses: team.nurses }), mark: "near" } : "",
      team.overCapacity ? { text: t("yesWord"), mark: "short" } : ""]),
    teams.map((team) => team.teamId));
  chart(teams);
  table($("coverage-table"), [t("teamName"), ...PARTS.map((part) => t(`part.${part}`))],
    teams.map((team) => [team.teamName, ...PARTS.map((part) => coverageCell(team.coverage.find((c) => c.part === part)))]),
    teams.map((team) => team.teamId));
  renderTrends();
  showScrollHints();
}

const PARTS = ["Morning", "Afternoon", "Evening", "Night"];

/** "demand / supply for clients", and in words when the part of the day is short, so colour is never the only sign. */
function coverageCell(cell) {
  if (!cell) return "";
  const text = [`${hours(cell.demandHoursPerWeek)} / ${hours(cell.directCareHoursPerWeek)}`];
  if (cell.uncoveredHoursPerWeek > 0) text.push(t("uncoveredMark", { hours: hours(cell.uncoveredHoursPerWeek) }));
  if (cell.short) text.push(t("shortMark"));
  return cell.short ? { text: text.join(" · "), mark: "short" } : text.join(" · ");
}

/** A wide table scrolls inside its box on a narrow screen; the hint above it says so while it does. */
function showScrollHints() {
  for (const box of document.querySelectorAll(".table-scroll")) {
    const hint = box.previousElementSibling;
    if (hint?.classList.contains("scroll-hint")) hint.hidden = box.scrollWidth <= box.clientWidth + 1;
  }
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
      const el = make(j === 0 ? "th" : "td", null, typeof cell === "object" ? cell.text : cell);
      if (typeof cell === "object") el.dataset.mark = cell.mark;
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
  const scale = (value) => ((width - labelWidth - 90) * value) / max;
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

// Each team its own colour and its own marker, and its name written at the end of its line, so
// teams are told apart without relying on colour (colour-blind safe palette, Okabe-Ito, darkened
// for 3:1 against white).
const SERIES = [
  { colour: "#0072b2", marker: "circle" },
  { colour: "#b84a00", marker: "square" },
  { colour: "#007a5a", marker: "triangle" },
  { colour: "#aa4499", marker: "diamond" },
  { colour: "#6e5a00", marker: "cross" },
  { colour: "#332288", marker: "circle-open" },
];

const measureOf = {
  productivity: (w) => w.productivityPercent,
  demand: (w) => w.demandHoursPerWeek,
  supply: (w) => w.supplyHoursPerWeek,
  visitHours: (w) => w.visitHours,
  nurses: (w) => w.nurses,
};

/** ISO week number of a Monday given as "yyyy-mm-dd". */
function isoWeek(monday) {
  const [y, m, d] = monday.split("-").map(Number);
  const thursday = new Date(Date.UTC(y, m - 1, d + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  return 1 + Math.round((thursday - firstThursday) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7) / 7 + 3 / 7);
}

const shortName = (name) => name.replace(/^Buurtzorg\s+/, "");

function marker(kind, x, y, colour) {
  const r = 4.5;
  switch (kind) {
    case "square": return svg("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: colour });
    case "triangle": return svg("path", { d: `M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`, fill: colour });
    case "diamond": return svg("path", { d: `M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`, fill: colour });
    case "cross": return svg("path", { d: `M${x - r},${y - r} L${x + r},${y + r} M${x - r},${y + r} L${x + r},${y - r}`, stroke: colour, "stroke-width": 2.5 });
    case "circle-open": return svg("circle", { cx: x, cy: y, r, fill: "#fff", stroke: colour, "stroke-width": 2 });
    default: return svg("circle", { cx: x, cy: y, r, fill: colour });
  }
}

function renderTrends() {
  $("trend-measure").replaceChildren(...MEASURES.map((m) => {
    const option = make("option", null, t(`measure.${m}`));
    option.value = m;
    option.selected = m === state.measure;
    return option;
  }));
  const trends = state.trends;
  if (!trends || trends.region !== state.region) return;
  const value = measureOf[state.measure];
  const format = (v) => (v === null || v === undefined ? t("noFigure") : state.measure === "productivity" ? percent(v) : hours(v));
  const weekLabels = trends.weeks.map((w) => t("weekLabel", { week: isoWeek(w) }));
  const teams = trends.teams.map((team, i) => ({
    ...team,
    series: SERIES[i % SERIES.length],
    values: trends.weeks.map((week) => {
      const figures = team.weeks.find((w) => w.week === week);
      return figures ? value(figures) : null;
    }),
  }));
  const any = teams.some((team) => team.values.some((v) => v !== null));
  $("trends-note").textContent = !any ? t("trendNone") : trends.generated ? t("trendGenerated") : t("trendRunning");
  $("trend-caption").textContent = t("trendCaption", { measure: t(`measure.${state.measure}`), region: state.region });

  // Drawn at the box's own width, so the text keeps its size on a phone instead of shrinking with the picture.
  const width = Math.max(300, Math.min(900, $("trend-chart").clientWidth || 640));
  const labelWidth = Math.min(170, Math.round(width * 0.34));
  const [left, top, bottom] = [40, 12, 28];
  const height = 240;
  const plotWidth = width - left - labelWidth - 8;
  const all = teams.flatMap((team) => team.values).filter((v) => v !== null);
  // Gridlines at round numbers: a step of 1, 2 or 5 times a power of ten, four or five of them.
  const highest = Math.max(1, ...all);
  const lowest = state.measure === "nurses" || state.measure === "productivity" ? 0 : Math.min(...all, highest) * 0.8;
  const rough = (highest - lowest) / 4 || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const stepSize = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough);
  const min = Math.floor(lowest / stepSize) * stepSize;
  const max = Math.max(min + stepSize, Math.ceil(highest / stepSize) * stepSize);
  const x = (i) => left + (trends.weeks.length === 1 ? plotWidth / 2 : (plotWidth * i) / (trends.weeks.length - 1));
  const y = (v) => top + (height - top - bottom) * (1 - (v - min) / (max - min || 1));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": "trend-caption", class: "trend-chart" });
  for (let v = min; v <= max + stepSize / 2; v += stepSize) {
    root.append(svg("line", { x1: left, x2: left + plotWidth, y1: y(v), y2: y(v), class: "grid-line" }));
    const label = svg("text", { x: left - 6, y: y(v) + 4, class: "chart-text axis", "text-anchor": "end" });
    label.textContent = hours(v);
    root.append(label);
  }
  const every = width < 500 ? 3 : 1;
  trends.weeks.forEach((_, i) => {
    if ((trends.weeks.length - 1 - i) % every !== 0) return;
    const label = svg("text", { x: x(i), y: height - 8, class: "chart-text axis", "text-anchor": "middle" });
    label.textContent = weekLabels[i];
    root.append(label);
  });
  const ends = [];
  teams.forEach((team) => {
    const group = svg("g", { class: "trend-series", "data-team": team.teamId });
    const title = svg("title");
    title.textContent = team.teamName;
    group.append(title);
    let path = "";
    team.values.forEach((v, i) => {
      if (v === null) return;
      path += `${path && team.values[i - 1] !== null ? "L" : "M"}${x(i)},${y(v)} `;
    });
    group.append(svg("path", { d: path.trim(), fill: "none", stroke: team.series.colour, "stroke-width": 2.5 }));
    team.values.forEach((v, i) => {
      if (v === null) return;
      const point = marker(team.series.marker, x(i), y(v), team.series.colour);
      const pointTitle = svg("title");
      pointTitle.textContent = t("trendPoint", { team: team.teamName, week: weekLabels[i], value: format(v) });
      point.append(pointTitle);
      group.append(point);
    });
    root.append(group);
    const last = team.values.findLastIndex((v) => v !== null);
    if (last >= 0) ends.push({ team, y: y(team.values[last]) });
  });
  // Names at the end of their lines, nudged apart so two close lines keep legible names.
  ends.sort((a, b) => a.y - b.y);
  ends.forEach((end, i) => { end.labelY = Math.max(end.y, i > 0 ? ends[i - 1].labelY + 15 : top + 4); });
  for (const end of ends) {
    const at = left + plotWidth + 10;
    const group = svg("g", { class: "trend-label", "data-team": end.team.teamId, "aria-hidden": "true" });
    group.append(marker(end.team.series.marker, at + 4, end.labelY, end.team.series.colour));
    const label = svg("text", { x: at + 13, y: end.labelY + 4, class: "chart-text" });
    const name = shortName(end.team.teamName);
    const room = Math.floor((labelWidth - 16) / 7);
    label.textContent = name.length > room ? `${name.slice(0, room - 1)}…` : name;
    group.append(label);
    root.append(group);
  }
  $("trend-chart").replaceChildren(root);

  $("trend-legend").replaceChildren(...teams.map((team) => {
    const item = make("li");
    item.dataset.team = team.teamId;
    const key = svg("svg", { width: 28, height: 14, viewBox: "0 0 28 14", "aria-hidden": "true" });
    key.append(svg("line", { x1: 0, x2: 28, y1: 7, y2: 7, stroke: team.series.colour, "stroke-width": 2.5 }), marker(team.series.marker, 14, 7, team.series.colour));
    item.append(key, make("span", null, team.teamName));
    return item;
  }));

  table($("trend-table"), [t("teamName"), ...weekLabels],
    teams.map((team) => [team.teamName, ...team.values.map(format)]),
    teams.map((team) => team.teamId));
  showScrollHints();
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
  loadTrends().catch((problem) => showProblem($("capacity-problem"), problem));
});

$("trend-measure").addEventListener("change", (event) => {
  state.measure = event.target.value;
  params.set({ measure: state.measure });
  renderTrends();
});

let resizing = null;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => { renderTrends(); showScrollHints(); }, 150);
});

setUpPage(() => {
  stream?.render?.();
  render();
  renderNetworkActivity();
});
whoAmI().then((me) => (me.role === "Central" || me.role === "Nurse" ? load() : location.assign(homeOf[me.role])))
  .catch(() => { /* not signed in: api() is on its way to the sign-in page */ });
