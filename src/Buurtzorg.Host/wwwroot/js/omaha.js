// Omaha System terms in Dutch and English, keyed by the codes and enum names the API uses, so
// every page names a problem, category or target the same way in the reader's language.
//
// Sources. English: K. S. Martin, The Omaha System (2005), as in the server's catalogue
// (src/Buurtzorg.Contracts/CarePlans/Omaha). Dutch: the terms Dutch district nursing uses with the
// Dutch edition, "Het Omaha System, een introductie" (N. Koster en J. Harmsen, 2015; reprinted as
// appendix in the ZorgvoorKennis "Handreiking Omaha System", 2e druk 2020, ISBN 978-90-826449-0-6):
// the 42 aandachtsgebieden as listed on btsg.nl ("Het Omaha system"), the four domains, "soort
// actie", "actievlak", and the scoreschalen Kennis / Gedrag / Status as omahasystem.nl (Stichting
// Omaha System Support) names them. The book itself could not be consulted here: the four action
// categories, the modifiers, the 75 actievlakken and the rating anchors are this project's own
// translation in the book's style, to be checked against the Dutch edition before relying on them.
import { language } from "./i18n.js";

const problems = {
  1: ["Inkomen", "Income"],
  2: ["Omgevingshygiëne", "Sanitation"],
  3: ["Woning", "Residence"],
  4: ["Buurt/werkplek veiligheid", "Neighborhood/workplace safety"],
  5: ["Communicatie met maatschappelijke voorzieningen", "Communication with community resources"],
  6: ["Sociaal contact", "Social contact"],
  7: ["Rolverandering", "Role change"],
  8: ["Interpersoonlijke relaties", "Interpersonal relationship"],
  9: ["Spiritualiteit", "Spirituality"],
  10: ["Rouw", "Grief"],
  11: ["Geestelijke gezondheid", "Mental health"],
  12: ["Seksualiteit", "Sexuality"],
  13: ["Mantelzorg/zorg voor kind of huisgenoot", "Caretaking/parenting"],
  14: ["Verwaarlozing", "Neglect"],
  15: ["Mishandeling/misbruik", "Abuse"],
  16: ["Groei en ontwikkeling", "Growth and development"],
  17: ["Gehoor", "Hearing"],
  18: ["Zicht", "Vision"],
  19: ["Spraak en taal", "Speech and language"],
  20: ["Mondgezondheid", "Oral health"],
  21: ["Cognitie", "Cognition"],
  22: ["Pijn", "Pain"],
  23: ["Bewustzijn", "Consciousness"],
  24: ["Huid", "Skin"],
  25: ["Neuro-musculaire-skeletfunctie", "Neuro-musculo-skeletal function"],
  26: ["Ademhaling", "Respiration"],
  27: ["Circulatie", "Circulation"],
  28: ["Spijsvertering-vochthuishouding", "Digestion-hydration"],
  29: ["Darmfunctie", "Bowel function"],
  30: ["Urinewegfunctie", "Urinary function"],
  31: ["Geslachtsorganen", "Reproductive function"],
  32: ["Zwangerschap", "Pregnancy"],
  33: ["Postnataal", "Postpartum"],
  34: ["Besmettelijke/infectieuze conditie", "Communicable/infectious condition"],
  35: ["Voeding", "Nutrition"],
  36: ["Slaap- en rustpatroon", "Sleep and rest patterns"],
  37: ["Fysieke activiteit", "Physical activity"],
  38: ["Persoonlijke verzorging", "Personal care"],
  39: ["Gebruik van verslavende middelen", "Substance use"],
  40: ["Gezinsplanning", "Family planning"],
  41: ["Gezondheidszorg supervisie", "Health care supervision"],
  42: ["Medicatie", "Medication regimen"],
};

const domains = {
  Environmental: ["Omgevingsdomein", "Environmental"],
  Psychosocial: ["Psychosociaal domein", "Psychosocial"],
  Physiological: ["Fysiologisch domein", "Physiological"],
  HealthRelatedBehaviors: ["Gezondheidsgerelateerd gedragsdomein", "Health-related behaviors"],
};

const scopes = {
  Individual: ["Individu", "Individual"],
  Family: ["Gezin", "Family"],
  Community: ["Gemeenschap", "Community"],
};

const types = {
  HealthPromotion: ["Gezondheidsbevordering", "Health promotion"],
  Potential: ["Potentieel", "Potential"],
  Actual: ["Actueel", "Actual"],
};

const categories = {
  TeachingGuidanceAndCounseling: ["Voorlichting, advies en instructie", "Teaching, guidance, and counseling"],
  TreatmentsAndProcedures: ["Behandelingen en procedures", "Treatments and procedures"],
  CaseManagement: ["Casemanagement", "Case management"],
  Surveillance: ["Monitoring", "Surveillance"],
};

// The Intervention Scheme's targets in published order: index + 1 is the code.
const targets = [
  ["anatomie/fysiologie", "anatomy/physiology"], ["omgaan met boosheid", "anger management"],
  ["gedragsverandering", "behavior modification"], ["blaaszorg", "bladder care"],
  ["hechting", "bonding/attachment"], ["darmzorg", "bowel care"], ["hartzorg", "cardiac care"],
  ["zorg- en opvoedvaardigheden", "caretaking/parenting skills"], ["gipsverzorging", "cast care"],
  ["communicatie", "communication"], ["outreachend werk in de wijk", "community outreach worker services"],
  ["continuïteit van zorg", "continuity of care"], ["omgaan met problemen (coping)", "coping skills"],
  ["dagopvang/respijtzorg", "day care/respite"], ["dieetbeleid", "dietary management"],
  ["discipline", "discipline"], ["verbandwissel/wondzorg", "dressing change/wound care"],
  ["hulpmiddelen", "durable medical equipment"], ["opleiding", "education"], ["werk", "employment"],
  ["zorg rond het levenseinde", "end-of-life care"], ["omgeving", "environment"], ["oefeningen", "exercises"],
  ["anticonceptiezorg", "family planning care"], ["voedingstechnieken", "feeding procedures"],
  ["financiën", "finances"], ["looptraining", "gait training"], ["erfelijkheid", "genetics"],
  ["zorg voor groei/ontwikkeling", "growth/development care"], ["woning", "home"],
  ["huishouden", "homemaking/housekeeping"], ["infectiepreventie", "infection precautions"],
  ["interactie", "interaction"], ["tolk/vertaler", "interpreter/translator services"],
  ["laboratoriumuitslagen", "laboratory findings"], ["justitie", "legal system"],
  ["medische/tandheelkundige zorg", "medical/dental care"], ["werking/bijwerkingen van medicatie", "medication action/side effects"],
  ["medicatie toedienen", "medication administration"], ["medicatie afstemmen/bestellen", "medication coordination/ordering"],
  ["medicatievoorschrift", "medication prescription"], ["medicatie klaarzetten", "medication set-up"],
  ["mobiliteit/transfers", "mobility/transfers"], ["verpleegkundige zorg", "nursing care"],
  ["diëtistische zorg", "nutritionist care"], ["ergotherapie", "occupational therapy care"],
  ["stomazorg", "ostomy care"], ["andere voorzieningen", "other community resources"],
  ["verzorgende/helpende zorg", "paraprofessional/aide care"], ["persoonlijke hygiëne", "personal hygiene"],
  ["fysiotherapie", "physical therapy care"], ["positionering", "positioning"],
  ["recreatietherapie", "recreational therapy care"], ["ontspannings-/ademhalingstechnieken", "relaxation/breathing techniques"],
  ["ademhalingszorg", "respiratory care"], ["longtherapie", "respiratory therapy care"], ["rust/slaap", "rest/sleep"],
  ["veiligheid", "safety"], ["screening", "screening procedures"], ["zorg bij ziekte/letsel", "sickness/injury care"],
  ["signalen/symptomen psychisch/emotioneel", "signs/symptoms-mental/emotional"],
  ["signalen/symptomen lichamelijk", "signs/symptoms-physical"], ["huidverzorging", "skin care"],
  ["maatschappelijk werk/counseling", "social work/counseling care"], ["afname van lichaamsmateriaal", "specimen collection"],
  ["logopedie", "speech and language pathology care"], ["geestelijke verzorging", "spiritual care"],
  ["stimulatie/koestering", "stimulation/nurturance"], ["omgaan met stress", "stress management"],
  ["stoppen met middelengebruik", "substance use cessation"], ["benodigdheden", "supplies"],
  ["lotgenotengroep", "support group"], ["steunsysteem", "support system"], ["vervoer", "transportation"],
  ["welzijn", "wellness"], ["overig", "other"],
];

const concepts = {
  Knowledge: ["Kennis", "Knowledge"],
  Behavior: ["Gedrag", "Behavior"],
  Status: ["Status", "Status"],
};

// Anchors of the Problem Rating Scale for Outcomes, 1 to 5.
const anchors = {
  Knowledge: [
    ["geen kennis", "no knowledge"], ["minimale kennis", "minimal knowledge"], ["basiskennis", "basic knowledge"],
    ["voldoende kennis", "adequate knowledge"], ["uitstekende kennis", "superior knowledge"],
  ],
  Behavior: [
    ["niet passend gedrag", "not appropriate behavior"], ["zelden passend gedrag", "rarely appropriate behavior"],
    ["wisselend passend gedrag", "inconsistently appropriate behavior"], ["meestal passend gedrag", "usually appropriate behavior"],
    ["altijd passend gedrag", "consistently appropriate behavior"],
  ],
  Status: [
    ["extreme signalen/symptomen", "extreme signs/symptoms"], ["ernstige signalen/symptomen", "severe signs/symptoms"],
    ["matige signalen/symptomen", "moderate signs/symptoms"], ["minimale signalen/symptomen", "minimal signs/symptoms"],
    ["geen signalen/symptomen", "no signs/symptoms"],
  ],
};

const pick = (pair, fallback) => (pair ? pair[language() === "nl" ? 0 : 1] : fallback);

export const problemName = (code) => pick(problems[code], String(code));
export const domainName = (domain) => pick(domains[domain], domain);
export const scopeName = (scope) => pick(scopes[scope], scope);
export const typeName = (type) => pick(types[type], type);
export const categoryName = (category) => pick(categories[category], category);
export const targetName = (code) => pick(targets[code - 1], String(code));
export const conceptName = (concept) => pick(concepts[concept], concept);
export const anchorName = (concept, rating) => pick(anchors[concept]?.[rating - 1], String(rating));

export const problemCodes = Object.keys(problems).map(Number);
export const domainKeys = Object.keys(domains);
export const scopeKeys = Object.keys(scopes);
export const typeKeys = Object.keys(types);
export const categoryKeys = Object.keys(categories);
export const targetCodes = targets.map((_, index) => index + 1);
