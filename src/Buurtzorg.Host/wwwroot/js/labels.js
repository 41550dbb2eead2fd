// Domain words in the interface language, shared by the role pages.
import { addStrings, t } from "./i18n.js";

addStrings({
  nl: {
    "qualification.BasicCare": "basiszorg",
    "qualification.WoundCare": "wondzorg",
    "qualification.InjectionsAndMedication": "injecties en medicatie",
    "qualification.DiabetesCare": "diabeteszorg",
    "qualification.PalliativeCare": "palliatieve zorg",
    "qualification.CatheterAndStomaCare": "katheter- en stomazorg",
    team: "Team",
    nurse: "Wijkverpleegkundige",
    client: "Cliënt",
    choose: "Kies…",
  },
  en: {
    "qualification.BasicCare": "basic care",
    "qualification.WoundCare": "wound care",
    "qualification.InjectionsAndMedication": "injections and medication",
    "qualification.DiabetesCare": "diabetes care",
    "qualification.PalliativeCare": "palliative care",
    "qualification.CatheterAndStomaCare": "catheter and stoma care",
    team: "Team",
    nurse: "Nurse",
    client: "Client",
    choose: "Choose…",
  },
});

export const qualification = (q) => (q ? t(`qualification.${q}`) : "");

/** Fills a select with options, keeping the chosen value when it is still there. */
export function fillSelect(select, items, chosen) {
  const placeholder = document.createElement("option");
  placeholder.value = "";
  placeholder.textContent = t("choose");
  placeholder.dataset.i18n = "choose";
  const options = items.map(({ value, label }) => {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    return option;
  });
  select.replaceChildren(placeholder, ...options);
  select.value = items.some((i) => i.value === chosen) ? chosen : "";
}
