// Signing in: password, then (for nurses and central staff always) a code from an authenticator
// app; a first sign-in of a nurse sets the app up with the one-time set-up token the password
// step hands out (kept in memory only). On success the page goes back to where the visitor came
// from, if that is a page of this site, or to the page for their role.
import { addStrings } from "./i18n.js";
import { $, api, clearProblem, homeOf, setUpPage, showProblem } from "./page.js";

addStrings({
  nl: {
    signInTitle: "Inloggen",
    userName: "Gebruikersnaam",
    password: "Wachtwoord",
    signIn: "Inloggen",
    code: "Code",
    codeHint: "Vul de code van zes cijfers in uit uw authenticator-app.",
    confirm: "Bevestigen",
    setupHint: "Wijkverpleegkundigen en het centraal bureau loggen in met een tweede stap. Voeg deze sleutel toe aan uw authenticator-app en vul daarna de code in.",
    setupKey: "Sleutel",
    setupCode: "Code uit uw app",
  },
  en: {
    signInTitle: "Sign in",
    userName: "User name",
    password: "Password",
    signIn: "Sign in",
    code: "Code",
    codeHint: "Enter the six-digit code from your authenticator app.",
    confirm: "Confirm",
    setupHint: "Nurses and central staff sign in with a second step. Add this key to your authenticator app, then enter the code.",
    setupKey: "Key",
    setupCode: "Code from your app",
  },
});

// Only a page of this site: "next" is resolved by the browser's own URL parser (which reads
// "/\evil", tabs and "//evil" as another host), and the whole resolved address is used, so
// nothing is left for a second parse to read differently.
function destination(next) {
  if (!next) return null;
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.href : null;
  } catch {
    return null;
  }
}

function done(me) {
  const next = destination(new URLSearchParams(location.search).get("next"));
  location.assign(next ?? new URL(homeOf[me.role] ?? "index.html", location.href).href);
}

// The proof of the password (then of the offered key) between the set-up steps; never stored.
let setUpToken = null;

const credentials = () => ({ userName: $("user-name").value.trim(), password: $("password").value });

$("password-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearProblem($("problem"));
  try {
    const step = await api("/api/account/sign-in", { method: "POST", body: credentials() });
    if (step.step === "signed-in") return done(step.me);
    if (step.step === "code") {
      $("password-form").hidden = true;
      $("code-form").hidden = false;
      $("code").focus();
      return;
    }
    const setup = await api("/api/account/authenticator", { method: "POST", body: { setUpToken: step.setUpToken } });
    setUpToken = setup.setUpToken;
    $("password").value = "";
    $("password-form").hidden = true;
    $("setup-key").textContent = setup.sharedKey;
    $("setup").hidden = false;
    $("setup-code").focus();
  } catch (problem) {
    showProblem($("problem"), problem);
  }
});

$("code-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearProblem($("problem"));
  try {
    const step = await api("/api/account/sign-in/code", { method: "POST", body: { code: $("code").value } });
    done(step.me);
  } catch (problem) {
    showProblem($("problem"), problem);
  }
});

$("setup-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  clearProblem($("problem"));
  try {
    const step = await api("/api/account/authenticator/confirm", { method: "POST", body: { setUpToken, code: $("setup-code").value } });
    setUpToken = null;
    done(step.me);
  } catch (problem) {
    showProblem($("problem"), problem);
  }
});

setUpPage(() => {});
