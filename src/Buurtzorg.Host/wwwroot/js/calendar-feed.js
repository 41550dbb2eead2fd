// "Agenda-abonnement": a secret link that puts visits in the calendar app of a phone. The link is
// shown once, right after it is made (the server keeps only a hash of it); after that the page
// only says that there is one, when it was made, and offers a new one or to withdraw it.
import { addStrings, t } from "./i18n.js";
import { $, announce, api, clearProblem, formatDate, make, showProblem } from "./page.js";

addStrings({
  nl: {
    feedHeading: "Agenda-abonnement",
    feedHintRound: "Zet uw ronde in de agenda-app van uw telefoon. De agenda toont wanneer en waar, niet wat er moet gebeuren. Wie de link heeft, ziet uw bezoeken: deel hem met niemand.",
    feedHintClient: "Zet de bezoeken in de agenda-app van uw telefoon: wie wanneer komt. Wie de link heeft, ziet dat ook: deel hem met niemand.",
    feedNone: "Er is nog geen link.",
    feedActive: "Er is een link, gemaakt op {date}. U ziet hem alleen direct na het maken; bent u hem kwijt, maak dan een nieuwe.",
    feedUrl: "Link voor uw agenda-app",
    feedUrlHint: "Voeg in uw agenda-app een agenda toe via een link (abonneren) en plak deze link. De oude link werkt niet meer zodra u een nieuwe maakt.",
    feedMake: "Link maken",
    feedNew: "Nieuwe link",
    feedRevoke: "Intrekken",
    feedCopy: "Kopiëren",
    feedCopied: "De link is gekopieerd.",
    feedMade: "Er is een nieuwe link gemaakt. Een eerdere link werkt niet meer.",
    feedRevoked: "De link is ingetrokken en werkt niet meer.",
  },
  en: {
    feedHeading: "Calendar subscription",
    feedHintRound: "Put your round in your phone's calendar app. The calendar shows when and where, not what needs doing. Anyone with the link sees your visits: share it with no one.",
    feedHintClient: "Put the visits in your phone's calendar app: who is coming when. Anyone with the link sees that too: share it with no one.",
    feedNone: "There is no link yet.",
    feedActive: "There is a link, made on {date}. It is shown only right after it is made; if you have lost it, make a new one.",
    feedUrl: "Link for your calendar app",
    feedUrlHint: "In your calendar app, add a calendar by link (subscribe) and paste this link. The old link stops working as soon as you make a new one.",
    feedMake: "Make a link",
    feedNew: "New link",
    feedRevoke: "Withdraw",
    feedCopy: "Copy",
    feedCopied: "The link has been copied.",
    feedMade: "A new link has been made. Any earlier link no longer works.",
    feedRevoked: "The link has been withdrawn and no longer works.",
  },
});

/** The visitor's own calendar day of a moment the server gives in UTC. */
function localDay(iso) {
  const at = new Date(iso);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}-${String(at.getDate()).padStart(2, "0")}`;
}

/**
 * Fills the section with id sectionId for the feed at path (a nurse's "/api/nurses/{id}/calendar" or a
 * client's "/api/clients/{id}/calendar"); hint names the text above it. Returns a render function for the
 * page to call when the language changes.
 */
export function calendarFeed(sectionId, hint) {
  const section = $(sectionId);
  const state = { path: null, link: null, open: false };
  const problem = make("div", "problem");
  problem.setAttribute("role", "alert");
  problem.id = `${sectionId}-problem`;

  const act = async (action) => {
    clearProblem(problem);
    try {
      await action();
    } catch (failure) {
      showProblem(problem, failure);
    }
  };

  const renew = () => act(async () => {
    state.link = await api(state.path, { method: "POST", body: {} });
    render();
    announce(t("feedMade"));
    $(`${sectionId}-url`)?.focus();
  });

  const revoke = () => act(async () => {
    await api(state.path, { method: "DELETE" });
    state.link = { active: false };
    render();
    announce(t("feedRevoked"));
  });

  const button = (text, onClick, className = "button") => {
    const b = make("button", className, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  };

  function render() {
    const parts = [make("p", "muted", t(hint))];
    const link = state.link;
    if (link?.url) {
      const field = make("div", "field feed-url");
      const label = make("label", null, t("feedUrl"));
      const input = make("input");
      Object.assign(input, { id: `${sectionId}-url`, type: "url", readOnly: true, value: link.url });
      input.setAttribute("aria-describedby", `${sectionId}-url-hint`);
      input.addEventListener("focus", () => input.select());
      label.htmlFor = input.id;
      const copy = button(t("feedCopy"), () => act(async () => {
        input.select();
        await navigator.clipboard.writeText(link.url);
        announce(t("feedCopied"));
      }));
      const row = make("div", "feed-row");
      row.append(input, copy);
      const urlHint = make("p", "muted", t("feedUrlHint"));
      urlHint.id = `${sectionId}-url-hint`;
      field.append(label, row, urlHint);
      parts.push(field);
    } else if (link?.active) {
      parts.push(make("p", null, t("feedActive", { date: formatDate(localDay(link.issuedAt)) })));
    } else if (link) {
      parts.push(make("p", null, t("feedNone")));
    }
    if (link) {
      const actions = make("div", "actions");
      actions.append(button(t(link.active ? "feedNew" : "feedMake"), renew, "button primary"));
      if (link.active) actions.append(button(t("feedRevoke"), revoke));
      parts.push(actions);
    }
    parts.push(problem);
    // Folded until asked for: it is set up once, and the round above it is what she reads daily.
    const details = make("details", "feed-details");
    details.open = state.open || Boolean(link?.url) || problem.textContent !== "";
    details.addEventListener("toggle", () => { state.open = details.open; });
    details.append(make("summary", null, t("feedHeading")), ...parts);
    section.replaceChildren(details);
  }

  /** Shows the feed at path (null hides the section). */
  async function show(path) {
    state.path = path;
    state.link = null;
    section.hidden = !path;
    clearProblem(problem);
    if (!path) return;
    render();
    await act(async () => {
      const link = await api(path);
      if (state.path === path) state.link = link;
    });
    if (state.path === path) render();
  }

  return { show, render };
}
