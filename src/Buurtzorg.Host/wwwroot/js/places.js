// Open places: a nurse (new to the organisation, or moving) sees the places teams offer near her
// home, nearest first, and asks to join with the team's ordinary join request; the team's own
// places are posted and closed here too. Members answer the requests on the teams page, where
// every request waits. Distances come from the server, measured from her home; nothing about a
// team's clients is shown or sent. Live for her own team: a place a colleague posts or closes,
// and her moving team (an acceptance, a division), read the page again.
import { addStrings, language, t } from "./i18n.js";
import { fillSelect, qualification } from "./labels.js";
import { $, announce, api, ApiProblem, clearProblem, homeOf, make, openStream, setUpPage, showProblem, whoAmI } from "./page.js";

addStrings({
  nl: {
    "places.intro": "Teams die een collega zoeken, dichtbij uw huis eerst. Vraagt u om erbij te komen, dan beslist het team.",
    "places.nearHeading": "Open plekken bij u in de buurt",
    "places.within": "Hoe ver van huis",
    "places.nearEmpty": "Er zijn nu geen open plekken binnen {km} km van uw huis.",
    "places.hoursFact": "{hours} uur per week",
    "places.anyQualification": "geen bijzondere bevoegdheid",
    "places.distance": "{km} km van uw huis",
    "places.postedOn": "Geplaatst op {date}",
    "places.postedBy": "Geplaatst door {name} op {date}",
    "places.message": "Bericht aan het team (mag leeg blijven)",
    "places.ask": "Vraag om erbij te komen",
    "places.askAt": "Vraag om erbij te komen bij {team}",
    "places.waiting": "Uw vraag wacht op het team",
    "places.asked": "Uw vraag is naar {team} gestuurd. Het team beslist.",
    "places.ownHeading": "Onze open plekken",
    "places.ownIntro": "Zoekt het team een collega? Plaats een open plek: verpleegkundigen in de buurt zien hem en kunnen vragen om erbij te komen.",
    "places.ownEmpty": "Het team heeft nu geen open plekken.",
    "places.answerLink": "Vragen om erbij te komen beantwoorden",
    "places.postHeading": "Een open plek plaatsen",
    "places.hours": "Uren per week",
    "places.qualification": "Bevoegdheid die de plek vraagt",
    "places.neighbourhood": "Wijk (mag leeg blijven)",
    "places.note": "Korte toelichting (mag leeg blijven)",
    "places.post": "Plek plaatsen",
    "places.posted": "De open plek is geplaatst.",
    "places.close": "Plek sluiten",
    "places.closeLabel": "Plek sluiten: {hours} uur per week",
    "places.closed": "De open plek is gesloten.",
    "places.hoursRequired": "Vul een aantal uren in, van 1 tot en met 40.",
  },
  en: {
    "places.intro": "Teams looking for a colleague, nearest to your home first. If you ask to join, the team decides.",
    "places.nearHeading": "Open places near you",
    "places.within": "How far from home",
    "places.nearEmpty": "There are no open places within {km} km of your home right now.",
    "places.hoursFact": "{hours} hours a week",
    "places.anyQualification": "no particular qualification",
    "places.distance": "{km} km from your home",
    "places.postedOn": "Posted on {date}",
    "places.postedBy": "Posted by {name} on {date}",
    "places.message": "Message to the team (optional)",
    "places.ask": "Ask to join",
    "places.askAt": "Ask to join {team}",
    "places.waiting": "Your request is waiting for the team",
    "places.asked": "Your request went to {team}. The team decides.",
    "places.ownHeading": "Our open places",
    "places.ownIntro": "Is the team looking for a colleague? Post an open place: nurses nearby see it and can ask to join.",
    "places.ownEmpty": "The team has no open places right now.",
    "places.answerLink": "Answer requests to join",
    "places.postHeading": "Post an open place",
    "places.hours": "Hours a week",
    "places.qualification": "Qualification the place asks",
    "places.neighbourhood": "Neighbourhood (optional)",
    "places.note": "Short note (optional)",
    "places.post": "Post place",
    "places.posted": "The open place has been posted.",
    "places.close": "Close place",
    "places.closeLabel": "Close place: {hours} hours a week",
    "places.closed": "The open place has been closed.",
    "places.hoursRequired": "Enter a number of hours, from 1 to 40.",
  },
});

const QUALIFICATIONS = ["BasicCare", "WoundCare", "InjectionsAndMedication", "DiabetesCare", "PalliativeCare", "CatheterAndStomaCare"];

const state = {
  me: null,
  teamId: null,     // her own team, whose places she may post and close; null without one
  near: null,       // PlacesNearMe
  own: [],          // her team's open places
  asked: new Set(), // teams she asked from this page (the server also says so, once it has heard)
};

const locale = () => (language() === "nl" ? "nl-NL" : "en-GB");
const km = (value) => value.toLocaleString(locale(), { maximumFractionDigits: 1 });
const day = (iso) => new Date(iso).toLocaleDateString(locale(), { dateStyle: "long" });
const facts = (place) => [t("places.hoursFact", { hours: place.hoursPerWeek }),
  place.qualification ? qualification(place.qualification) : t("places.anyQualification"), place.neighbourhood].join(" · ");

// ---------------------------------------------------------------- places near her home

async function loadNear() {
  try {
    state.near = await api(`/api/open-places/near-me?withinKm=${encodeURIComponent($("within-km").value)}`);
    for (const place of state.near.places) if (place.asked) state.asked.add(place.teamId);
    clearProblem($("places-problem"));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem($("places-problem"), problem);
  }
  renderNear();
}

function renderNear() {
  const near = state.near;
  if (!near) return;
  // Re-rendering would drop what she is typing and where focus is: keep both.
  const typed = Object.fromEntries([...$("near-places").querySelectorAll("textarea")].map((area) => [area.dataset.placeId, area.value]));
  const focused = document.activeElement?.closest?.("#near-places [data-place-id]")?.dataset.placeId;
  $("near-places").replaceChildren(...near.places.map((place) => nearItem(place, typed[place.placeId] ?? "")));
  if (focused) $("near-places").querySelector(`[data-place-id="${CSS.escape(focused)}"] h3`)?.focus();
  $("near-empty").hidden = near.places.length > 0;
  $("near-empty").textContent = t("places.nearEmpty", { km: km(near.withinKm) });
}

function nearItem(place, typed) {
  const item = make("li", "place");
  item.dataset.placeId = place.placeId;
  item.dataset.teamId = place.teamId;
  const heading = make("h3", "place-team", place.teamName);
  heading.tabIndex = -1;
  item.append(heading, make("p", "place-facts", facts(place)), make("p", "place-distance", t("places.distance", { km: km(place.distanceKm) })));
  if (place.note) item.append(make("p", "place-note", place.note));
  const posted = make("p", "place-posted", t("places.postedOn", { date: day(place.postedAt) }));
  item.append(posted);

  if (state.asked.has(place.teamId)) {
    item.append(make("p", "note place-waiting", t("places.waiting")));
    return item;
  }

  const form = make("form", "stacked-form ask-form");
  form.noValidate = true;
  const id = `message-${place.placeId}`;
  const label = make("label", null, t("places.message"));
  label.htmlFor = id;
  const message = make("textarea");
  message.id = id;
  message.name = "message";
  message.rows = 2;
  message.maxLength = 500;
  message.value = typed;
  message.dataset.placeId = place.placeId;
  message.setAttribute("aria-describedby", `${id}-error`);
  const error = make("p", "field-error");
  error.id = `${id}-error`;
  const ask = make("button", "button primary", t("places.ask"));
  ask.type = "submit";
  ask.setAttribute("aria-label", t("places.askAt", { team: place.teamName }));
  const box = make("div", "problem");
  box.setAttribute("role", "alert");
  form.append(label, message, error, ask, box);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    askToJoin(place, form, message, error, box);
  });
  item.append(form);
  return item;
}

async function askToJoin(place, form, message, error, box) {
  if (form.getAttribute("aria-busy") === "true") return;
  form.setAttribute("aria-busy", "true");
  clearProblem(box);
  error.textContent = "";
  message.removeAttribute("aria-invalid");
  try {
    const text = message.value.trim();
    const asked = await api(`/api/teams/${place.teamId}/join-requests`, { method: "POST", body: { message: text || null } });
    state.asked.add(asked.teamId);
    renderNear();
    $("near-places").querySelector(`[data-place-id="${CSS.escape(place.placeId)}"] h3`)?.focus();
    announce(t("places.asked", { team: asked.teamName }));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    const faults = problem.errors.message;
    if (faults) {
      error.textContent = faults.join(" ");
      message.setAttribute("aria-invalid", "true");
      message.focus();
    }
    showProblem(box, problem, { fields: { message: t("places.message") } });
  } finally {
    form.removeAttribute("aria-busy");
  }
}

// ---------------------------------------------------------------- the team's own places

async function loadOwn() {
  if (!state.teamId) return;
  try {
    state.own = await api(`/api/teams/${state.teamId}/open-places`);
    clearProblem($("own-problem"));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem($("own-problem"), problem);
  }
  renderOwn();
}

function renderOwn() {
  $("own-section").hidden = !state.teamId;
  if (!state.teamId) return;
  $("answer-link").href = `index.html#team=${state.teamId}`;
  $("own-empty").hidden = state.own.length > 0;
  $("own-places").replaceChildren(...state.own.map((place) => {
    const item = make("li", "place");
    item.dataset.placeId = place.id;
    item.append(make("p", "place-facts", facts(place)));
    if (place.note) item.append(make("p", "place-note", place.note));
    item.append(make("p", "place-posted", place.postedByName
      ? t("places.postedBy", { name: place.postedByName, date: day(place.postedAt) })
      : t("places.postedOn", { date: day(place.postedAt) })));
    const close = make("button", "button", t("places.close"));
    close.type = "button";
    close.setAttribute("aria-label", t("places.closeLabel", { hours: place.hoursPerWeek }));
    close.addEventListener("click", () => closePlace(place));
    item.append(close);
    return item;
  }));
  const chosen = $("place-qualification").value;
  fillSelect($("place-qualification"), QUALIFICATIONS.map((q) => ({ value: q, label: qualification(q) })), chosen);
  $("place-qualification").options[0].textContent = t("places.anyQualification");
}

async function closePlace(place) {
  clearProblem($("own-problem"));
  try {
    await api(`/api/teams/${state.teamId}/open-places/${place.id}`, { method: "DELETE" });
    announce(t("places.closed"));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem($("own-problem"), problem);
  }
  await loadOwn();
  $("own-heading").focus();
}

const postFields = { hoursPerWeek: "place-hours", qualification: "place-qualification", neighbourhood: "place-neighbourhood", note: "place-note" };

function clearPostErrors() {
  for (const id of Object.values(postFields)) {
    $(id).removeAttribute("aria-invalid");
    $(`${id}-error`).textContent = "";
  }
}

$("post-place").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = $("post-place");
  if (form.getAttribute("aria-busy") === "true" || !state.teamId) return;
  const box = form.querySelector(".problem");
  clearProblem(box);
  clearPostErrors();
  const hours = $("place-hours").value.trim();
  if (!/^\d+$/.test(hours)) {
    $("place-hours-error").textContent = t("places.hoursRequired");
    $("place-hours").setAttribute("aria-invalid", "true");
    $("place-hours").focus();
    return;
  }
  form.setAttribute("aria-busy", "true");
  try {
    await api(`/api/teams/${state.teamId}/open-places`, {
      method: "POST",
      body: {
        hoursPerWeek: Number(hours),
        qualification: $("place-qualification").value || null,
        neighbourhood: $("place-neighbourhood").value.trim() || null,
        note: $("place-note").value.trim() || null,
      },
    });
    form.reset();
    announce(t("places.posted"));
    await loadOwn();
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    // Each field's fault beside the field, in the page's words; the rest in the form's box.
    let first = null;
    for (const [field, messages] of Object.entries(problem.errors)) {
      const id = postFields[field];
      if (!id) continue;
      $(`${id}-error`).textContent = messages.join(" ");
      $(id).setAttribute("aria-invalid", "true");
      first ??= $(id);
    }
    showProblem(box, problem, { fields: { hoursPerWeek: t("places.hours"), qualification: t("places.qualification"), neighbourhood: t("places.neighbourhood"), note: t("places.note") } });
    first?.focus();
  } finally {
    form.removeAttribute("aria-busy");
  }
});

$("within-km").addEventListener("change", () => loadNear());

/** Her team now, from her own record: an acceptance elsewhere or a division changes it. */
async function loadTeam() {
  const nurse = await api(`/api/nurses/${state.me.subjectId}`);
  const moved = (nurse.teamId ?? null) !== state.teamId;
  state.teamId = nurse.teamId ?? null;
  if (moved) state.own = [];
  renderOwn();
  return moved;
}

let watched = null;
const stream = openStream({
  handlers: {
    TeamChanged: async (change) => {
      if (change.teamId !== state.teamId) return;
      // A division moves her to a new team: find it, and watch that one instead.
      if (change.kind === "Divided" && (await loadTeam())) await stream.rewatch();
      await Promise.all([loadOwn(), loadNear()]);
    },
  },
  watch: async (connection) => {
    if (!state.me) return;
    if (watched && watched !== state.teamId) await connection.invoke("UnwatchTeam", watched).catch(() => {});
    watched = state.teamId;
    if (watched) await connection.invoke("WatchTeam", watched);
  },
  resync: async () => {
    if (!state.me) return;
    if (await loadTeam()) await stream.rewatch();
    await Promise.all([loadNear(), loadOwn()]);
  },
});

setUpPage(() => {
  stream.render();
  renderNear();
  renderOwn();
});
whoAmI().then(async (me) => {
  if (me.role !== "Nurse") {
    location.assign(homeOf[me.role]);
    return;
  }
  state.me = me;
  await loadTeam();
  await stream.rewatch();
  await Promise.all([loadNear(), loadOwn()]);
}).catch((problem) => {
  if (problem instanceof ApiProblem && problem.status !== 401) showProblem($("places-problem"), problem);
});
