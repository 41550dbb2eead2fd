// Interface text in Dutch (the teams' working language) and English.
// Values are plain text: app.js only ever puts them in textContent or attributes,
// so a {name} typed by a user can never become markup.

export const strings = {
  nl: {
    pageTitle: "Buurtzorg – Teams in de wijk",
    teamPageTitle: "{team} – Buurtzorg",
    subtitle: "Teams in de wijk",
    otherLanguage: "English",
    languageChanged: "Taal: Nederlands",
    largeText: "Grote tekst",
    skipToTeam: "Naar het gekozen team",
    teams: "Teams",
    noTeams: "Er zijn nog geen teams.",
    newTeam: "Nieuw team",
    teamName: "Teamnaam",
    found: "Oprichten",
    teamFounded: "Team {team} is opgericht.",
    chooseTeam: "Kies een team",
    chooseTeamHint: "Kies een team uit de lijst, of richt een nieuw team op.",
    loadingTeam: "Team laden…",
    nurses: "Wijkverpleegkundigen",
    nurseCount: "{count} van {max} wijkverpleegkundigen",
    noNurses: "Dit team heeft nog geen wijkverpleegkundigen.",
    joinedSince: "In het team sinds {date}",
    nurseName: "Naam wijkverpleegkundige",
    add: "Toevoegen",
    remove: "Verwijderen",
    removeNurse: "{name} verwijderen",
    confirmRemove: "{name} uit het team verwijderen?",
    joinRequests: "Vragen om erbij te komen",
    joinRequestsHint: "Het team beslist samen wie erbij komt. Wie u accepteert, ziet daarna de cliënten van het team.",
    askedOn: "Gevraagd op {date}",
    accept: "Accepteren",
    decline: "Afwijzen",
    acceptNurse: "{name} accepteren",
    declineNurse: "Verzoek van {name} afwijzen",
    joinAccepted: "{name} hoort nu bij het team.",
    joinDeclined: "Het verzoek van {name} is afgewezen.",
    welcomedBy: "Verwelkomd door {name}",
    leaveTeam: "Team verlaten",
    confirmLeave: "Weet u zeker dat u {team} verlaat? U ziet daarna de cliënten van dit team niet meer.",
    confirmDivide: "Dit team heeft al twaalf wijkverpleegkundigen. Als u {name} accepteert, splitst het team zich in twee. Doorgaan?",
    leftTeam: "U heeft {team} verlaten.",
    outsideHint: "U bent geen lid van dit team. Vraag of u erbij mag komen: een wijkverpleegkundige van het team beslist. Tot dan ziet u niets van het team.",
    joinMessage: "Bericht aan het team (mag leeg blijven)",
    askToJoin: "Vragen om erbij te komen",
    joinSent: "Uw vraag is verstuurd aan {team}. Een collega van dat team accepteert of wijst hem af; daarna ziet u het team hier.",
    nurseAdded: "{name} is aan het team toegevoegd.",
    nurseRemoved: "{name} is uit het team verwijderd.",
    teamUpdated: "Het team is bijgewerkt: {count} van {max} wijkverpleegkundigen.",
    teamFull:
      "Dit team heeft twaalf wijkverpleegkundigen. Komt er een dertiende bij, dan splitst het team " +
      "zich in twee kleinere teams, met de cliënten bij de verpleegkundigen die ze kennen.",
    teamDivided: "Het team is gesplitst in {first} en {second}. U ziet nu {first}.",
    nameRequired: "Vul een naam in.",
    connection: "Verbinding",
    connecting: "Verbinden…",
    live: "Live",
    reconnecting: "Verbinding herstellen…",
    catchingUp: "Bijwerken…",
    catchingUpDetail: "Bijwerken lukt even niet. De pagina probeert het zelf opnieuw; wat u ziet kan intussen iets achterlopen.",
    offline: "Offline",
    somethingWrong: "Er ging iets mis",
    networkDetail: "De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.",
    statusDetail: "De server antwoordde met status {status}.",
    navTeams: "Teams",
    navRound: "Mijn ronde",
    navClient: "Cliënt en familie",
    navCentral: "Centraal bureau",
    navAvailability: "Mijn beschikbaarheid",
    navIntake: "Nieuwe cliënt",
    navNetwork: "Netwerk",
    mainNav: "Hoofdmenu",
  },
  en: {
    pageTitle: "Buurtzorg – Neighbourhood teams",
    teamPageTitle: "{team} – Buurtzorg",
    subtitle: "Neighbourhood teams",
    otherLanguage: "Nederlands",
    languageChanged: "Language: English",
    largeText: "Large text",
    skipToTeam: "Skip to the chosen team",
    teams: "Teams",
    noTeams: "There are no teams yet.",
    newTeam: "New team",
    teamName: "Team name",
    found: "Found team",
    teamFounded: "Team {team} has been founded.",
    chooseTeam: "Choose a team",
    chooseTeamHint: "Choose a team from the list, or found a new team.",
    loadingTeam: "Loading team…",
    nurses: "Neighbourhood nurses",
    nurseCount: "{count} of {max} neighbourhood nurses",
    noNurses: "This team has no neighbourhood nurses yet.",
    joinedSince: "In the team since {date}",
    nurseName: "Name of the nurse",
    add: "Add",
    remove: "Remove",
    removeNurse: "Remove {name}",
    confirmRemove: "Remove {name} from the team?",
    joinRequests: "Asking to join",
    joinRequestsHint: "The team decides together who joins. Whoever you accept will then see the team's clients.",
    askedOn: "Asked on {date}",
    accept: "Accept",
    decline: "Decline",
    acceptNurse: "Accept {name}",
    declineNurse: "Decline {name}'s request",
    joinAccepted: "{name} is now in the team.",
    joinDeclined: "{name}'s request was declined.",
    welcomedBy: "Welcomed by {name}",
    leaveTeam: "Leave team",
    confirmLeave: "Are you sure you want to leave {team}? You will no longer see this team's clients.",
    confirmDivide: "This team already has twelve nurses. If you accept {name}, the team divides in two. Continue?",
    leftTeam: "You have left {team}.",
    outsideHint: "You are not a member of this team. Ask to join: a nurse of the team decides. Until then you see nothing of the team.",
    joinMessage: "Message to the team (may stay empty)",
    askToJoin: "Ask to join",
    joinSent: "Your request was sent to {team}. A nurse of that team accepts or declines it; then you will see the team here.",
    nurseAdded: "{name} has joined the team.",
    nurseRemoved: "{name} has been removed from the team.",
    teamUpdated: "The team was updated: {count} of {max} neighbourhood nurses.",
    teamFull:
      "This team has twelve nurses. When a thirteenth joins, the team splits into two smaller teams, " +
      "each client going with the nurses who know them.",
    teamDivided: "The team has split into {first} and {second}. You are now seeing {first}.",
    nameRequired: "Please enter a name.",
    connection: "Connection",
    connecting: "Connecting…",
    live: "Live",
    reconnecting: "Reconnecting…",
    catchingUp: "Catching up…",
    catchingUpDetail: "Updating is not possible for a moment. The page tries again by itself; what you see may lag behind meanwhile.",
    offline: "Offline",
    somethingWrong: "Something went wrong",
    networkDetail: "The server cannot be reached. Check the connection and try again.",
    statusDetail: "The server answered with status {status}.",
    navTeams: "Teams",
    navRound: "My round",
    navClient: "Client and family",
    navCentral: "Central office",
    navAvailability: "My availability",
    navIntake: "New client",
    navNetwork: "Network",
    mainNav: "Main menu",
  },
};

export const languages = Object.keys(strings);

// The locale decides date formats: Dutch teams read "3 maart 2025", English readers "3 March 2025".
const locales = { nl: "nl-NL", en: "en-GB" };

let current = "nl";

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = languages.includes(lang) ? lang : "nl";
  document.documentElement.lang = current;
}

export function locale() {
  return locales[current];
}

/** The text for key in the current language, with {placeholders} filled in. */
export function t(key, values = {}) {
  const text = strings[current][key] ?? strings.nl[key] ?? key;
  // A replacer function, so "$&" and friends in a user's name stay literal.
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Fills the fixed text of the page: data-i18n sets the text, data-i18n-label the aria-label. */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(el.dataset.i18nLabel));
  }
}

/** Adds a page's own texts; a page module calls it once before it renders anything. */
export function addStrings(more) {
  for (const lang of languages) {
    Object.assign(strings[lang], more[lang] ?? {});
  }
}
