// Signing in: password, then (for nurses and central staff always) a code from an authenticator
// app; a first sign-in of a nurse sets the app up. On success the page goes back to where the
// visitor came from, or to the page for their role.
import { addStrings, t } from "./i18n.js";
import { $, api, announce, clearProblem, homeOf, setUpPage, showProblem } from "./page.js";

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
    setupDone: "De authenticator-app is ingesteld. Log nu in.",
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
    setupDone: "The authenticator app is set up. Sign in now.",
  },
});

function done(me) {
  const next = new URLSearchParams(location.search).get("next");
  // Only a page of this site: never send someone elsewhere after signing in.
  location.assign(next && next.startsWith("/") && !next.startsWith("//") ? next : homeOf[me.role] ?? "index.html");
}

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
    const setup = await api("/api/account/authenticator", { method: "POST", body: credentials() });
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
    await api("/api/account/authenticator/confirm", { method: "POST", body: { ...credentials(), code: $("setup-code").value } });
    $("setup").hidden = true;
    announce(t("setupDone"));
    $("password").value = "";
    $("password").focus();
  } catch (problem) {
    showProblem($("problem"), problem);
  }
});

setUpPage(() => {});
