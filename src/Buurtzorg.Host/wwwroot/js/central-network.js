// What central staff see of the network of nurses: how much is asked and answered, per week and
// per topic, and how many nurses list and follow each topic. Counts only, as the server gives them.
import { addStrings, hasText, t } from "./i18n.js";
import { $, api, make } from "./page.js";

addStrings({
  nl: {
    networkHeading: "Kennisnetwerk",
    networkIntro: "Hoeveel verpleegkundigen elkaar vragen stellen en antwoorden, per week en per onderwerp. Alleen aantallen: geen vragen, geen namen.",
    networkWeek: "Week van",
    networkAsked: "Vragen",
    networkAnswered: "Beantwoord",
    networkAnswers: "Antwoorden",
    networkUseful: "Nuttigste gekozen",
    networkTopic: "Onderwerp",
    networkListed: "Verpleegkundigen die het weten",
    networkFollowing: "Volgen het",
  },
  en: {
    networkHeading: "Knowledge network",
    networkIntro: "How much nurses ask and answer each other, per week and per topic. Counts only: no questions, no names.",
    networkWeek: "Week of",
    networkAsked: "Questions",
    networkAnswered: "Answered",
    networkAnswers: "Answers",
    networkUseful: "Most useful chosen",
    networkTopic: "Topic",
    networkListed: "Nurses who know it",
    networkFollowing: "Follow it",
  },
});

let activity = null;

export async function loadNetworkActivity() {
  activity = await api("/api/capacity/network-activity");
  renderNetworkActivity();
}

export function renderNetworkActivity() {
  if (!activity) return;
  $("network-panel").hidden = false;
  const lang = document.documentElement.lang === "nl" ? "nl-NL" : "en-GB";
  const week = (iso) => new Date(`${iso}T12:00:00`).toLocaleDateString(lang, { day: "numeric", month: "short" });
  fill($("network-weeks"), ["networkWeek", "networkAsked", "networkAnswered", "networkAnswers", "networkUseful"],
    [...activity.weeks].reverse().map((w) => [week(w.weekOf), w.asked, w.answered, w.answers, w.mostUsefulMarked]));
  fill($("network-topics"), ["networkTopic", "networkAsked", "networkAnswered", "networkListed", "networkFollowing"],
    activity.topics.map((x) => [hasText(`topic.${x.topic}`) ? t(`topic.${x.topic}`) : x.topic.replaceAll("-", " "), x.asked, x.answered, x.nursesListed, x.nursesFollowing]));
}

function fill(table, headings, rows) {
  const head = make("thead");
  const headRow = make("tr");
  headRow.append(...headings.map((h) => Object.assign(make("th", null, t(h)), { scope: "col" })));
  head.append(headRow);
  const body = make("tbody");
  body.append(...rows.map((cells) => {
    const row = make("tr");
    row.append(...cells.map((cell, i) => (i === 0 ? Object.assign(make("th", null, String(cell)), { scope: "row" }) : make("td", null, String(cell)))));
    return row;
  }));
  table.replaceChildren(head, body);
}
