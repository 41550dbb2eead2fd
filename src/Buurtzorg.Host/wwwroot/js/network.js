// The client's network on one screen: the relatives, neighbours and friends around the client,
// what each takes on, and what each may see. The client and the nurses of the client's team keep
// the list; what each person may see is the client's own decision, so only the client sets it.
import { addStrings, t } from "./i18n.js";
import { fillSelect } from "./labels.js";
import { $, announce, api, make, openStream, params, setUpPage, showProblem, whoAmI } from "./page.js";
import { clearFieldErrors, showFieldErrors } from "./fields.js";

addStrings({
  nl: {
    networkOf: "Netwerk van {name}",
    introClient: "De mensen om u heen: familie, buren, vrienden. U bepaalt wie erbij hoort en wat ieder mag zien.",
    introNurse: "De mensen om {name} heen. U houdt de lijst samen met {name} bij; wat ieder mag zien, bepaalt {name} zelf.",
    membersHeading: "Mensen in het netwerk",
    noMembers: "Er staat nog niemand in het netwerk.",
    levelsHeading: "Wat betekent wat iemand mag zien?",
    accessNone: "Niets",
    accessAgenda: "Agenda",
    accessCarePlan: "Zorgplan",
    accessNoneExplained: "Staat in het netwerk (het team kan hem of haar bellen), maar ziet niets van de zorg.",
    accessAgendaExplained: "Ziet wie wanneer komt: de dagen, de tijden en de voornamen van de verpleegkundigen.",
    accessCarePlanExplained: "Ziet de agenda en ook het zorgplan: wat het team doet, wat familie en buren doen en hoe het gaat.",
    clientDecides: "U kiest dit per persoon, en u kunt het altijd weer veranderen.",
    nurseSeesDecision: "Dit kiest {name} zelf per persoon; u ziet hier wat {name} koos.",
    mayAccess: "Wat mag {name} zien?",
    sees: "Mag zien: {access}",
    takesOn: "Neemt op zich: {what}",
    callMember: "Bel {name}: {phone}",
    mailMember: "Mail {name}: {email}",
    accessChanged: "{name} mag nu zien: {access}.",
    addMember: "Iemand toevoegen",
    editMember: "{name} wijzigen",
    memberName: "Naam",
    memberRelation: "Relatie",
    memberDescription: "Omschrijving (bijv. dochter)",
    memberPhone: "Telefoonnummer",
    memberEmail: "E-mail",
    memberTakesOn: "Wat neemt hij of zij op zich? (mag leeg blijven)",
    addMemberButton: "Toevoegen",
    saveMember: "Opslaan",
    cancelEdit: "Annuleren",
    change: "Wijzigen",
    changeLabel: "{name} wijzigen",
    remove: "Verwijderen",
    removeLabel: "{name} verwijderen",
    confirmRemove: "{name} uit het netwerk halen? {name} ziet daarna niets meer.",
    yesRemove: "Ja, verwijderen",
    no: "Nee",
    memberAdded: "{name} staat nu in het netwerk.",
    memberSaved: "De gegevens van {name} zijn opgeslagen.",
    memberRemoved: "{name} staat niet meer in het netwerk.",
    relationFamily: "familie",
    relationNeighbour: "buur",
    relationInformalCarer: "mantelzorger",
    relationFriend: "vriend(in)",
    relationOther: "anders",
    notForFamily: "Het netwerk beheert de cliënt zelf, samen met het team. Op de pagina Cliënt en familie ziet u wat de cliënt met u deelt.",
    notForCentral: "Het netwerk van een cliënt is alleen voor de cliënt en het team van de cliënt.",
    chooseClientFirst: "Open het netwerk vanaf de pagina van een cliënt.",
    notYourClient: "U kunt het netwerk van deze cliënt niet openen: de cliënt hoort niet bij uw team.",
  },
  en: {
    networkOf: "{name}'s network",
    introClient: "The people around you: family, neighbours, friends. You decide who belongs to it and what each may see.",
    introNurse: "The people around {name}. You keep the list together with {name}; what each may see, {name} decides.",
    membersHeading: "People in the network",
    noMembers: "Nobody is in the network yet.",
    levelsHeading: "What does each level show?",
    accessNone: "Nothing",
    accessAgenda: "Agenda",
    accessCarePlan: "Care plan",
    accessNoneExplained: "In the network (the team can call them), but sees nothing of the care.",
    accessAgendaExplained: "Sees who is coming when: the days, the times and the nurses' first names.",
    accessCarePlanExplained: "Sees the agenda and the care plan too: what the team does, what family and neighbours do, and how it is going.",
    clientDecides: "You choose this for each person, and you can always change it again.",
    nurseSeesDecision: "{name} chooses this for each person; you see here what {name} chose.",
    mayAccess: "What may {name} see?",
    sees: "May see: {access}",
    takesOn: "Takes on: {what}",
    callMember: "Call {name}: {phone}",
    mailMember: "E-mail {name}: {email}",
    accessChanged: "{name} may now see: {access}.",
    addMember: "Add someone",
    editMember: "Change {name}",
    memberName: "Name",
    memberRelation: "Relation",
    memberDescription: "Description (e.g. daughter)",
    memberPhone: "Phone number",
    memberEmail: "E-mail",
    memberTakesOn: "What do they take on? (may stay empty)",
    addMemberButton: "Add",
    saveMember: "Save",
    cancelEdit: "Cancel",
    change: "Change",
    changeLabel: "Change {name}",
    remove: "Remove",
    removeLabel: "Remove {name}",
    confirmRemove: "Take {name} out of the network? {name} will see nothing any more.",
    yesRemove: "Yes, remove",
    no: "No",
    memberAdded: "{name} is now in the network.",
    memberSaved: "{name}'s details have been saved.",
    memberRemoved: "{name} is no longer in the network.",
    relationFamily: "family",
    relationNeighbour: "neighbour",
    relationInformalCarer: "informal carer",
    relationFriend: "friend",
    relationOther: "other",
    notForFamily: "The client keeps their network, together with the team. The Client and family page shows what the client shares with you.",
    notForCentral: "A client's network is for the client and the client's team only.",
    chooseClientFirst: "Open the network from a client's page.",
    notYourClient: "You cannot open this client's network: the client is not in your team.",
  },
});

const RELATIONS = ["Family", "Neighbour", "InformalCarer", "Friend", "Other"];
const LEVELS = ["None", "Agenda", "CarePlan"];

const state = {
  me: null,
  clientId: null,
  client: null,
  editing: null, // the member id being changed, or null when adding
  confirming: null, // the member id whose removal is being confirmed
};

const isClient = () => state.me?.role === "Client";
const clientName = () => state.client?.details.name ?? "";
const relationOf = (member) => member.details.relationDescription ?? t(`relation${member.details.relation}`);

async function load() {
  try {
    state.me = await whoAmI();
    if (state.me.role === "Family" || state.me.role === "Central") {
      refuse(t(state.me.role === "Family" ? "notForFamily" : "notForCentral"));
      return;
    }
    state.clientId = isClient() ? state.me.clients[0]?.id : params.get("client");
    if (!state.clientId) {
      refuse(t("chooseClientFirst"));
      return;
    }
    try {
      state.client = await api(`/api/clients/${state.clientId}`);
    } catch (problem) {
      // The server answers a client not hers as "not found", as it does for every id.
      if (problem.status === 404) {
        refuse(t("notYourClient"));
        return;
      }
      throw problem;
    }
    $("network").hidden = false;
    await stream.rewatch();
    render();
  } catch (problem) {
    showProblem($("page-problem"), problem);
  }
}

function refuse(message) {
  $("page-problem").replaceChildren(make("p", null, message));
  $("network").hidden = true;
}

function take(client) {
  state.client = client;
  render();
}

function accessControl(member) {
  if (!isClient()) return make("p", "member-access", t("sees", { access: t(`access${member.access}`) }));
  const field = make("div", "field member-access");
  const select = make("select");
  select.id = `access-${member.id}`;
  const label = make("label", null, t("mayAccess", { name: member.details.name }));
  label.htmlFor = select.id;
  for (const level of LEVELS) {
    const option = make("option", null, t(`access${level}`));
    option.value = level;
    option.selected = member.access === level;
    select.append(option);
  }
  select.addEventListener("change", async () => {
    $("members-problem").replaceChildren();
    try {
      take(await api(`/api/clients/${state.clientId}/network/${member.id}/access`, { method: "PUT", body: { access: select.value } }));
      announce(t("accessChanged", { name: member.details.name, access: t(`access${select.value}`) }));
      $(`access-${member.id}`)?.focus();
    } catch (problem) {
      showProblem($("members-problem"), problem);
    }
  });
  field.append(label, select);
  return field;
}

function memberItem(member) {
  const item = make("li", "member");
  item.dataset.member = member.id;
  const name = member.details.name;
  item.append(make("h3", null, `${name} (${relationOf(member)})`));
  const contact = make("p", "member-contact");
  if (member.details.phone) {
    const phone = make("a", null, member.details.phone);
    phone.href = `tel:${member.details.phone.replace(/[\s-]/g, "")}`;
    phone.setAttribute("aria-label", t("callMember", { name, phone: member.details.phone }));
    contact.append(phone);
  }
  if (member.details.email) {
    const mail = make("a", null, member.details.email);
    mail.href = `mailto:${member.details.email}`;
    mail.setAttribute("aria-label", t("mailMember", { name, email: member.details.email }));
    if (contact.childNodes.length) contact.append(" · ");
    contact.append(mail);
  }
  if (contact.childNodes.length) item.append(contact);
  if (member.details.takesOn) item.append(make("p", "member-takes-on", t("takesOn", { what: member.details.takesOn })));
  item.append(accessControl(member));

  const actions = make("div", "actions");
  if (state.confirming === member.id) {
    actions.append(make("p", "confirm-text", t("confirmRemove", { name })));
    const yes = make("button", "button danger", t("yesRemove"));
    yes.type = "button";
    yes.addEventListener("click", () => removeMember(member));
    const no = make("button", "button", t("no"));
    no.type = "button";
    no.addEventListener("click", () => {
      state.confirming = null;
      render();
      item.querySelector("[data-action='remove']")?.focus();
    });
    actions.append(yes, no);
  } else {
    const edit = make("button", "button", t("change"));
    edit.type = "button";
    edit.setAttribute("aria-label", t("changeLabel", { name }));
    edit.addEventListener("click", () => startEdit(member));
    const remove = make("button", "button danger", t("remove"));
    remove.type = "button";
    remove.dataset.action = "remove";
    remove.setAttribute("aria-label", t("removeLabel", { name }));
    remove.addEventListener("click", () => {
      state.confirming = member.id;
      render();
      $("member-list").querySelector(`[data-member='${member.id}'] .button.danger`)?.focus();
    });
    actions.append(edit, remove);
  }
  item.append(actions);
  return item;
}

async function removeMember(member) {
  $("members-problem").replaceChildren();
  try {
    state.confirming = null;
    if (state.editing === member.id) resetForm();
    take(await api(`/api/clients/${state.clientId}/network/${member.id}`, { method: "DELETE" }));
    announce(t("memberRemoved", { name: member.details.name }));
  } catch (problem) {
    showProblem($("members-problem"), problem);
  }
}

function startEdit(member) {
  state.editing = member.id;
  $("member-name").value = member.details.name;
  $("member-relation").value = member.details.relation;
  $("member-description").value = member.details.relationDescription ?? "";
  $("member-phone").value = member.details.phone ?? "";
  $("member-email").value = member.details.email ?? "";
  $("member-takes-on").value = member.details.takesOn ?? "";
  renderForm();
  $("member-name").focus();
}

function resetForm() {
  state.editing = null;
  $("member-form").reset();
  clearFieldErrors($("member-form"), $("member-problem"));
  renderForm();
}

function renderForm() {
  const editing = state.client?.network.find((m) => m.id === state.editing);
  if (state.editing && !editing) state.editing = null;
  $("member-form-heading").textContent = editing ? t("editMember", { name: editing.details.name }) : t("addMember");
  $("member-submit").textContent = t(editing ? "saveMember" : "addMemberButton");
  $("member-cancel").hidden = !editing;
  const relation = $("member-relation").value;
  fillSelect($("member-relation"), RELATIONS.map((r) => ({ value: r, label: t(`relation${r}`) })), relation);
}

function render() {
  if (!state.client) return;
  const name = clientName();
  $("network-title").textContent = isClient() ? t("navNetwork") : t("networkOf", { name });
  document.title = `${$("network-title").textContent} – Buurtzorg`;
  $("network-intro").textContent = isClient() ? t("introClient") : t("introNurse", { name });
  $("who-decides").textContent = isClient() ? t("clientDecides") : t("nurseSeesDecision", { name });
  $("member-list").replaceChildren(...state.client.network.map(memberItem));
  $("no-members").hidden = state.client.network.length > 0;
  renderForm();
}

$("member-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("member-form");
  if (form.getAttribute("aria-busy") === "true") return;
  form.setAttribute("aria-busy", "true");
  clearFieldErrors(form, $("member-problem"));
  const value = (id) => $(id).value.trim() || null;
  const body = {
    name: value("member-name"),
    relation: $("member-relation").value || null,
    relationDescription: value("member-description"),
    phone: value("member-phone"),
    email: value("member-email"),
    takesOn: value("member-takes-on"),
  };
  const editing = state.editing;
  try {
    const client = editing
      ? await api(`/api/clients/${state.clientId}/network/${editing}`, { method: "PUT", body })
      : await api(`/api/clients/${state.clientId}/network`, { method: "POST", body });
    resetForm();
    take(client);
    announce(t(editing ? "memberSaved" : "memberAdded", { name: body.name }));
  } catch (problem) {
    showFieldErrors(form, $("member-problem"), problem);
  } finally {
    form.removeAttribute("aria-busy");
  }
});

$("member-cancel").addEventListener("click", () => {
  const id = state.editing;
  resetForm();
  $("member-list").querySelector(`[data-member='${id}'] .button`)?.focus();
});

/** The network as the server has it now, after a change made elsewhere (another screen, the team). */
async function reload() {
  if (!state.client) return;
  try {
    take(await api(`/api/clients/${state.clientId}`));
  } catch (problem) {
    if (problem.status === 404) refuse(t("notYourClient")); else showProblem($("members-problem"), problem);
  }
}

const stream = openStream({
  handlers: {
    AccessChanged: (clientId) => {
      if (clientId === state.clientId) reload();
    },
    WatchEnded: () => reload(),
  },
  watch: async (connection) => {
    if (state.client) await connection.invoke("WatchClient", state.clientId);
  },
  resync: () => reload(),
});

setUpPage(() => {
  stream?.render?.();
  render();
});
load();
