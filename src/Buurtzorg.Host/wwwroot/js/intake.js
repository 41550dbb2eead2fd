// Intake: a nurse registers a new client for her own team (who, where, the indication) with the
// Omaha problems the care starts with, then goes on to the client's page.
import { addStrings, t } from "./i18n.js";
import { fillSelect } from "./labels.js";
import { $, announce, api, make, openStream, params, setUpPage, showProblem, todayIso, whoAmI } from "./page.js";
import { clearFieldErrors, showFieldErrors } from "./fields.js";
import { domainName, problemName } from "./omaha.js";

addStrings({
  nl: {
    intakeFor: "Inschrijven bij {team}.",
    personHeading: "Cliënt",
    clientName: "Naam",
    dateOfBirth: "Geboortedatum",
    phone: "Telefoonnummer",
    addressHeading: "Adres",
    street: "Straat",
    houseNumber: "Huisnummer",
    postcode: "Postcode",
    city: "Plaats",
    locationApprox: "Let op: de ligging van het adres is bij benadering. Er is geen adreszoeker, dus de rondeplanning rekent met het midden van de woonplekken van de verpleegkundigen van {team} ({latitude}, {longitude}). Weet u de precieze ligging, vul die dan hieronder in.",
    locationOwn: "De ligging is door u ingevuld ({latitude}, {longitude}).",
    locationCorrect: "Ligging aanpassen",
    locationHint: "Weet u de precieze ligging, bijvoorbeeld uit een kaart-app? Vul dan de breedte- en lengtegraad in.",
    latitude: "Breedtegraad",
    longitude: "Lengtegraad",
    indicationHeading: "Indicatie",
    indicationHours: "Uren per week",
    startDate: "Zorg begint op",
    problemsHeading: "Eerste problemen (Omaha)",
    problemsHint: "Kies de problemen waarmee de zorg begint. Interventies en de eerste scores legt u daarna vast in het zorgplan.",
    problemChoice: "Probleem",
    addProblem: "Probleem toevoegen",
    removeProblem: "Verwijderen",
    removeProblemLabel: "{problem} verwijderen",
    problemScope: "Voor wie",
    problemType: "Soort",
    problemSigns: "Wat u ziet (tekenen en symptomen, één per regel)",
    "scope.Individual": "Individu",
    "scope.Family": "Gezin",
    "scope.Community": "Gemeenschap",
    "type.HealthPromotion": "Gezondheidsbevordering",
    "type.Potential": "Risico (potentieel)",
    "type.Actual": "Actueel",
    register: "Cliënt inschrijven",
    registered: "{name} is ingeschreven.",
    problemNotSaved: "{name} is ingeschreven, maar niet elk probleem is opgeslagen. Pas het aan en probeer opnieuw, of ga naar de cliënt.",
    toClient: "Naar {name}",
    onlyNurses: "Alleen wijkverpleegkundigen schrijven cliënten in.",
    noOwnTeam: "U hoort bij geen team, dus u kunt geen cliënt inschrijven. Vraag op de pagina Teams of u bij een team mag komen.",
    notYourTeam: "U kunt dit team niet openen. U schrijft alleen cliënten in voor het team waarin u zelf werkt.",
  },
  en: {
    intakeFor: "Registering with {team}.",
    personHeading: "Client",
    clientName: "Name",
    dateOfBirth: "Date of birth",
    phone: "Phone number",
    addressHeading: "Address",
    street: "Street",
    houseNumber: "House number",
    postcode: "Postcode",
    city: "Town",
    locationApprox: "Note: the location of the address is approximate. There is no address lookup, so round planning uses the middle of the homes of {team}'s nurses ({latitude}, {longitude}). If you know the exact location, enter it below.",
    locationOwn: "You entered the location ({latitude}, {longitude}).",
    locationCorrect: "Correct the location",
    locationHint: "Do you know the exact location, for example from a map app? Then enter the latitude and longitude.",
    latitude: "Latitude",
    longitude: "Longitude",
    indicationHeading: "Indication",
    indicationHours: "Hours a week",
    startDate: "Care starts on",
    problemsHeading: "First problems (Omaha)",
    problemsHint: "Choose the problems the care starts with. Add interventions and the first ratings in the care plan afterwards.",
    problemChoice: "Problem",
    addProblem: "Add problem",
    removeProblem: "Remove",
    removeProblemLabel: "Remove {problem}",
    problemScope: "For whom",
    problemType: "Kind",
    problemSigns: "What you see (signs and symptoms, one per line)",
    "scope.Individual": "Individual",
    "scope.Family": "Family",
    "scope.Community": "Community",
    "type.HealthPromotion": "Health promotion",
    "type.Potential": "Potential",
    "type.Actual": "Actual",
    register: "Register client",
    registered: "{name} has been registered.",
    problemNotSaved: "{name} has been registered, but not every problem was saved. Correct it and try again, or go to the client.",
    toClient: "Go to {name}",
    onlyNurses: "Only district nurses register clients.",
    noOwnTeam: "You are not in a team, so you cannot register a client. Ask to join one on the Teams page.",
    notYourTeam: "You cannot open this team. You register clients only for the team you work in yourself.",
  },
});

const DOMAINS = ["Environmental", "Psychosocial", "Physiological", "HealthRelatedBehaviors"];

const state = {
  me: null,
  team: null,
  centre: null, // the team's approximate middle: { latitude, longitude }
  omaha: [],
  chosen: [], // [{ code, scope, type, signs }]
  registered: null, // the client once registered, so a second try only writes what is left
  written: new Set(), // problem codes already in the plan
  planVersion: 0,
};


async function load() {
  try {
    state.me = await whoAmI();
    if (state.me.role !== "Nurse") {
      refuse(t("onlyNurses"));
      return;
    }
    const own = (await api(`/api/nurses/${state.me.subjectId}`)).teamId;
    const teamId = params.get("team") ?? own;
    if (!teamId) {
      refuse(t("noOwnTeam"));
      return;
    }
    try {
      state.team = await api(`/api/teams/${teamId}`);
    } catch (problem) {
      // The server answers a team that is not hers as "not found", as it does for every id.
      if (problem.status === 404) {
        refuse(t("notYourTeam"));
        return;
      }
      throw problem;
    }
    state.omaha = await api("/api/omaha/problems");
    state.centre = await teamCentre(state.team);
    $("latitude").value = state.centre.latitude.toFixed(5);
    $("longitude").value = state.centre.longitude.toFixed(5);
    $("startDate").value = todayIso();
    $("intake-form").hidden = false;
    render();
  } catch (problem) {
    showProblem($("page-problem"), problem);
  }
}

function refuse(message) {
  $("page-problem").replaceChildren(make("p", null, message));
  $("intake-form").hidden = true;
}

/**
 * There is no geocoder in the system, so the honest first guess is the team's own neighbourhood:
 * the mean of its nurses' homes (nurses' records, not clients', so no client's record is read).
 */
async function teamCentre(team) {
  const nurses = await Promise.all(team.nurses.map((n) => api(`/api/nurses/${n.nurseId}`).catch(() => null)));
  const homes = nurses.filter(Boolean).map((n) => n.profile.home);
  const mean = (key) => homes.reduce((sum, h) => sum + h[key], 0) / homes.length;
  return { latitude: mean("latitude"), longitude: mean("longitude") };
}

function locationIsOwn() {
  return Number($("latitude").value).toFixed(5) !== state.centre.latitude.toFixed(5)
    || Number($("longitude").value).toFixed(5) !== state.centre.longitude.toFixed(5);
}

function renderLocation() {
  if (!state.centre) return;
  const values = { team: state.team.name, latitude: $("latitude").value, longitude: $("longitude").value };
  $("location-note").textContent = t(locationIsOwn() ? "locationOwn" : "locationApprox", values);
}

function renderChoice() {
  const chosen = new Set(state.chosen.map((p) => p.code));
  const select = $("problem-choice");
  const keep = select.value;
  fillSelect(select, [], "");
  for (const domain of DOMAINS) {
    const group = make("optgroup");
    group.label = domainName(domain);
    for (const problem of state.omaha.filter((p) => p.domain === domain && !chosen.has(p.code))) {
      const option = make("option", null, problemName(problem.code));
      option.value = String(problem.code);
      group.append(option);
    }
    if (group.children.length) select.append(group);
  }
  select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
}

function radioGroup(name, legend, values, chosen, onChange) {
  const fieldset = make("fieldset", "compact-choice");
  fieldset.append(make("legend", null, legend));
  for (const value of values) {
    const label = make("label", "radio-label");
    const input = make("input");
    input.type = "radio";
    input.name = name;
    input.value = value.value;
    input.checked = value.value === chosen;
    input.addEventListener("change", () => onChange(value.value));
    label.append(input, value.label);
    fieldset.append(label);
  }
  return fieldset;
}

function renderProblems() {
  $("intake-problems").replaceChildren(...state.chosen.map((problem) => {
    const item = make("li", "intake-problem");
    item.dataset.problem = String(problem.code);
    const name = problemName(problem.code);
    const heading = make("h3", null, name);
    heading.lang = "en";
    const remove = make("button", "button danger", t("removeProblem"));
    remove.type = "button";
    remove.setAttribute("aria-label", t("removeProblemLabel", { problem: name }));
    remove.disabled = state.written.has(problem.code);
    remove.addEventListener("click", () => {
      state.chosen = state.chosen.filter((p) => p !== problem);
      render();
      $("problem-choice").focus();
    });
    const top = make("div", "intake-problem-top");
    top.append(heading, remove);
    item.append(top);
    item.append(radioGroup(`scope-${problem.code}`, t("problemScope"),
      ["Individual", "Family", "Community"].map((v) => ({ value: v, label: t(`scope.${v}`) })), problem.scope, (v) => { problem.scope = v; }));
    const type = radioGroup(`type-${problem.code}`, t("problemType"),
      ["HealthPromotion", "Potential", "Actual"].map((v) => ({ value: v, label: t(`type.${v}`) })), problem.type, (v) => {
        problem.type = v;
        signs.hidden = v !== "Actual";
      });
    type.dataset.field = "type";
    item.append(type);
    // Signs and symptoms belong to an actual problem only (the Omaha System's rule, and the server's).
    const signs = make("div", "field");
    signs.hidden = problem.type !== "Actual";
    const label = make("label", null, t("problemSigns"));
    const area = make("textarea");
    area.id = `signs-${problem.code}`;
    area.rows = 3;
    area.value = problem.signs;
    area.dataset.field = "signsAndSymptoms";
    area.addEventListener("input", () => { problem.signs = area.value; });
    label.htmlFor = area.id;
    signs.append(label, area);
    item.append(signs);
    return item;
  }));
}

function render() {
  if (!state.team) return;
  $("intake-team").textContent = t("intakeFor", { team: state.team.name });
  renderLocation();
  renderChoice();
  renderProblems();
}

$("add-problem").addEventListener("click", () => {
  const code = Number($("problem-choice").value);
  if (!code) {
    $("problem-choice").focus();
    return;
  }
  state.chosen.push({ code, scope: "Individual", type: "Actual", signs: "" });
  render();
  $(`signs-${code}`)?.focus();
});

for (const id of ["latitude", "longitude"]) $(id).addEventListener("input", renderLocation);

const number = (id) => ($(id).value.trim() === "" ? null : Number($(id).value));
const text = (id) => $(id).value.trim() || null;

function registration() {
  return {
    name: text("name"),
    dateOfBirth: $("dateOfBirth").value || null,
    address: {
      street: text("street"),
      houseNumber: text("houseNumber"),
      postcode: text("postcode"),
      city: text("city"),
      latitude: number("latitude"),
      longitude: number("longitude"),
    },
    phone: text("phone"),
    indicationHoursPerWeek: number("indicationHoursPerWeek"),
    startDate: $("startDate").value || null,
  };
}

/** Writes the chosen problems one after another, each on the plan version the one before made. */
async function writeProblems(clientId) {
  for (const problem of state.chosen) {
    if (state.written.has(problem.code)) continue;
    const row = $("intake-problems").querySelector(`[data-problem='${problem.code}']`);
    const body = {
      expectedVersion: state.planVersion,
      changedBy: state.me.subjectId,
      scope: problem.scope,
      type: problem.type,
      signsAndSymptoms: problem.type === "Actual" ? problem.signs.split("\n").map((s) => s.trim()).filter(Boolean) : [],
      interventions: [],
    };
    try {
      const plan = await api(`/api/clients/${clientId}/care-plan/problems/${problem.code}`, { method: "PUT", body });
      state.planVersion = plan.version;
      state.written.add(problem.code);
      row.querySelector(".intake-problem-top .button").disabled = true;
    } catch (problemDetails) {
      const box = make("div", "problem");
      box.setAttribute("role", "alert");
      row.append(box);
      showFieldErrors(row, box, problemDetails);
      return false;
    }
  }
  return true;
}

$("intake-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("intake-form");
  if (form.getAttribute("aria-busy") === "true") return;
  form.setAttribute("aria-busy", "true");
  clearFieldErrors(form, $("intake-problem"));
  for (const box of form.querySelectorAll(".intake-problem .problem")) box.remove();
  try {
    if (!state.registered) {
      state.registered = await api(`/api/teams/${state.team.id}/clients`, { method: "POST", body: registration() });
      // From here on the client exists: the person's fields are no longer what a retry sends.
      for (const input of form.querySelectorAll("section:not([aria-labelledby='problems-heading']) input")) input.readOnly = true;
    }
    const name = state.registered.details.name;
    if (await writeProblems(state.registered.id)) {
      announce(t("registered", { name }));
      location.assign(`client.html?client=${state.registered.id}`);
      return;
    }
    const note = make("p", null, t("problemNotSaved", { name }));
    const link = make("a", null, t("toClient", { name }));
    link.href = `client.html?client=${state.registered.id}`;
    $("intake-problem").replaceChildren(note, link);
  } catch (problem) {
    if (problem?.errors?.["address.location"]) $("location-details").open = true;
    showFieldErrors(form, $("intake-problem"), problem);
  } finally {
    form.removeAttribute("aria-busy");
  }
});

// Live only to show the connection; nothing on this page changes under the nurse.
const stream = openStream({ handlers: {}, watch: async () => {}, resync: async () => {} });

setUpPage(() => {
  stream?.render?.();
  render();
});
load();
