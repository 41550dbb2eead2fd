// "Wat wij zelf doen": the words both the client's page and the nurses' care plan use for what the
// client's circle does itself — on which days, who, and where a proposal stands.
import { addStrings, locale, t } from "./i18n.js";
import { hhmm, make } from "./page.js";

addStrings({
  nl: {
    circleYou: "u",
    circleYouSelf: "u zelf",
    circleSomeoneElse: "iemand anders uit het netwerk",
    circleSomeoneGone: "iemand die niet meer in het netwerk is",
    circleANurse: "een verpleegkundige",
    circleTheClient: "de cliënt",
    circleRelationFamily: "familie",
    circleRelationNeighbour: "buur",
    circleRelationInformalCarer: "mantelzorger",
    circleRelationFriend: "vriend(in)",
    circleRelationOther: "anders",
    circleOnDays: "op {days}",
    circleAt: "om {time}",
    circlePartMorning: "in de ochtend",
    circlePartAfternoon: "in de middag",
    circlePartEvening: "in de avond",
    circleAnd: "en",
    circleDoneBy: "Doet het: {who}",
    circleProposedBy: "Voorgesteld door {who} op {date}",
    circleStatusProposed: "Wacht op het team",
    circleStatusAgreed: "Afgesproken door {who}",
    circleStatusAdjusted: "Afgesproken met aanpassingen door {who}",
    circleStatusDeclined: "Dit doet het team zelf, legt {who} uit:",
    circleStatusWithdrawn: "Ingetrokken",
    circleWas: "Voorstel was: {text}",
    circleTeamNote: "Het team: {note}",
    dayMonday: "ma",
    dayTuesday: "di",
    dayWednesday: "wo",
    dayThursday: "do",
    dayFriday: "vr",
    daySaturday: "za",
    daySunday: "zo",
  },
  en: {
    circleYou: "you",
    circleYouSelf: "you yourself",
    circleSomeoneElse: "someone else in the network",
    circleSomeoneGone: "someone no longer in the network",
    circleANurse: "a nurse",
    circleTheClient: "the client",
    circleRelationFamily: "family",
    circleRelationNeighbour: "neighbour",
    circleRelationInformalCarer: "informal carer",
    circleRelationFriend: "friend",
    circleRelationOther: "other",
    circleOnDays: "on {days}",
    circleAt: "at {time}",
    circlePartMorning: "in the morning",
    circlePartAfternoon: "in the afternoon",
    circlePartEvening: "in the evening",
    circleAnd: "and",
    circleDoneBy: "Done by: {who}",
    circleProposedBy: "Proposed by {who} on {date}",
    circleStatusProposed: "Waiting for the team",
    circleStatusAgreed: "Agreed by {who}",
    circleStatusAdjusted: "Agreed with changes by {who}",
    circleStatusDeclined: "The team does this itself, {who} explains:",
    circleStatusWithdrawn: "Withdrawn",
    circleWas: "The proposal was: {text}",
    circleTeamNote: "The team: {note}",
    dayMonday: "Mon",
    dayTuesday: "Tue",
    dayWednesday: "Wed",
    dayThursday: "Thu",
    dayFriday: "Fri",
    daySaturday: "Sat",
    daySunday: "Sun",
  },
});

/** The week as the Netherlands counts it, Monday first. */
export const WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A day's full name in the page's language ("dinsdag"). */
export function dayName(day) {
  // 1 January 2024 was a Monday.
  const date = new Date(Date.UTC(2024, 0, 1 + WEEK.indexOf(day)));
  return new Intl.DateTimeFormat(locale(), { weekday: "long", timeZone: "UTC" }).format(date);
}

/** "dinsdag en vrijdag", "maandag, woensdag en vrijdag". */
export function daysText(days) {
  const names = [...days].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b)).map(dayName);
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} ${t("circleAnd")} ${names.at(-1)}`;
}

/** "op dinsdag en vrijdag om 10:00", "op zondag in de ochtend". */
export function whenText(when) {
  const parts = [t("circleOnDays", { days: daysText(when.days) })];
  if (when.at) parts.push(t("circleAt", { time: hhmm(when.at) }));
  if (when.partOfDay) parts.push(t(`circlePart${when.partOfDay}`));
  return parts.join(" ");
}

/**
 * A person as the reader may see them: "u", "Anna de Vries (dochter)", or "iemand anders uit het
 * netwerk"; named: the reader's own name too (a history reads the same for everyone).
 */
export function personText(person, { self = false, named = false } = {}) {
  if (person.isYou && !(named && person.name)) return t(self ? "circleYouSelf" : "circleYou");
  if (person.kind === "Nurse") return person.name ?? t("circleANurse");
  if (person.kind === "Client") return person.name ?? t("circleTheClient");
  if (!person.id) return t("circleSomeoneElse");
  if (!person.name) return t("circleSomeoneGone");
  const relation = person.relationDescription ?? (person.relation ? t(`circleRelation${person.relation}`) : "");
  return relation ? `${person.name} (${relation})` : person.name;
}

/** Someone of the network by name and relation, from the client's record: "Anna de Vries (dochter)". */
export function memberText(details) {
  const relation = details.relationDescription ?? (details.relation ? t(`circleRelation${details.relation}`) : "");
  return relation ? `${details.name} (${relation})` : details.name;
}

/** Where a task stands, with who answered it. */
export function statusText(task) {
  const who = task.answeredBy ? personText(task.answeredBy) : "";
  return t(`circleStatus${task.status}`, { who });
}

/** The lines of one task: what, when and who; where it stands, the team's words, and what was first proposed. */
export function taskLines(task, { showDoer = true } = {}) {
  const lines = [make("p", "circle-what", task.text), make("p", "muted", whenText(task.when))];
  if (showDoer) lines.push(make("p", "circle-who", t("circleDoneBy", { who: personText(task.doneBy, { self: true }) })));
  const status = make("p", `circle-status status-${task.status.toLowerCase()}`, statusText(task));
  lines.push(status);
  if (task.teamNote) lines.push(make("p", "circle-note", task.status === "Declined" ? task.teamNote : t("circleTeamNote", { note: task.teamNote })));
  if (task.proposedText) lines.push(make("p", "muted", t("circleWas", { text: `${task.proposedText}, ${whenText(task.proposedWhen)}` })));
  return lines;
}

/** Day checkboxes (ma … zo) in a fieldset with its legend; read() gives the chosen days. */
export function dayPicker(legendText, chosen = [], name = "days") {
  const fieldset = make("fieldset", "day-picker");
  fieldset.dataset.field = name;
  const legend = make("legend", null, legendText);
  fieldset.append(legend);
  const boxes = WEEK.map((day) => {
    const label = make("label", "day-choice");
    const box = make("input");
    box.type = "checkbox";
    box.value = day;
    box.checked = chosen.includes(day);
    // The short name on screen, the full one for screen readers.
    box.setAttribute("aria-label", dayName(day));
    label.append(box, make("span", null, t(`day${day}`)));
    fieldset.append(label);
    return box;
  });
  fieldset.read = () => boxes.filter((b) => b.checked).map((b) => b.value);
  fieldset.relabel = (text) => {
    legend.textContent = text;
    boxes.forEach((b) => {
      b.setAttribute("aria-label", dayName(b.value));
      b.nextElementSibling.textContent = t(`day${b.value}`);
    });
  };
  return fieldset;
}

/** Formats a proposal's date as "3 maart". */
export function shortDate(iso) {
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long" }).format(new Date(iso));
}
