// The network of nurses across the country: questions to each other (live for those who follow a
// topic), who knows what, and one's own know-how. For nurses only; nothing here is about a client,
// and the server refuses text that would identify one, saying which kind of detail it found.
import { addStrings, hasText, locale, t } from "./i18n.js";
import { $, announce, api, clearProblem, coalesce, homeOf, make, openStream, retryingRead, setUpPage, showProblem, whoAmI } from "./page.js";
import { clearFieldErrors, showFieldErrors } from "./fields.js";

addStrings({
  nl: {
    knowledgeIntro: "Vraag het collega's in het hele land, en vind wie iets goed weet. Zonder cliëntgegevens: een tekst met een naam, adres, postcode, geboortedatum, BSN of telefoonnummer wordt geweigerd.",
    tabQuestions: "Vragen",
    tabDirectory: "Wie weet wat",
    tabOwn: "Mijn kennis",
    questionsHeading: "Vragen aan het netwerk",
    askHeading: "Stel een vraag",
    askTitle: "Uw vraag in één zin",
    askText: "Toelichting",
    askTopics: "Onderwerpen",
    otherTopic: "Ander onderwerp (mag leeg blijven)",
    askButton: "Vraag plaatsen",
    asked: "Uw vraag staat in het netwerk.",
    searchTopic: "Onderwerp",
    searchWords: "Woorden",
    searchRegion: "Regio of wijk",
    searchButton: "Zoeken",
    anyTopic: "Alle onderwerpen",
    followedHeading: "Nieuw in de onderwerpen die u volgt",
    foundHeading: "Gevonden vragen",
    followHint: "U volgt nog geen onderwerpen. Kies ze bij \"Mijn kennis\": nieuwe vragen daarover ziet u hier meteen.",
    noQuestions: "Geen vragen gevonden.",
    mineHeading: "Mijn vragen",
    noMine: "U heeft nog geen vragen gesteld.",
    backToQuestions: "Terug naar de vragen",
    answersHeading: "Antwoorden",
    noAnswers: "Nog geen antwoorden.",
    answerLabel: "Uw antwoord",
    answerButton: "Antwoord plaatsen",
    answered: "Uw antwoord staat bij de vraag.",
    markUseful: "Dit hielp het meest",
    mostUseful: "Meest nuttig",
    markedUseful: "Gemarkeerd als meest nuttige antwoord.",
    byLine: "{name}, {team}",
    byLineNoTeam: "{name}",
    answerCount: "{count} antwoorden",
    answerCountOne: "1 antwoord",
    answerCountNone: "nog geen antwoord",
    usefulChosen: "nuttigste antwoord gekozen",
    newQuestion: "Nieuwe vraag over {topic}: {title}",
    newAnswer: "Nieuw antwoord op uw vraag: {title}",
    questionUpdated: "De vraag is bijgewerkt.",
    directoryHeading: "Wie weet wat",
    directoryIntro: "Collega's in het hele land die iets goed weten. U ziet naam, team, regio en onderwerpen.",
    noColleagues: "Niemand gevonden.",
    noTeam: "nog geen team",
    ownHeading: "Mijn kennis",
    ownTopics: "Waar weet ik veel van?",
    ownOther: "Nog meer (gescheiden door komma's)",
    ownHidden: "Verberg mij in \"Wie weet wat\"",
    ownFollowing: "Welke vragen wil ik meteen zien?",
    saveButton: "Opslaan",
    ownSaved: "Opgeslagen.",
  },
  en: {
    knowledgeIntro: "Ask colleagues across the country, and find who knows something well. No client data: text with a name, address, postcode, date of birth, BSN or phone number is refused.",
    tabQuestions: "Questions",
    tabDirectory: "Who knows what",
    tabOwn: "My know-how",
    questionsHeading: "Questions to the network",
    askHeading: "Ask a question",
    askTitle: "Your question in one sentence",
    askText: "Explanation",
    askTopics: "Topics",
    otherTopic: "Another topic (may stay empty)",
    askButton: "Post question",
    asked: "Your question is in the network.",
    searchTopic: "Topic",
    searchWords: "Words",
    searchRegion: "Region or neighbourhood",
    searchButton: "Search",
    anyTopic: "All topics",
    followedHeading: "New in the topics you follow",
    foundHeading: "Questions found",
    followHint: "You follow no topics yet. Choose them under \"My know-how\": new questions about them show here at once.",
    noQuestions: "No questions found.",
    mineHeading: "My questions",
    noMine: "You have not asked a question yet.",
    backToQuestions: "Back to the questions",
    answersHeading: "Answers",
    noAnswers: "No answers yet.",
    answerLabel: "Your answer",
    answerButton: "Post answer",
    answered: "Your answer is with the question.",
    markUseful: "This helped most",
    mostUseful: "Most useful",
    markedUseful: "Marked as the most useful answer.",
    byLine: "{name}, {team}",
    byLineNoTeam: "{name}",
    answerCount: "{count} answers",
    answerCountOne: "1 answer",
    answerCountNone: "no answer yet",
    usefulChosen: "most useful answer chosen",
    newQuestion: "New question about {topic}: {title}",
    newAnswer: "New answer to your question: {title}",
    questionUpdated: "The question was updated.",
    directoryHeading: "Who knows what",
    directoryIntro: "Colleagues across the country who know something well. You see name, team, region and topics.",
    noColleagues: "Nobody found.",
    noTeam: "no team yet",
    ownHeading: "My know-how",
    ownTopics: "What do I know well?",
    ownOther: "More (separated by commas)",
    ownHidden: "Hide me from \"Who knows what\"",
    ownFollowing: "Which questions do I want to see at once?",
    saveButton: "Save",
    ownSaved: "Saved.",
  },
});

const state = {
  me: null,
  topics: [],
  own: null,
  feed: null,
  found: null,
  question: null,
  colleagues: null,
};

/** A topic in the page's words: the shared ones are named, one a nurse added reads as she typed it. */
const topicLabel = (key) => (hasText(`topic.${key}`) ? t(`topic.${key}`) : key.replaceAll("-", " ").replace(/^./, (c) => c.toUpperCase()));

const when = (iso) => new Date(iso).toLocaleString(locale(), { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

const byLine = (author) => (author.teamName ? t("byLine", { name: author.name, team: author.teamName }) : t("byLineNoTeam", { name: author.name }));

const typedTopics = (value) => value.split(",").map((v) => v.trim()).filter(Boolean);

// ---- views ---------------------------------------------------------------------------------

const views = { "#vragen": "questions-view", "#wie-weet-wat": "directory-view", "#mijn-kennis": "own-view" };
const tabs = { "#vragen": "tab-questions", "#wie-weet-wat": "tab-directory", "#mijn-kennis": "tab-own" };

function showView() {
  const hash = location.hash.startsWith("#vraag=") ? "#vraag" : (views[location.hash] ? location.hash : "#vragen");
  for (const [key, id] of Object.entries(views)) $(id).hidden = key !== hash;
  $("question-view").hidden = hash !== "#vraag";
  for (const [key, id] of Object.entries(tabs)) {
    if (key === hash || (hash === "#vraag" && key === "#vragen")) $(id).setAttribute("aria-current", "page"); else $(id).removeAttribute("aria-current");
  }
  if (hash === "#vraag") openQuestion(location.hash.slice("#vraag=".length));
  if (hash === "#wie-weet-wat" && state.colleagues === null) findColleagues();
}

// ---- topics as choices ---------------------------------------------------------------------

function topicOptions(select) {
  const chosen = select.value;
  select.replaceChildren(make("option", null, t("anyTopic")));
  select.firstChild.value = "";
  for (const topic of state.topics) {
    const option = make("option", null, topicLabel(topic.topic));
    option.value = topic.topic;
    select.append(option);
  }
  select.value = chosen;
}

function topicBoxes(fieldset, name, chosen) {
  const legend = fieldset.querySelector("legend");
  const keys = [...new Set([...state.topics.map((x) => x.topic), ...chosen])];
  fieldset.replaceChildren(legend, ...keys.map((key) => {
    const wrapper = make("div", "checkbox-field");
    const label = make("label");
    const box = make("input");
    box.type = "checkbox";
    box.name = name;
    box.value = key;
    box.checked = chosen.includes(key);
    label.append(box, " ", make("span", null, topicLabel(key)));
    wrapper.append(label);
    return wrapper;
  }));
}

const checked = (fieldset) => [...fieldset.querySelectorAll("input:checked")].map((b) => b.value);

// ---- questions -----------------------------------------------------------------------------

function questionItem(summary) {
  const item = make("li", "question-item");
  item.dataset.questionId = summary.id;
  const link = make("a", "question-link", summary.title);
  link.href = `#vraag=${summary.id}`;
  const answers = summary.answers === 0 ? t("answerCountNone") : summary.answers === 1 ? t("answerCountOne") : t("answerCount", { count: summary.answers });
  const meta = make("p", "question-meta", [byLine(summary.askedBy), when(summary.askedAt), answers, summary.mostUsefulMarked ? t("usefulChosen") : null].filter(Boolean).join(" · "));
  const topics = make("p", "question-topics");
  topics.append(...summary.topics.map((x) => make("span", "tag", topicLabel(x))));
  item.append(link, topics, meta);
  return item;
}

function renderLists() {
  const searching = state.found !== null;
  const list = searching ? state.found : state.feed?.questions ?? [];
  $("list-heading").textContent = t(searching ? "foundHeading" : "followedHeading");
  $("follow-hint").hidden = searching || !state.feed || state.feed.following.length > 0;
  $("question-list").replaceChildren(...list.map(questionItem));
  $("no-questions").hidden = list.length > 0 || (!searching && state.feed?.following.length === 0);
  const mine = state.feed?.mine ?? [];
  $("mine-list").replaceChildren(...mine.map(questionItem));
  $("no-mine").hidden = mine.length > 0;
}

function renderQuestion() {
  const q = state.question;
  if (!q) return;
  $("question-title").textContent = q.title;
  $("question-meta").textContent = `${byLine(q.askedBy)} · ${when(q.askedAt)}`;
  $("question-topics").replaceChildren(...q.topics.map((x) => make("span", "tag", topicLabel(x))));
  $("question-text").textContent = q.text;
  const mineToMark = q.askedBy.nurseId === state.me?.subjectId;
  // The most useful answer first: a reader months later wants that one.
  const answers = [...q.answers].sort((a, b) => (b.id === q.mostUsefulAnswerId) - (a.id === q.mostUsefulAnswerId));
  $("answer-list").replaceChildren(...answers.map((answer) => {
    const item = make("li", "answer");
    item.dataset.answerId = answer.id;
    if (answer.id === q.mostUsefulAnswerId) {
      item.classList.add("most-useful");
      item.append(make("p", "tag useful-tag", t("mostUseful")));
    }
    item.append(make("p", "answer-meta", `${byLine(answer.by)} · ${when(answer.at)}`), make("p", "answer-text", answer.text));
    if (mineToMark && answer.id !== q.mostUsefulAnswerId) {
      const mark = make("button", "button mark-useful", t("markUseful"));
      mark.type = "button";
      mark.addEventListener("click", () => markUseful(answer.id));
      item.append(mark);
    }
    return item;
  }));
  $("no-answers").hidden = q.answers.length > 0;
}

async function openQuestion(id) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return;
  clearProblem($("page-problem"));
  try {
    state.question = await api(`/api/questions/${id}`);
    renderQuestion();
    $("question-title").focus?.();
  } catch (problem) {
    state.question = null;
    showProblem($("page-problem"), problem);
  }
}

async function markUseful(answerId) {
  try {
    state.question = await api(`/api/questions/${state.question.id}/most-useful`, { method: "PUT", body: { answerId } });
    renderQuestion();
    announce(t("markedUseful"));
  } catch (problem) {
    showProblem($("answer-problem"), problem);
  }
}

const loadFeed = retryingRead(async () => {
  if (!state.me) return;
  state.feed = await streamFeed();
  renderLists();
}, $("page-problem"));

// The hub answers with the feed when it is watched; without a live connection, the same over HTTP.
async function streamFeed() {
  const live = await stream.invoke("WatchQuestions").catch(() => undefined);
  if (live) return live;
  const [mine, following] = await Promise.all([
    api("/api/questions?mine=true"),
    state.own?.following.length ? Promise.all(state.own.following.map((x) => api(`/api/questions?topic=${encodeURIComponent(x)}`))) : [],
  ]);
  const seen = new Set();
  const questions = following.flat().filter((q) => !seen.has(q.id) && seen.add(q.id)).sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  return { following: state.own?.following ?? [], questions, mine };
}

function onQuestionChanged(change) {
  const summary = change.question;
  const mine = summary.askedBy.nurseId === state.me?.subjectId;
  const upsert = (list) => {
    const at = list.findIndex((q) => q.id === summary.id);
    if (at >= 0) list[at] = summary; else list.unshift(summary);
  };
  if (state.feed) upsert(mine ? state.feed.mine : state.feed.questions);
  if (state.found?.some((q) => q.id === summary.id)) upsert(state.found);
  renderLists();
  if (change.kind === "Asked" && !mine) announce(t("newQuestion", { topic: topicLabel(summary.topics[0]), title: summary.title }));
  if (change.kind === "Answered" && mine) announce(t("newAnswer", { title: summary.title }));
  if (state.question?.id === summary.id && !$("question-view").hidden) openQuestion(summary.id).then(() => announce(t("questionUpdated")));
}

// ---- forms -----------------------------------------------------------------------------------

function showAskForm(show) {
  $("ask-form").hidden = !show;
  $("ask-open").setAttribute("aria-expanded", String(show));
  if (show) $("ask-title").focus();
}

$("ask-open").addEventListener("click", () => showAskForm($("ask-form").hidden));

$("ask-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("ask-form");
  clearFieldErrors(form, $("ask-problem"));
  const topics = [...checked($("ask-topics")), ...typedTopics($("ask-topic-other").value)];
  $("ask-submit").disabled = true;
  try {
    const question = await api("/api/questions", { method: "POST", body: { title: $("ask-title").value, text: $("ask-text").value, topics } });
    form.reset();
    showAskForm(false);
    announce(t("asked"));
    await loadFeed();
    location.hash = `#vraag=${question.id}`;
  } catch (problem) {
    showFieldErrors(form, $("ask-problem"), problem);
  } finally {
    $("ask-submit").disabled = false;
  }
});

$("answer-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("answer-form");
  clearFieldErrors(form, $("answer-problem"));
  $("answer-submit").disabled = true;
  try {
    state.question = await api(`/api/questions/${state.question.id}/answers`, { method: "POST", body: { text: $("answer-text").value } });
    form.reset();
    renderQuestion();
    announce(t("answered"));
  } catch (problem) {
    showFieldErrors(form, $("answer-problem"), problem);
  } finally {
    $("answer-submit").disabled = false;
  }
});

$("question-search").addEventListener("submit", async (event) => {
  event.preventDefault();
  const topic = $("question-topic").value;
  const words = $("question-words").value.trim();
  clearFieldErrors($("question-search"), $("questions-problem"));
  if (!topic && !words) {
    state.found = null;
    renderLists();
    return;
  }
  try {
    state.found = await api(`/api/questions?${new URLSearchParams({ ...(topic && { topic }), ...(words && { q: words }) })}`);
    renderLists();
  } catch (problem) {
    showFieldErrors($("question-search"), $("questions-problem"), problem);
  }
});

function colleagueItem(colleague) {
  const item = make("li", "colleague");
  item.append(
    make("p", "colleague-name", colleague.name),
    make("p", "muted", [colleague.teamName ?? t("noTeam"), colleague.region].filter(Boolean).join(" · ")));
  const topics = make("p", "question-topics");
  topics.append(...colleague.topics.map((x) => make("span", "tag", topicLabel(x))));
  item.append(topics);
  return item;
}

async function findColleagues() {
  const topic = $("directory-topic").value;
  const region = $("directory-region").value.trim();
  clearFieldErrors($("directory-search"), $("directory-problem"));
  try {
    state.colleagues = await api(`/api/know-how?${new URLSearchParams({ ...(topic && { topic }), ...(region && { region }) })}`);
    $("colleague-list").replaceChildren(...state.colleagues.map(colleagueItem));
    $("no-colleagues").hidden = state.colleagues.length > 0;
  } catch (problem) {
    showFieldErrors($("directory-search"), $("directory-problem"), problem);
  }
}

$("directory-search").addEventListener("submit", (event) => {
  event.preventDefault();
  findColleagues();
});

function renderOwn() {
  if (!state.own) return;
  const shared = new Set(state.topics.map((x) => x.topic));
  topicBoxes($("own-topics"), "own-topic", state.own.topics.filter((x) => shared.has(x)));
  $("own-other").value = state.own.topics.filter((x) => !shared.has(x)).map(topicLabel).join(", ");
  $("own-hidden").checked = state.own.hidden;
  topicBoxes($("own-following"), "own-follow", state.own.following);
  topicBoxes($("ask-topics"), "ask-topic", []);
  topicOptions($("question-topic"));
  topicOptions($("directory-topic"));
}

$("own-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("own-form");
  clearFieldErrors(form, $("own-problem"));
  $("own-submit").disabled = true;
  try {
    state.own = await api("/api/know-how/me", {
      method: "PUT",
      body: { topics: [...checked($("own-topics")), ...typedTopics($("own-other").value)], hidden: $("own-hidden").checked, following: checked($("own-following")) },
    });
    state.topics = await api("/api/know-how/topics");
    renderOwn();
    announce(t("ownSaved"));
    // Following other topics changes what reaches this page live.
    await loadFeed();
  } catch (problem) {
    showFieldErrors(form, $("own-problem"), problem);
  } finally {
    $("own-submit").disabled = false;
  }
});

// ---- start -------------------------------------------------------------------------------------

const stream = openStream({
  handlers: { QuestionChanged: onQuestionChanged },
  watch: async (connection) => {
    if (state.me) state.feed = await connection.invoke("WatchQuestions");
  },
  resync: coalesce(async () => {
    if (!state.me) return;
    renderLists();
    if (state.question && !$("question-view").hidden) await openQuestion(state.question.id);
  }),
});

setUpPage(() => {
  stream?.render?.();
  renderOwn();
  renderLists();
  renderQuestion();
});

window.addEventListener("hashchange", showView);

whoAmI().then(async (me) => {
  if (me.role !== "Nurse") {
    location.assign(homeOf[me.role]);
    return;
  }
  state.me = me;
  [state.topics, state.own] = await Promise.all([api("/api/know-how/topics"), api("/api/know-how/me")]);
  renderOwn();
  await loadFeed();
  showView();
}).catch((problem) => {
  if (problem?.status !== 401) showProblem($("page-problem"), problem);
});
