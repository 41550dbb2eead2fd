// "Uw gegevens" (AVG): the client downloads everything held about them in one file, and the
// care plan as a FHIR file for another care provider; a nurse does the same on the client's
// behalf. A client or relative can close their own account here, after typing their password.
import { addStrings, t } from "./i18n.js";
import { $, announce, api, clearProblem, make, showProblem } from "./page.js";

addStrings({
  nl: {
    myDataHeading: "Gegevens en account",
    myDataHintClient: "U hebt recht op al uw gegevens. Het bestand bevat uw dossier, zorgplan, rapportage, bezoeken en wie uw dossier inzag.",
    myDataHintNurse: "Voor een verzoek van de cliënt (AVG): alle gegevens van deze cliënt in één bestand. Wie het dossier inzag, downloadt de cliënt zelf.",
    myDataDownload: "Alle gegevens downloaden (zip)",
    myDataFhir: "Zorgplan als FHIR-bestand (voor huisarts of ziekenhuis)",
    closeAccountHeading: "Account opheffen",
    closeAccountClient: "Uw account verdwijnt; uw dossier blijft bij het team, dat het volgens de wet bewaart.",
    closeAccountFamily: "Uw account verdwijnt en u staat niet meer in het netwerk van wie u toegang gaf. Uw naam en contactgegevens worden daar gewist.",
    closeAccountPassword: "Uw wachtwoord",
    closeAccountButton: "Account opheffen",
    closeAccountConfirm: "Weet u het zeker? Dit kan niet ongedaan worden.",
    closeAccountDone: "Uw account is opgeheven.",
  },
  en: {
    myDataHeading: "Data and account",
    myDataHintClient: "You have a right to all your data. The file holds your record, care plan, notes, visits and who looked at your record.",
    myDataHintNurse: "For a request by the client (GDPR): all of this client's data in one file. Who looked at the record, the client downloads themselves.",
    myDataDownload: "Download all data (zip)",
    myDataFhir: "Care plan as a FHIR file (for a GP or hospital)",
    closeAccountHeading: "Close account",
    closeAccountClient: "Your account goes; your record stays with the team, which keeps it as the law requires.",
    closeAccountFamily: "Your account goes and you leave the network of whoever gave you access. Your name and contact details are erased there.",
    closeAccountPassword: "Your password",
    closeAccountButton: "Close account",
    closeAccountConfirm: "Are you sure? This cannot be undone.",
    closeAccountDone: "Your account has been closed.",
  },
});

/** Fills the section with id sectionId for the visitor (role) and the chosen client; returns render for a language change. */
export function myData(sectionId) {
  const section = $(sectionId);
  const state = { role: null, clientId: null };
  const problem = make("div", "problem");
  problem.setAttribute("role", "alert");
  problem.id = `${sectionId}-problem`;

  const link = (text, href) => {
    const a = make("a", null, text);
    a.href = href;
    a.download = "";
    return a;
  };

  async function close(event) {
    event.preventDefault();
    clearProblem(problem);
    if (!window.confirm(t("closeAccountConfirm"))) return;
    try {
      await api("/api/account", { method: "DELETE", body: { password: $(`${sectionId}-password`).value } });
      announce(t("closeAccountDone"));
      location.assign("login.html");
    } catch (failure) {
      showProblem(problem, failure);
    }
  }

  function render() {
    const { role, clientId } = state;
    section.hidden = !role || (!clientId && role !== "Family");
    if (section.hidden) return;
    const heading = make("h2", null, t("myDataHeading"));
    heading.id = `${sectionId}-heading`;
    section.setAttribute("aria-labelledby", heading.id);
    const parts = [heading];
    if (clientId && (role === "Client" || role === "Nurse")) {
      parts.push(make("p", "muted", t(role === "Client" ? "myDataHintClient" : "myDataHintNurse")));
      const list = make("ul");
      for (const [text, path] of [["myDataDownload", "personal-data"], ["myDataFhir", "fhir"]]) {
        const item = make("li");
        item.append(link(t(text), `/api/clients/${encodeURIComponent(clientId)}/${path}`));
        list.append(item);
      }
      parts.push(list);
    }
    if (role === "Client" || role === "Family") {
      const form = make("form", "close-account");
      const label = make("label", null, t("closeAccountPassword"));
      const input = make("input");
      Object.assign(input, { id: `${sectionId}-password`, type: "password", autocomplete: "current-password", required: true });
      label.htmlFor = input.id;
      const field = make("div", "field");
      field.append(label, input);
      const button = make("button", "button danger", t("closeAccountButton"));
      button.type = "submit";
      form.append(make("h3", null, t("closeAccountHeading")), make("p", "muted", t(role === "Client" ? "closeAccountClient" : "closeAccountFamily")), field, button);
      form.addEventListener("submit", close);
      parts.push(form);
    }
    parts.push(problem);
    section.replaceChildren(...parts);
  }

  /** Shows the section for role and clientId (null hides the download links). */
  function show(role, clientId) {
    Object.assign(state, { role, clientId });
    clearProblem(problem);
    render();
  }

  return { show, render };
}
