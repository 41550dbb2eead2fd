// What every role page shares: language and large-text switches, HTTP with ProblemDetails,
// announcements for screen readers, and a live connection to the schedule hub that converges
// on the server's state whenever it (re)connects.
import { addStrings, hasText, language, setLanguage, t, translatePage } from "./i18n.js";

addStrings({
  nl: {
    skipToMain: "Naar de inhoud",
    whoAreYou: "Wie bent u?",
    signOut: "Afmelden",
    signedInAs: "Aangemeld als {name}",
    navOwnTeam: "Ons team",
  },
  en: {
    skipToMain: "Skip to content",
    whoAreYou: "Who are you?",
    signOut: "Sign out",
    signedInAs: "Signed in as {name}",
    navOwnTeam: "Our team",
  },
});

export const $ = (id) => document.getElementById(id);

export function make(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

// Storage can be unavailable (private mode, locked-down devices); the page still works without it.
export const prefs = {
  get(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { localStorage.setItem(key, value); } catch { /* not remembered, still applied */ }
  },
};

export function announce(message) {
  const announcer = $("announcer");
  // Clearing first makes a screen reader repeat a message identical to the previous one.
  announcer.textContent = "";
  setTimeout(() => { announcer.textContent = message; }, 50);
}

// The refusal a status stands for when the answer names no code of its own (RefusalCodes.ForStatus).
const STATUS_CODES = {
  0: "no-connection", 400: "bad-request", 401: "not-signed-in", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
  409: "conflict", 415: "json-required", 422: "rule-violated", 423: "account-locked", 429: "too-many-attempts", 500: "server-error",
};
const codeForStatus = (status) => STATUS_CODES[status] ?? (status >= 500 ? "unavailable" : "bad-request");

/**
 * A refusal, told in the page's language by its code: the server writes English for developers
 * and names each refusal ('code') and each field's fault ('fieldCodes'), so a page never shows
 * the server's words. Texts are read when shown, so they follow the language switch.
 */
export class ApiProblem extends Error {
  constructor({ code, errors, fieldCodes, status, ...rest }) {
    super(code);
    this.status = status ?? 0;
    this.code = hasText(`problem.${code}`) ? code : codeForStatus(this.status);
    // Per field, a code per message; a field without codes is simply "not filled in correctly".
    this.fieldCodes = Object.fromEntries(Object.entries(errors ?? {}).map(([field, messages]) =>
      [field, messages.map((_, i) => fieldCodes?.[field]?.[i] ?? "invalid")]));
    this.extensions = rest;
  }

  get title() { return t(`problem.${this.code}`); }

  get detail() { return null; }

  get lang() { return language(); }

  /** Per field, what is wrong with it, in the page's words. */
  get errors() {
    return Object.fromEntries(Object.entries(this.fieldCodes).map(([field, codes]) =>
      [field, [...new Set(codes)].map((c) => t(hasText(`problem.field.${c}`) ? `problem.field.${c}` : "problem.field.invalid"))]));
  }

  /** The field messages for a list away from the fields: each with the field's name where the page knows it. */
  fieldLines(labels = {}) {
    return Object.entries(this.errors).flatMap(([field, messages]) => {
      // "interventions[0].description" is the description of an intervention.
      const name = field.split(".").at(-1).replace(/\[\d+\]$/, "");
      const label = labels[field] ?? (hasText(`field.${name}`) ? t(`field.${name}`) : null);
      return messages.map((message) => (label ? t("problem.fieldLine", { field: label, message }) : message));
    });
  }
}

/** The code a hub refusal starts with (ScheduleHub.Refusal), or null for another error. */
export const hubRefusalCode = (error) => /\[([a-z]+(?:-[a-z]+)*)\]/.exec(String(error?.message ?? ""))?.[1] ?? null;

// A change the server could not take for a moment (a host being replaced, the database
// restarting) is sent again with the same Idempotency-Key, so it is applied at most once.
const CHANGE_PATIENCE_MS = 20_000;
const PASSING_STATUSES = new Set([502, 503, 504]);

const freshKey = () => crypto.randomUUID?.() ?? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** One user action: a read, or a change with its own Idempotency-Key, reused on its retries. */
export async function api(path, { method = "GET", body } = {}) {
  const headers = body === undefined
    ? { Accept: "application/json" }
    : { Accept: "application/json", "Content-Type": "application/json" };
  const change = method !== "GET";
  if (change) headers["Idempotency-Key"] = freshKey();
  const started = Date.now();
  let response;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      response = null;
    }
    const passing = response === null || PASSING_STATUSES.has(response.status);
    if (!change || !passing) break;
    const wait = Math.min(5_000, 1000 * Number(response?.headers.get("Retry-After") ?? 0) || 250 * 2 ** attempt);
    if (Date.now() - started + wait > CHANGE_PATIENCE_MS) break;
    await pause(wait);
  }
  if (response === null) {
    throw new ApiProblem({ code: "no-connection", status: 0 });
  }
  if (response.status === 204) return null;
  if (response.ok) return response.json();
  if (response.status === 401 && !location.pathname.endsWith("login.html")) {
    // The session ended (or never began): sign in, then come back here.
    location.assign(`login.html?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
  }

  let problem = null;
  try { problem = await response.json(); } catch { /* not a ProblemDetails body: the status says enough */ }
  throw new ApiProblem({ ...(problem ?? {}), status: response.status });
}

// Refusals on screen, told again in the other language when the visitor switches.
const shownProblems = new Map();

/**
 * Shows a refusal in box (a role="alert" element) and announces it, in the page's words chosen by
 * its code; fields (field name -> label) names the page's own fields in the list of field faults.
 */
export function showProblem(box, problem, { fields = {} } = {}) {
  box.replaceChildren();
  delete box.dataset.passing;
  shownProblems.delete(box);
  if (!(problem instanceof ApiProblem)) throw problem;
  const content = make("div");
  content.append(make("strong", null, problem.title));
  const fieldMessages = problem.fieldLines(fields);
  if (fieldMessages.length) {
    const list = make("ul");
    list.append(...fieldMessages.map((m) => make("li", null, m)));
    content.append(list);
  }
  box.dataset.problemCode = problem.code;
  box.append(content);
  shownProblems.set(box, { problem, fields });
}

export const clearProblem = (box) => {
  shownProblems.delete(box);
  delete box.dataset.problemCode;
  box.replaceChildren();
};

function retellProblems() {
  for (const [box, { problem, fields }] of [...shownProblems]) {
    if (box.isConnected && box.dataset.problemCode === problem.code) showProblem(box, problem, { fields });
    else shownProblems.delete(box);
  }
}

/** A read the server could not serve for now (a host taking over, no network): worth trying again. */
export const isPassing = (problem) => problem instanceof ApiProblem && (problem.status === 0 || problem.status >= 500);

/**
 * Brings a page back to the server's state with a read that may fail for a few seconds (a host
 * of the cluster died and another takes over its grains, the network is away). A failed read is
 * tried again after a growing pause, the box says in the page's words that it is catching up
 * (not the server's error), and the read that succeeds clears that again.
 */
export function retryingRead(read, box) {
  let attempt = 0;
  let timer = null;
  const run = coalesce(async () => {
    clearTimeout(timer);
    try {
      await read();
    } catch (problem) {
      if (!isPassing(problem)) throw problem;
      box.replaceChildren(make("p", null, t("catchingUpDetail")));
      box.dataset.passing = "1";
      timer = setTimeout(run, Math.min(RESTART_DELAY_MS, 500 * 2 ** attempt++));
      return;
    }
    attempt = 0;
    if (box.dataset.passing) {
      box.replaceChildren();
      delete box.dataset.passing;
    }
  });
  return run;
}

/** "08:30" from "08:30:00". */
export const hhmm = (time) => (time ?? "").slice(0, 5);

export function formatDate(iso, options = { weekday: "long", day: "numeric", month: "long" }) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(language() === "nl" ? "nl-NL" : "en-GB", options);
}

export function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function addDays(iso, days) {
  const [y, m, d] = iso.split("-").map(Number);
  const date = new Date(y, m - 1, d + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** Query-string state, so a page can be bookmarked and reloaded as it was. */
export const params = {
  get: (key) => new URLSearchParams(location.search).get(key),
  set(values) {
    const search = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(values)) {
      if (value === null || value === undefined || value === "") search.delete(key); else search.set(key, value);
    }
    history.replaceState(null, "", `${location.pathname}?${search}`);
  },
};

/**
 * Wires the header switches. render is called after a language change so the page can redraw
 * the texts it builds itself.
 */
/** The signed-in account (a 401 sends the visitor to the sign-in page first). */
/**
 * The menu: each page once, with the roles that may open it. A nurse works on the team's pages;
 * a client and their family have their own; central staff see the aggregate figures. The menu
 * offers each role only its pages. A new page adds its line here.
 */
const menu = [
  { href: "nurse.html", label: "navRound", roles: ["Nurse"] },
  { href: "client.html", label: "navClient", roles: ["Nurse", "Client", "Family"] },
  { href: "network.html", label: "navNetwork", roles: ["Client"] },
  { href: "team.html", label: "navOwnTeam", roles: ["Nurse"] },
  { href: "availability.html", label: "navAvailability", roles: ["Nurse"] },
  { href: "intake.html", label: "navIntake", roles: ["Nurse"] },
  { href: "index.html", label: "navTeams", roles: ["Nurse"] },
  { href: "plekken.html", label: "navPlaces", roles: ["Nurse"] },
  { href: "kennis.html", label: "navKnowledge", roles: ["Nurse"] },
  { href: "central.html", label: "navCentral", roles: ["Nurse", "Central"] },
];

function menuFor(role) {
  const list = document.querySelector(".site-nav ul");
  if (!list) return;
  const here = location.pathname.split("/").pop() || "index.html";
  list.replaceChildren(...menu
    // The page one is on stays in the menu, so the menu always says where one is.
    .filter((item) => item.roles.includes(role) || item.href === here)
    .map((item) => {
      const link = make("a", null, t(item.label));
      link.href = item.href;
      link.dataset.i18n = item.label;
      if (item.href === here) link.setAttribute("aria-current", "page");
      const entry = document.createElement("li");
      entry.append(link);
      return entry;
    }));
  // On a phone the menu is one row that scrolls sideways: the page one is on is brought into it.
  const current = list.querySelector("[aria-current]");
  if (current) list.scrollLeft = current.parentElement.offsetLeft - list.offsetLeft;
}

export async function whoAmI() {
  const me = await api("/api/account/me");
  menuFor(me.role);
  const tools = document.querySelector(".header-tools");
  if (tools && !$("sign-out")) {
    const who = make("p", "signed-in", t("signedInAs", { name: me.displayName }));
    who.id = "signed-in";
    who.dataset.name = me.displayName;
    const out = make("button", "button", t("signOut"));
    out.type = "button";
    out.id = "sign-out";
    out.dataset.i18n = "signOut";
    out.addEventListener("click", async () => {
      // A JSON body: the server refuses a sign-out another site could send (a form or no-cors fetch).
      try { await api("/api/account/sign-out", { method: "POST", body: {} }); } finally { location.assign("login.html"); }
    });
    tools.prepend(who, out);
  }
  return me;
}

/** The signed-in nurse's own team, the only one whose rounds and clients are hers; null without one. */
export async function ownTeam(me) {
  const nurse = await api(`/api/nurses/${me.subjectId}`);
  return nurse.teamId ? api(`/api/teams/${nurse.teamId}`) : null;
}

/** The page for each role: where signing in leads, and where a page meant for another role sends one. */
export const homeOf = { Nurse: "nurse.html", Client: "client.html", Family: "client.html", Central: "central.html", Operations: "dashboard/" };

export function setUpPage(render) {
  const apply = (lang) => {
    setLanguage(lang);
    translatePage();
    // The switch names the other language in that language, so it must be spoken as such.
    $("language").lang = language() === "nl" ? "en" : "nl";
    const signedIn = $("signed-in");
    if (signedIn) signedIn.textContent = t("signedInAs", { name: signedIn.dataset.name });
    retellProblems();
    render();
  };
  const applyLargeText = (on) => {
    document.documentElement.classList.toggle("large-text", on);
    $("large-text").setAttribute("aria-pressed", String(on));
  };
  $("language").addEventListener("click", () => {
    const next = language() === "nl" ? "en" : "nl";
    prefs.set("buurtzorg.language", next);
    apply(next);
    announce(t("languageChanged"));
  });
  $("large-text").addEventListener("click", () => {
    const on = !document.documentElement.classList.contains("large-text");
    prefs.set("buurtzorg.largeText", on ? "1" : "0");
    applyLargeText(on);
  });
  applyLargeText(prefs.get("buurtzorg.largeText") === "1");
  apply(prefs.get("buurtzorg.language") ?? "nl");
}

const RESTART_DELAY_MS = 5_000;

/**
 * A live connection to the schedule hub. SignalR does not deliver what was sent while a page
 * was away, so on every (re)connect the page's watch() runs again (re-joining its groups) and
 * its resync() brings it back to the server's state over HTTP. Events are only signals.
 */
export function openStream({ handlers, watch, resync }) {
  const status = { value: "connecting" };
  const render = () => {
    $("connection").dataset.state = status.value;
    $("connection-text").textContent = t(status.value);
  };
  const set = (value) => {
    const previous = status.value;
    status.value = value;
    render();
    if (value !== previous && previous !== "connecting") announce(t(value));
  };

  if (!window.signalR) {
    set("offline");
    return { render, invoke: async () => undefined, rewatch: async () => {} };
  }

  // Keep retrying for as long as the page is open (the default policy gives up after four tries),
  // backing off to one try every five seconds.
  const retry = { nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(RESTART_DELAY_MS, 500 * 2 ** previousRetryCount) };
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/schedule").withAutomaticReconnect(retry).build();
  for (const [name, handler] of Object.entries(handlers)) connection.on(name, handler);

  let restartTimer = null;
  let watchRetry = null;
  // A host that is taking over (a silo died, a restart) may refuse a watch for a few seconds: the
  // page says it is catching up, reads over HTTP meanwhile and asks again, backing off.
  const caughtUp = async (attempt = 0) => {
    clearTimeout(watchRetry);
    try {
      await watch(connection);
      if (attempt > 0) set("live");
    } catch (refusal) {
      // A refusal of rights is final (the HTTP read below shows what is left); only a watch the
      // host could not serve yet is asked for again.
      if (connection.state === "Connected" && hubRefusalCode(refusal) === "watch-unavailable") {
        set("catchingUp");
        watchRetry = setTimeout(() => caughtUp(attempt + 1), Math.min(RESTART_DELAY_MS, 1000 * 2 ** attempt));
      }
    } finally {
      await resync();
    }
  };
  const start = async () => {
    clearTimeout(restartTimer);
    if (connection.state !== "Disconnected") return;
    try {
      await connection.start();
      set("live");
      await caughtUp();
    } catch {
      set("offline");
      restartTimer = setTimeout(start, RESTART_DELAY_MS);
    }
  };

  connection.onreconnecting(() => set("reconnecting"));
  connection.onreconnected(async () => {
    set("live");
    await caughtUp();
  });
  // A first start that failed, or a connection the server closed: start again later.
  connection.onclose(() => {
    set("offline");
    restartTimer = setTimeout(start, RESTART_DELAY_MS);
  });
  // A phone that slept may have missed anything; look again when the page is seen again.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) return;
    if (connection.state === "Disconnected") start(); else resync();
  });
  window.addEventListener("online", () => start());
  start();

  return {
    render,
    invoke: (method, ...args) => (connection.state === "Connected" ? connection.invoke(method, ...args) : Promise.resolve(undefined)),
    rewatch: async () => {
      if (connection.state === "Connected") await watch(connection);
    },
  };
}

/**
 * Runs fetch at most once at a time; a request made while one runs makes it run once more after,
 * so a burst of events costs two reads, not one per event.
 */
export function coalesce(fetch) {
  let running = null;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await fetch();
      } while (again);
    })().finally(() => { running = null; });
    return running;
  };
  return run;
}
