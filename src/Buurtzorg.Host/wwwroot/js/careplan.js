// Writing a client's care plan in the Omaha System: problems with their modifiers and signs,
// interventions with their schedule and who performs them, and Knowledge/Behaviour/Status
// ratings over time. Every edit names the version it was made on; an edit on an older version
// is refused (409) and the page then shows the newer plan while keeping the nurse's own input.
// Only nurses of the client's team may write (the server decides); others read.
import { addStrings, t } from "./i18n.js";
import { fillSelect, qualification } from "./labels.js";
import {
  $, ApiProblem, announce, api, clearProblem, formatDate, hhmm, homeOf, make, openStream, params, setUpPage, showProblem, todayIso, whoAmI,
} from "./page.js";
import {
  anchorName, categoryKeys, categoryName, conceptName, domainKeys, domainName, problemCodes, problemName, scopeKeys, scopeName,
  targetCodes, targetName, typeKeys, typeName,
} from "./omaha.js";
import { dayPicker, daysText, memberText, personText, shortDate, taskLines } from "./circle.js";

addStrings({
  nl: {
    circleWaiting: "Voorstellen van de cliënt en het netwerk",
    circleWaitingHint: "Wat de cliënt en de mensen om hen heen zelf willen doen. Spreek het af, pas het aan met de familie, of leg uit waarom het team het doet.",
    circleNoneWaiting: "Er wachten geen voorstellen.",
    circleUnder: "Onder aandachtsgebied",
    circleNoProblemYet: "Schrijf eerst een aandachtsgebied in het zorgplan; daaronder komt deze afspraak.",
    circleAgree: "Akkoord",
    circleAgreeFor: "Akkoord: {text}",
    circleAdjust: "Aanpassen",
    circleAdjustFor: "Aanpassen: {text}",
    circleExplain: "Uitleggen waarom wij het doen",
    circleExplainFor: "Uitleggen waarom wij het doen: {text}",
    circleAdjustedText: "Wat wordt afgesproken",
    circleDays: "Op welke dagen?",
    circleTime: "Hoe laat? (mag leeg blijven)",
    circleAgreeAdjusted: "Aangepast afspreken",
    circleNote: "Notitie voor de familie (mag leeg blijven)",
    circleWhy: "Waarom doet het team dit?",
    circleSendWhy: "Uitleg sturen",
    circleAgreedNow: "Afgesproken: {text}. Het staat nu in het zorgplan.",
    circleDeclinedNow: "Uitgelegd waarom het team het doet: {text}.",
    byClient: "doet de cliënt zelf",
    circleBetween: "tussen {from} en {to}",
    historyHeading: "Geschiedenis",
    historyEntry: "{date} — {who}: {what}",
    historyProblemWritten: "{problem} vastgelegd",
    historyProblemRemoved: "{problem} uit het plan gehaald",
    historyOutcomeRated: "score voor {problem}",
    historyCircleTaskProposed: "stelde voor: {text}",
    historyCircleTaskAgreed: "sprak af: {text}",
    historyCircleTaskAdjusted: "sprak aangepast af: {text}",
    historyCircleTaskDeclined: "legde uit waarom het team het doet: {text}",
    historyCircleTaskWithdrawn: "trok het voorstel in: {text}",
    carePlanTitle: "Zorgplan",
    carePlanOf: "Zorgplan van {name}",
    planVersion: "Versie {version}, bijgewerkt op {date}.",
    planEmptyVersion: "Nog niets vastgelegd.",
    planProblems: "Aandachtsgebieden",
    addProblem: "Aandachtsgebied toevoegen",
    noProblems: "Er staat nog niets in het zorgplan.",
    problemLabel: "Aandachtsgebied",
    modifiers: "Kenmerken",
    scopeLabel: "Voor wie",
    typeLabel: "Ernst",
    signsLabel: "Signalen en symptomen (één per regel)",
    signsOnlyActual: "Signalen en symptomen horen alleen bij een actueel probleem.",
    interventions: "Acties",
    addIntervention: "Actie toevoegen",
    interventionN: "Actie {n}",
    removeIntervention: "Actie {n} weghalen",
    category: "Soort actie",
    target: "Actievlak",
    careDescription: "Wat er gebeurt",
    timesPerPeriod: "Hoe vaak",
    period: "Per",
    periodDay: "dag",
    periodWeek: "week",
    windowStart: "Vanaf",
    windowEnd: "Uiterlijk tot",
    durationMinutes: "Duur (minuten)",
    requiredQualification: "Deskundigheid",
    noQualification: "geen bijzondere",
    twoNurses: "Met twee verpleegkundigen",
    performedBy: "Wie doet het",
    performerTeam: "het team",
    performerNetwork: "iemand uit het netwerk",
    performerClient: "de cliënt zelf",
    networkMember: "Wie uit het netwerk",
    save: "Opslaan",
    cancel: "Annuleren",
    edit: "Wijzigen",
    editProblem: "{problem} wijzigen",
    removeProblem: "{problem} verwijderen",
    newProblem: "Nieuw aandachtsgebied",
    editingProblem: "{problem} wijzigen",
    saved: "Opgeslagen. Het zorgplan is nu versie {version}.",
    removed: "{problem} is uit het zorgplan gehaald (versie {version}).",
    conflict: "Iemand anders heeft dit plan intussen gewijzigd (versie {version}).",
    conflictHint: "Hieronder staat het plan zoals het nu is. Uw eigen invoer staat nog in het formulier: bekijk het nieuwe plan en sla dan opnieuw op.",
    domainIs: "Domein: {domain}",
    signsAre: "Signalen en symptomen: {signs}",
    frequencyDay: "{times}× per dag",
    frequencyWeek: "{times}× per week",
    scheduleText: "{frequency}, tussen {from} en {to}, {minutes} min",
    withTwo: "twee verpleegkundigen",
    byTeam: "doet het team",
    byNetwork: "doet het netwerk: {name}",
    someoneInNetwork: "iemand uit het netwerk",
    ratings: "Scores",
    ratingsOf: "Scores voor {problem}",
    noRatings: "Nog geen scores.",
    chartSummary: "Verloop van de scores voor {problem}: {summary}",
    chartPoint: "{concept} {from} naar {to}",
    chartSingle: "{concept} {to}",
    rate: "Score vastleggen",
    rateFor: "Score vastleggen voor {problem}",
    moment: "Moment",
    momentAdmission: "begin",
    momentReview: "tussenevaluatie",
    momentDischarge: "einde",
    ratedOn: "Datum",
    saveRating: "Score opslaan",
    ratingSaved: "Score opgeslagen voor {problem}.",
    date: "Datum",
    readOnly: "U kunt dit zorgplan lezen; alleen de wijkverpleegkundigen van het team schrijven erin.",
    noAccess: "U kunt dit zorgplan niet openen.",
    noClient: "Er is geen cliënt gekozen. Open het zorgplan vanaf de pagina van de cliënt.",
    back: "Terug naar de cliënt",
    chooseProblemFirst: "Kies een aandachtsgebied.",
  },
  en: {
    circleWaiting: "Proposals from the client and their network",
    circleWaitingHint: "What the client and the people around them want to do themselves. Agree it, adjust it with the family, or explain why the team does it.",
    circleNoneWaiting: "No proposals are waiting.",
    circleUnder: "Under problem",
    circleNoProblemYet: "Write a problem into the care plan first; this agreement goes under it.",
    circleAgree: "Agree",
    circleAgreeFor: "Agree: {text}",
    circleAdjust: "Adjust",
    circleAdjustFor: "Adjust: {text}",
    circleExplain: "Explain why we do it",
    circleExplainFor: "Explain why we do it: {text}",
    circleAdjustedText: "What is agreed",
    circleDays: "On which days?",
    circleTime: "What time? (may stay empty)",
    circleAgreeAdjusted: "Agree as adjusted",
    circleNote: "Note for the family (may stay empty)",
    circleWhy: "Why does the team do this?",
    circleSendWhy: "Send explanation",
    circleAgreedNow: "Agreed: {text}. It is now in the care plan.",
    circleDeclinedNow: "Explained why the team does it: {text}.",
    byClient: "the client does it themself",
    circleBetween: "between {from} and {to}",
    historyHeading: "History",
    historyEntry: "{date} — {who}: {what}",
    historyProblemWritten: "wrote {problem}",
    historyProblemRemoved: "took {problem} out of the plan",
    historyOutcomeRated: "rated {problem}",
    historyCircleTaskProposed: "proposed: {text}",
    historyCircleTaskAgreed: "agreed: {text}",
    historyCircleTaskAdjusted: "agreed as adjusted: {text}",
    historyCircleTaskDeclined: "explained why the team does it: {text}",
    historyCircleTaskWithdrawn: "withdrew the proposal: {text}",
    carePlanTitle: "Care plan",
    carePlanOf: "Care plan of {name}",
    planVersion: "Version {version}, updated on {date}.",
    planEmptyVersion: "Nothing written yet.",
    planProblems: "Problems",
    addProblem: "Add a problem",
    noProblems: "The care plan is empty.",
    problemLabel: "Problem",
    modifiers: "Modifiers",
    scopeLabel: "Whose",
    typeLabel: "Severity",
    signsLabel: "Signs and symptoms (one per line)",
    signsOnlyActual: "Signs and symptoms belong to an actual problem only.",
    interventions: "Interventions",
    addIntervention: "Add an intervention",
    interventionN: "Intervention {n}",
    removeIntervention: "Remove intervention {n}",
    category: "Category",
    target: "Target",
    careDescription: "What is done",
    timesPerPeriod: "How often",
    period: "Per",
    periodDay: "day",
    periodWeek: "week",
    windowStart: "From",
    windowEnd: "At the latest until",
    durationMinutes: "Duration (minutes)",
    requiredQualification: "Qualification",
    noQualification: "none in particular",
    twoNurses: "With two nurses",
    performedBy: "Who does it",
    performerTeam: "the team",
    performerNetwork: "someone from the network",
    performerClient: "the client themself",
    networkMember: "Who from the network",
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    editProblem: "Edit {problem}",
    removeProblem: "Remove {problem}",
    newProblem: "New problem",
    editingProblem: "Edit {problem}",
    saved: "Saved. The care plan is now version {version}.",
    removed: "{problem} was taken out of the care plan (version {version}).",
    conflict: "Someone else changed this plan in the meantime (version {version}).",
    conflictHint: "Below is the plan as it is now. Your own input is still in the form: look at the new plan, then save again.",
    domainIs: "Domain: {domain}",
    signsAre: "Signs and symptoms: {signs}",
    frequencyDay: "{times}× a day",
    frequencyWeek: "{times}× a week",
    scheduleText: "{frequency}, between {from} and {to}, {minutes} min",
    withTwo: "two nurses",
    byTeam: "the team does it",
    byNetwork: "the network does it: {name}",
    someoneInNetwork: "someone from the network",
    ratings: "Ratings",
    ratingsOf: "Ratings for {problem}",
    noRatings: "No ratings yet.",
    chartSummary: "Ratings over time for {problem}: {summary}",
    chartPoint: "{concept} {from} to {to}",
    chartSingle: "{concept} {to}",
    rate: "Rate",
    rateFor: "Rate {problem}",
    moment: "Moment",
    momentAdmission: "admission",
    momentReview: "review",
    momentDischarge: "discharge",
    ratedOn: "Date",
    saveRating: "Save rating",
    ratingSaved: "Rating saved for {problem}.",
    date: "Date",
    readOnly: "You can read this care plan; only the team's nurses write in it.",
    noAccess: "You cannot open this care plan.",
    noClient: "No client was chosen. Open the care plan from the client's page.",
    back: "Back to the client",
    chooseProblemFirst: "Choose a problem.",
  },
});

const CONCEPTS = [["Knowledge", "knowledge"], ["Behavior", "behavior"], ["Status", "status"]];
const QUALIFICATIONS = ["BasicCare", "WoundCare", "InjectionsAndMedication", "DiabetesCare", "PalliativeCare", "CatheterAndStomaCare"];
const MOMENTS = ["Admission", "Review", "Discharge"];

const state = {
  clientId: params.get("client") ?? "",
  me: null,
  clientName: "",
  network: [],
  catalogue: new Map(), // code -> domain
  plan: null,
  circle: null, // the circle's tasks, as the team sees them
  history: [],
  canWrite: false,
  // The problem being written: its code (null for a new one) and the version it was started on.
  editing: null,
  conflictVersion: null,
  ratingDrafts: new Map(), // problem code -> the rating form's values, kept across a redraw
};

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

function labelled(labelText, control, className = "field") {
  const field = make("div", className);
  if (!control.id) control.id = nextId("f");
  const label = make("label", null, labelText);
  label.htmlFor = control.id;
  field.append(label, control);
  return field;
}

function selectOf(items, chosen, placeholder = true) {
  const select = make("select");
  if (placeholder) fillSelect(select, items, chosen);
  else {
    select.replaceChildren(...items.map(({ value, label }) => {
      const option = make("option", null, label);
      option.value = value;
      return option;
    }));
    if (chosen !== undefined && chosen !== null) select.value = String(chosen);
  }
  return select;
}

function input(type, value, attributes = {}) {
  const el = make("input");
  el.type = type;
  if (value !== undefined && value !== null) el.value = value;
  for (const [key, v] of Object.entries(attributes)) el.setAttribute(key, v);
  return el;
}

async function load() {
  try {
    state.me = await whoAmI();
    if (state.me.role === "Central") {
      location.assign(homeOf.Central);
      return;
    }
    if (!state.clientId) {
      $("page-problem").append(make("p", null, t("noClient")));
      return;
    }
    const catalogue = await api("/api/omaha/problems");
    state.catalogue = new Map(catalogue.map((p) => [p.code, p.domain]));
    const [client, plan] = await Promise.all([
      state.me.role === "Family" ? null : api(`/api/clients/${state.clientId}`),
      api(`/api/clients/${state.clientId}/care-plan`),
    ]);
    state.clientName = client?.details?.name ?? state.me.clients?.find((c) => c.id === state.clientId)?.name ?? "";
    state.network = client?.network ?? [];
    state.plan = plan;
    state.canWrite = state.me.role === "Nurse";
    $("problems-panel").hidden = false;
    await loadCircle();
    render();
    await stream.rewatch();
  } catch (problem) {
    refused(problem);
  }
}

/** A read or write the server refused: its reason, with our own words above it. */
function refused(problem, box = $("page-problem")) {
  showProblem(box, problem);
  if (problem instanceof ApiProblem && (problem.status === 403 || problem.status === 404) && box === $("page-problem")) {
    box.prepend(make("p", "refusal-lead", t("noAccess")));
  }
}

function render() {
  if (!state.plan) return;
  $("plan-title").textContent = state.clientName ? t("carePlanOf", { name: state.clientName }) : t("carePlanTitle");
  document.title = `${$("plan-title").textContent} – Buurtzorg`;
  $("plan-version").textContent = state.plan.version === 0
    ? t("planEmptyVersion")
    : t("planVersion", { version: state.plan.version, date: formatDate(state.plan.changedAt.slice(0, 10), { day: "numeric", month: "long", year: "numeric" }) });
  $("add-problem").hidden = !state.canWrite;
  if (!state.canWrite && !$("read-only")) {
    const note = make("p", "note", t("readOnly"));
    note.id = "read-only";
    $("problems-panel").querySelector(".panel-head").after(note);
  }
  if ($("read-only")) $("read-only").textContent = t("readOnly");
  $("no-problems").hidden = state.plan.problems.length > 0;
  $("problems").replaceChildren(...state.plan.problems.map(problemView));
  if (state.conflictVersion !== null) $("conflict-text").textContent = t("conflict", { version: state.conflictVersion });
  if (state.editing) relabelEditor();
  renderCircle();
  renderHistory();
}

function scheduleText(s) {
  // The circle's weekly tasks name their days; the team's visits say how often.
  const frequency = s.days?.length
    ? daysText(s.days)
    : t(s.period === "Day" ? "frequencyDay" : "frequencyWeek", { times: s.timesPerPeriod });
  // The circle's time is its own: its days and hours, not minutes the team would plan.
  const parts = [s.days?.length
    ? `${frequency}, ${t("circleBetween", { from: hhmm(s.windowStart), to: hhmm(s.windowEnd) })}`
    : t("scheduleText", { frequency, from: hhmm(s.windowStart), to: hhmm(s.windowEnd), minutes: s.durationMinutes })];
  if (s.requiredQualification) parts.push(qualification(s.requiredQualification));
  if (s.twoNurses) parts.push(t("withTwo"));
  return parts.join(" · ");
}

function performerText(i) {
  if (i.performedBy === "Team") return t("byTeam");
  if (i.performedBy === "Client") return t("byClient");
  const member = state.network.find((m) => m.id === i.networkMemberId);
  return t("byNetwork", { name: member ? memberText(member.details) : t("someoneInNetwork") });
}

function problemView(problem) {
  const name = problemName(problem.code);
  const article = make("article", "plan-problem careplan-problem");
  article.dataset.code = problem.code;
  const heading = make("h3", null, name);
  heading.id = `problem-${problem.code}`;
  article.setAttribute("aria-labelledby", heading.id);
  article.append(heading);
  article.append(make("p", "muted", [
    domainName(state.catalogue.get(problem.code)), scopeName(problem.scope), typeName(problem.type),
  ].join(" · ")));
  if (problem.signsAndSymptoms.length) article.append(make("p", null, t("signsAre", { signs: problem.signsAndSymptoms.join("; ") })));

  if (problem.interventions.length) {
    article.append(make("h4", null, t("interventions")));
    const list = make("ul", "intervention-list");
    list.append(...problem.interventions.map((i) => {
      const item = make("li");
      item.append(make("p", "intervention-what", `${categoryName(i.category)} — ${targetName(i.targetCode)}: ${i.description}`));
      // Who does it stands out: the circle's part of the plan and the team's are told apart at a glance.
      item.dataset.performer = i.performedBy;
      const when = make("p", "muted", `${scheduleText(i.schedule)} · `);
      when.append(make("strong", `performer performer-${i.performedBy.toLowerCase()}`, performerText(i)));
      item.append(when);
      return item;
    }));
    article.append(list);
  }

  article.append(ratingsView(problem, name));

  if (state.canWrite) {
    const actions = make("div", "actions");
    const edit = make("button", "button", t("edit"));
    edit.type = "button";
    edit.setAttribute("aria-label", t("editProblem", { problem: name }));
    edit.addEventListener("click", () => openEditor(problem));
    const remove = make("button", "button danger", t("remove"));
    remove.type = "button";
    remove.setAttribute("aria-label", t("removeProblem", { problem: name }));
    remove.addEventListener("click", () => removeProblem(problem));
    actions.append(edit, remove);
    article.append(actions);
    article.append(ratingForm(problem, name));
  }
  return article;
}

/** The ratings as a small line chart with the same figures as a table beside it (the chart's text alternative). */
function ratingsView(problem, name) {
  const box = make("div", "ratings");
  const heading = make("h4", null, t("ratings"));
  box.append(heading);
  const ratings = problem.ratings;
  if (!ratings.length) {
    box.append(make("p", "muted", t("noRatings")));
    return box;
  }
  box.append(chart(ratings, name));
  const table = make("table", "ratings-table");
  table.append(make("caption", "visually-hidden", t("ratingsOf", { problem: name })));
  const head = make("tr");
  for (const text of [t("date"), t("moment"), ...CONCEPTS.map(([c]) => conceptName(c))]) {
    const th = make("th", null, text);
    th.scope = "col";
    head.append(th);
  }
  const thead = make("thead");
  thead.append(head);
  const tbody = make("tbody");
  for (const r of ratings) {
    const row = make("tr");
    const when = make("th", null, formatDate(r.ratedOn, { day: "numeric", month: "short" }));
    when.scope = "row";
    row.append(when, make("td", null, t(`moment${r.moment}`)));
    for (const [concept, field] of CONCEPTS) {
      const cell = make("td", null, String(r[field]));
      cell.title = anchorName(concept, r[field]);
      row.append(cell);
    }
    tbody.append(row);
  }
  table.append(thead, tbody);
  box.append(table);
  return box;
}

const SVG = "http://www.w3.org/2000/svg";
const svgEl = (tag, attributes) => {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
};

// Each concept differs by colour, line pattern and marker, so the lines stay apart without colour.
const SERIES = {
  knowledge: { colour: "#1f5f7a", dash: "", marker: "circle" },
  behavior: { colour: "#a15c00", dash: "6 3", marker: "square" },
  status: { colour: "#2e7d32", dash: "2 3", marker: "diamond" },
};

function chart(ratings, name) {
  const width = 320;
  const height = 150;
  const left = 28;
  const right = 12;
  const top = 10;
  const bottom = 40;
  const x = (i) => (ratings.length === 1 ? (left + width - right) / 2 : left + (i * (width - left - right)) / (ratings.length - 1));
  const y = (v) => top + ((5 - v) * (height - top - bottom)) / 4;
  const figure = make("figure", "rating-chart");
  const summary = CONCEPTS.map(([concept, field]) => (ratings.length === 1
    ? t("chartSingle", { concept: conceptName(concept), to: ratings[0][field] })
    : t("chartPoint", { concept: conceptName(concept), from: ratings[0][field], to: ratings.at(-1)[field] }))).join(", ");
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": t("chartSummary", { problem: name, summary }) });
  for (let v = 1; v <= 5; v++) {
    svg.append(svgEl("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: "#d5dde1", "stroke-width": 1 }));
    const label = svgEl("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#4a5a63" });
    label.textContent = String(v);
    svg.append(label);
  }
  // Equal scores would hide one line behind another: each concept sits a few pixels apart.
  const offsets = { knowledge: -2, behavior: 0, status: 2 };
  for (const [, field] of CONCEPTS) {
    const s = SERIES[field];
    const points = ratings.map((r, i) => [x(i), y(r[field]) + offsets[field]]);
    if (points.length > 1) {
      svg.append(svgEl("polyline", {
        points: points.map((p) => p.join(",")).join(" "), fill: "none", stroke: s.colour, "stroke-width": 2.5, "stroke-dasharray": s.dash,
      }));
    }
    for (const [px, py] of points) svg.append(marker(s, px, py));
  }
  // Legend inside the picture, so a printed or zoomed chart still says which line is which.
  CONCEPTS.forEach(([concept, field], i) => {
    const s = SERIES[field];
    const lx = left + i * 100;
    const ly = height - 12;
    svg.append(svgEl("line", { x1: lx, x2: lx + 22, y1: ly, y2: ly, stroke: s.colour, "stroke-width": 2.5, "stroke-dasharray": s.dash }));
    svg.append(marker(s, lx + 11, ly));
    const text = svgEl("text", { x: lx + 27, y: ly + 4, "font-size": 11, fill: "#1c2b33" });
    text.textContent = conceptName(concept);
    svg.append(text);
  });
  figure.append(svg);
  return figure;
}

function marker(series, px, py) {
  if (series.marker === "circle") return svgEl("circle", { cx: px, cy: py, r: 4, fill: series.colour });
  if (series.marker === "square") return svgEl("rect", { x: px - 4, y: py - 4, width: 8, height: 8, fill: series.colour });
  return svgEl("polygon", { points: `${px},${py - 5} ${px + 5},${py} ${px},${py + 5} ${px - 5},${py}`, fill: series.colour });
}

function ratingForm(problem, name) {
  const draft = state.ratingDrafts.get(problem.code) ?? {};
  const last = problem.ratings.at(-1);
  const details = make("details", "rating-form");
  if (draft.open) details.open = true;
  details.addEventListener("toggle", () => remember());
  details.append(make("summary", null, t("rate")));
  const form = make("form");
  form.noValidate = true;
  form.setAttribute("aria-label", t("rateFor", { problem: name }));
  const row = make("div", "field-row");
  const moment = selectOf(MOMENTS.map((m) => ({ value: m, label: t(`moment${m}`) })), draft.moment ?? (problem.ratings.length ? "Review" : "Admission"), false);
  const date = input("date", draft.ratedOn ?? todayIso(), { max: todayIso() });
  row.append(labelled(t("moment"), moment), labelled(t("ratedOn"), date));
  const scores = {};
  for (const [concept, field] of CONCEPTS) {
    scores[field] = selectOf([1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `${v} – ${anchorName(concept, v)}` })), draft[field] ?? String(last?.[field] ?? 3), false);
    row.append(labelled(conceptName(concept), scores[field]));
  }
  const box = make("div", "problem");
  box.setAttribute("role", "alert");
  const submit = make("button", "button primary", t("saveRating"));
  submit.type = "submit";
  form.append(row, box, submit);
  details.append(form);

  function remember() {
    state.ratingDrafts.set(problem.code, {
      open: details.open, moment: moment.value, ratedOn: date.value,
      knowledge: scores.knowledge.value, behavior: scores.behavior.value, status: scores.status.value,
    });
  }
  form.addEventListener("change", remember);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    remember();
    clearProblem(box);
    try {
      state.plan = await api(`/api/clients/${state.clientId}/care-plan/problems/${problem.code}/ratings`, {
        method: "POST",
        body: {
          expectedVersion: state.plan.version, moment: moment.value, ratedOn: date.value,
          knowledge: Number(scores.knowledge.value), behavior: Number(scores.behavior.value), status: Number(scores.status.value),
        },
      });
      state.ratingDrafts.delete(problem.code);
      render();
      announce(t("ratingSaved", { problem: name }));
    } catch (failure) {
      if (await conflicted(failure)) return;
      showProblem(box, failure);
    }
  });
  return details;
}

/** A 409: show the plan as it is now, say so in our words, and keep what the nurse typed. */
async function conflicted(problem) {
  if (!(problem instanceof ApiProblem) || problem.status !== 409) return false;
  state.plan = await api(`/api/clients/${state.clientId}/care-plan`);
  state.conflictVersion = problem.extensions.currentVersion ?? state.plan.version;
  // The next save is made on the version she has now been shown.
  if (state.editing) state.editing.basisVersion = state.plan.version;
  $("conflict").hidden = false;
  render();
  announce($("conflict-text").textContent);
  $("conflict").scrollIntoView({ block: "start" });
  return true;
}

function clearConflict() {
  state.conflictVersion = null;
  $("conflict").hidden = true;
}

async function removeProblem(problem) {
  clearProblem($("page-problem"));
  try {
    state.plan = await api(`/api/clients/${state.clientId}/care-plan/problems/${problem.code}?expectedVersion=${state.plan.version}`, { method: "DELETE" });
    clearConflict();
    render();
    announce(t("removed", { problem: problemName(problem.code), version: state.plan.version }));
  } catch (failure) {
    if (await conflicted(failure)) return;
    refused(failure);
  }
}

// The circle: what the client and their network propose to do themselves, answered here.

async function loadCircle() {
  if (!state.clientId) return;
  const [circle, history] = await Promise.all([
    api(`/api/clients/${state.clientId}/care-plan/circle-tasks`),
    api(`/api/clients/${state.clientId}/care-plan/history`),
  ]);
  state.circle = circle;
  state.history = history;
}

// What a nurse has typed into an answer stays through a redraw (a colleague's edit, a language switch).
const answerDrafts = new Map();

function renderCircle() {
  const waiting = state.circle?.tasks.filter((task) => task.status === "Proposed") ?? [];
  $("circle-panel").hidden = !state.circle || !state.canWrite;
  if ($("circle-panel").hidden) return;
  $("circle-waiting").replaceChildren(...waiting.map(answerView));
  $("no-circle-waiting").hidden = waiting.length > 0;
}

function answerView(task) {
  const draft = answerDrafts.get(task.id) ?? {};
  const item = make("li", "circle-task status-proposed");
  item.dataset.task = task.id;
  item.append(...taskLines(task));
  item.append(make("p", "muted", t("circleProposedBy", { who: personText(task.proposedBy), date: shortDate(task.proposedAt) })));
  const box = make("div", "problem");
  box.setAttribute("role", "alert");

  const problems = state.plan.problems;
  const under = selectOf(problems.map((p) => ({ value: String(p.code), label: problemName(p.code) })), draft.problem ?? (problems[0] ? String(problems[0].code) : ""), false);
  under.addEventListener("change", () => answerDrafts.set(task.id, { ...answerDrafts.get(task.id), problem: under.value }));
  if (problems.length) item.append(labelled(t("circleUnder"), under));
  else item.append(make("p", "note", t("circleNoProblemYet")));

  const actions = make("div", "actions");
  const button = (text, label, className = "button") => {
    const b = make("button", className, text);
    b.type = "button";
    b.setAttribute("aria-label", label);
    actions.append(b);
    return b;
  };
  const agree = button(t("circleAgree"), t("circleAgreeFor", { text: task.text }), "button primary");
  agree.disabled = !problems.length;
  const adjust = button(t("circleAdjust"), t("circleAdjustFor", { text: task.text }));
  adjust.disabled = !problems.length;
  const explain = button(t("circleExplain"), t("circleExplainFor", { text: task.text }));
  item.append(actions);

  // Aanpassen: what is agreed with the family, its days and time, then agreed as adjusted.
  const adjustForm = make("form", "circle-answer");
  adjustForm.noValidate = true;
  adjustForm.hidden = !draft.adjusting;
  const text = input("text", draft.text ?? task.text, { maxlength: 200 });
  text.dataset.field = "text";
  const days = dayPicker(t("circleDays"), draft.days ?? task.when.days);
  const at = input("time", draft.at ?? (task.when.at ? hhmm(task.when.at) : ""));
  const note = make("textarea");
  note.rows = 2;
  note.value = draft.note ?? "";
  const adjustSubmit = make("button", "button primary", t("circleAgreeAdjusted"));
  adjustSubmit.type = "submit";
  adjustForm.append(labelled(t("circleAdjustedText"), text), days, labelled(t("circleTime"), at), labelled(t("circleNote"), note), adjustSubmit);
  adjustForm.addEventListener("input", () => answerDrafts.set(task.id, {
    ...answerDrafts.get(task.id), adjusting: true, text: text.value, days: days.read(), at: at.value, note: note.value,
  }));

  // Uitleggen: why a professional must do it; the explanation is required (the server says so too).
  const explainForm = make("form", "circle-answer");
  explainForm.noValidate = true;
  explainForm.hidden = !draft.explaining;
  const why = make("textarea");
  why.rows = 3;
  why.value = draft.why ?? "";
  why.dataset.field = "explanation";
  const whySubmit = make("button", "button primary", t("circleSendWhy"));
  whySubmit.type = "submit";
  explainForm.append(labelled(t("circleWhy"), why), whySubmit);
  explainForm.addEventListener("input", () => answerDrafts.set(task.id, { ...answerDrafts.get(task.id), explaining: true, why: why.value }));

  item.append(adjustForm, explainForm, box);

  adjust.addEventListener("click", () => {
    adjustForm.hidden = false;
    explainForm.hidden = true;
    answerDrafts.set(task.id, { ...answerDrafts.get(task.id), adjusting: true, explaining: false });
    text.focus();
  });
  explain.addEventListener("click", () => {
    explainForm.hidden = false;
    adjustForm.hidden = true;
    answerDrafts.set(task.id, { ...answerDrafts.get(task.id), explaining: true, adjusting: false });
    why.focus();
  });

  const send = async (path, body, said) => {
    clearProblem(box);
    try {
      await api(`/api/clients/${state.clientId}/care-plan/circle-tasks/${task.id}/${path}`, { method: "POST", body });
      answerDrafts.delete(task.id);
      state.plan = await api(`/api/clients/${state.clientId}/care-plan`);
      await loadCircle();
      render();
      announce(said);
    } catch (problem) {
      showProblem(box, problem, { fields: { problemCode: t("circleUnder"), text: t("circleAdjustedText"), days: t("circleDays"), at: t("circleTime"), explanation: t("circleWhy") } });
    }
  };
  agree.addEventListener("click", () => send("agree", { problemCode: Number(under.value) }, t("circleAgreedNow", { text: task.text })));
  adjustForm.addEventListener("submit", (event) => {
    event.preventDefault();
    send("agree", {
      problemCode: Number(under.value), text: text.value, days: days.read(), at: at.value || null, partOfDay: at.value ? null : task.when.partOfDay, note: note.value || null,
    }, t("circleAgreedNow", { text: text.value }));
  });
  explainForm.addEventListener("submit", (event) => {
    event.preventDefault();
    send("decline", { explanation: why.value }, t("circleDeclinedNow", { text: task.text }));
  });
  return item;
}

/** Who changed what, newest first: the nurses' edits and every step of the circle, each with who took it. */
function renderHistory() {
  $("history-panel").hidden = !state.history?.length;
  const tasks = new Map((state.circle?.tasks ?? []).map((task) => [task.id, task]));
  $("history-list").replaceChildren(...[...state.history].reverse().map((entry) => {
    const task = tasks.get(entry.circleTaskId);
    const what = t(`history${entry.kind}`, { problem: problemName(entry.problemCode), text: task?.text ?? "" });
    const when = `${formatDate(entry.at.slice(0, 10), { day: "numeric", month: "short" })} ${new Date(entry.at).toTimeString().slice(0, 5)}`;
    const item = make("li", null, t("historyEntry", { date: when, who: personText(entry.who, { named: true }), what }));
    item.dataset.version = entry.version;
    return item;
  }));
}

// The editor

function fillProblemSelect(select, chosen, existing) {
  const placeholder = make("option", null, t("choose"));
  placeholder.value = "";
  const groups = domainKeys.map((domain) => {
    const group = make("optgroup");
    group.label = domainName(domain);
    group.append(...problemCodes.filter((code) => state.catalogue.get(code) === domain).map((code) => {
      const option = make("option", null, problemName(code));
      option.value = String(code);
      // A problem is in a plan once; an existing one is edited, not added twice.
      option.disabled = existing.has(code) && code !== chosen;
      return option;
    }));
    return group;
  });
  select.replaceChildren(placeholder, ...groups);
  select.value = chosen ? String(chosen) : "";
}

function openEditor(problem = null) {
  clearProblem($("form-problem"));
  state.editing = { code: problem?.code ?? null, basisVersion: state.plan.version };
  const select = $("problem-code");
  fillProblemSelect(select, problem?.code ?? null, new Set(state.plan.problems.map((p) => p.code)));
  select.disabled = problem !== null;
  fillSelect($("problem-scope"), scopeKeys.map((s) => ({ value: s, label: scopeName(s) })), problem?.scope ?? "Individual");
  fillSelect($("problem-type"), typeKeys.map((s) => ({ value: s, label: typeName(s) })), problem?.type ?? "Actual");
  $("problem-signs").value = (problem?.signsAndSymptoms ?? []).join("\n");
  $("intervention-editors").replaceChildren(...(problem?.interventions ?? []).map(interventionEditor));
  if (!problem) $("intervention-editors").append(interventionEditor(null));
  $("editor").hidden = false;
  relabelEditor();
  $("editor-heading").focus();
}

function closeEditor() {
  state.editing = null;
  $("editor").hidden = true;
  clearConflict();
}

/** Texts of the open editor in the current language, keeping every value she chose or typed. */
function relabelEditor() {
  const code = state.editing.code ?? Number($("problem-code").value || 0);
  $("editor-heading").textContent = state.editing.code ? t("editingProblem", { problem: problemName(state.editing.code) }) : t("newProblem");
  $("problem-domain").textContent = code ? t("domainIs", { domain: domainName(state.catalogue.get(code)) }) : "";
  $("signs-field").hidden = $("problem-type").value !== "Actual";
  for (const [i, item] of [...$("intervention-editors").children].entries()) item.relabel?.(i + 1);
}

function interventionEditor(intervention) {
  const item = make("li", "intervention-editor");
  item.dataset.id = intervention?.id ?? "";
  const fieldset = make("fieldset");
  const legend = make("legend");
  const s = intervention?.schedule;
  const category = make("select");
  const target = make("select");
  const description = make("textarea");
  description.rows = 2;
  description.value = intervention?.description ?? "";
  const times = input("number", s?.timesPerPeriod ?? 1, { min: 1, max: 168, inputmode: "numeric" });
  const period = make("select");
  const from = input("time", s ? hhmm(s.windowStart) : "08:00");
  const to = input("time", s ? hhmm(s.windowEnd) : "10:00");
  const minutes = input("number", s?.durationMinutes ?? 30, { min: 5, max: 240, step: 5, inputmode: "numeric" });
  const qualificationSelect = make("select");
  const two = input("checkbox");
  two.checked = s?.twoNurses ?? false;
  const performer = make("select");
  const member = make("select");
  const remove = make("button", "button danger");
  remove.type = "button";
  remove.addEventListener("click", () => {
    item.remove();
    relabelEditor();
  });

  const twoField = make("div", "field checkbox-field");
  const twoLabel = make("label");
  twoLabel.append(two, " ", make("span"));
  twoField.append(twoLabel);
  const memberField = labelled("", member);
  const qualificationField = labelled("", qualificationSelect);
  const fields = {
    category: labelled("", category), target: labelled("", target), description: labelled("", description, "field wide"),
    times: labelled("", times), period: labelled("", period), from: labelled("", from), to: labelled("", to), minutes: labelled("", minutes),
    performer: labelled("", performer),
  };
  const rowWhat = make("div", "field-row");
  rowWhat.append(fields.category, fields.target);
  const rowWhen = make("div", "field-row");
  rowWhen.append(fields.times, fields.period, fields.from, fields.to, fields.minutes);
  const rowWho = make("div", "field-row");
  rowWho.append(fields.performer, memberField, qualificationField, twoField);
  fieldset.append(legend, rowWhat, fields.description, rowWhen, rowWho, remove);
  item.append(fieldset);

  const showWho = () => {
    const network = performer.value === "Network";
    const circle = performer.value !== "Team";
    memberField.hidden = !network;
    qualificationField.hidden = circle;
    twoField.hidden = circle;
  };
  performer.addEventListener("change", showWho);

  // Labels and option names in the current language; chosen values stay as they are.
  item.relabel = (n) => {
    legend.textContent = t("interventionN", { n });
    remove.textContent = t("removeIntervention", { n });
    const keep = (select, fill) => {
      const value = select.value || select.dataset.initial || "";
      fill(value);
      delete select.dataset.initial;
    };
    keep(category, (v) => fillSelect(category, categoryKeys.map((c) => ({ value: c, label: categoryName(c) })), v));
    keep(target, (v) => fillSelect(target, targetCodes.map((c) => ({ value: String(c), label: targetName(c) })), v));
    keep(period, (v) => fillSelect(period, [{ value: "Day", label: t("periodDay") }, { value: "Week", label: t("periodWeek") }], v));
    keep(qualificationSelect, (v) => {
      fillSelect(qualificationSelect, QUALIFICATIONS.map((q) => ({ value: q, label: qualification(q) })), v);
      qualificationSelect.options[0].textContent = t("noQualification");
    });
    keep(performer, (v) => fillSelect(performer, [
      { value: "Team", label: t("performerTeam") }, { value: "Network", label: t("performerNetwork") }, { value: "Client", label: t("performerClient") },
    ], v));
    keep(member, (v) => fillSelect(member, state.network.map((m) => ({ value: m.id, label: m.details.name })), v));
    const labelOf = (field) => field.querySelector("label");
    labelOf(fields.category).textContent = t("category");
    labelOf(fields.target).textContent = t("target");
    labelOf(fields.description).textContent = t("careDescription");
    labelOf(fields.times).textContent = t("timesPerPeriod");
    labelOf(fields.period).textContent = t("period");
    labelOf(fields.from).textContent = t("windowStart");
    labelOf(fields.to).textContent = t("windowEnd");
    labelOf(fields.minutes).textContent = t("durationMinutes");
    labelOf(fields.performer).textContent = t("performedBy");
    labelOf(memberField).textContent = t("networkMember");
    labelOf(qualificationField).textContent = t("requiredQualification");
    twoLabel.querySelector("span").textContent = t("twoNurses");
    showWho();
  };
  category.dataset.initial = intervention?.category ?? "";
  target.dataset.initial = intervention ? String(intervention.targetCode) : "";
  period.dataset.initial = s?.period ?? "Day";
  qualificationSelect.dataset.initial = s?.requiredQualification ?? "";
  performer.dataset.initial = intervention?.performedBy ?? "Team";
  member.dataset.initial = intervention?.networkMemberId ?? "";

  item.read = () => {
    const network = performer.value === "Network";
    const circle = performer.value !== "Team";
    // A task of the circle keeps its days while it stays weekly as often as it has days.
    const days = s?.days ?? null;
    const keepDays = circle && days && period.value === "Week" && Number(times.value) === days.length;
    return {
      id: item.dataset.id || null,
      category: category.value || null,
      targetCode: target.value ? Number(target.value) : null,
      description: description.value,
      timesPerPeriod: times.value ? Number(times.value) : null,
      period: period.value || null,
      windowStart: from.value || null,
      windowEnd: to.value || null,
      durationMinutes: minutes.value ? Number(minutes.value) : null,
      requiredQualification: circle ? null : qualificationSelect.value || null,
      twoNurses: circle ? false : two.checked,
      performedBy: performer.value || null,
      networkMemberId: network ? member.value || null : null,
      days: keepDays ? days : null,
    };
  };
  return item;
}

async function saveProblem(event) {
  event.preventDefault();
  const box = $("form-problem");
  clearProblem(box);
  const code = state.editing.code ?? Number($("problem-code").value || 0);
  if (!code) {
    box.append(make("p", null, t("chooseProblemFirst")));
    $("problem-code").focus();
    return;
  }
  const type = $("problem-type").value;
  const body = {
    expectedVersion: state.editing.basisVersion,
    scope: $("problem-scope").value || null,
    type: type || null,
    signsAndSymptoms: type === "Actual" ? $("problem-signs").value.split("\n").map((line) => line.trim()).filter(Boolean) : [],
    interventions: [...$("intervention-editors").children].map((item) => item.read()),
  };
  $("problem-form").setAttribute("aria-busy", "true");
  try {
    state.plan = await api(`/api/clients/${state.clientId}/care-plan/problems/${code}`, { method: "PUT", body });
    closeEditor();
    render();
    announce(t("saved", { version: state.plan.version }));
    document.getElementById(`problem-${code}`)?.scrollIntoView({ block: "start" });
  } catch (problem) {
    if (await conflicted(problem)) return;
    showProblem(box, problem);
  } finally {
    $("problem-form").removeAttribute("aria-busy");
  }
}

$("add-problem").addEventListener("click", () => openEditor(null));
$("add-intervention").addEventListener("click", () => {
  $("intervention-editors").append(interventionEditor(null));
  relabelEditor();
  $("intervention-editors").lastElementChild.querySelector("select")?.focus();
});
$("cancel-edit").addEventListener("click", closeEditor);
$("problem-form").addEventListener("submit", saveProblem);
$("problem-type").addEventListener("change", relabelEditor);
$("problem-code").addEventListener("change", relabelEditor);

// Care-plan writes change the client's visits, so a schedule change for this client is the
// signal that someone may have changed the plan: read it again (an open form keeps its basis).
const reread = async () => {
  if (!state.clientId || !state.me || !state.plan) return;
  try {
    state.plan = await api(`/api/clients/${state.clientId}/care-plan`);
    await loadCircle();
    render();
  } catch (problem) {
    refused(problem);
  }
};

const stream = openStream({
  handlers: {
    ScheduleChanged: (change) => {
      if (change.clientIds?.includes(state.clientId)) reread();
    },
    AccessChanged: (clientId) => {
      if (clientId === state.clientId) reread();
    },
  },
  watch: async (connection) => {
    if (!state.clientId || !state.plan) return;
    try {
      await connection.invoke("WatchClient", state.clientId);
    } catch (refusal) {
      if (String(refusal?.message).includes("try again in a moment")) throw refusal;
    }
  },
  resync: reread,
});

setUpPage(() => {
  stream?.render?.();
  // Option names of the editor's fixed selects in the new language, keeping what was chosen.
  fillSelect($("problem-scope"), scopeKeys.map((s) => ({ value: s, label: scopeName(s) })), $("problem-scope").value);
  fillSelect($("problem-type"), typeKeys.map((s) => ({ value: s, label: typeName(s) })), $("problem-type").value);
  if (state.editing) {
    const code = $("problem-code");
    fillProblemSelect(code, Number(code.value) || null, new Set(state.plan.problems.map((p) => p.code)));
  }
  render();
});
load();
