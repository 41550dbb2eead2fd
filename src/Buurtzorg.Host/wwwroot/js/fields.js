// Server refusals that name a field (ProblemDetails "errors", keyed as the API names its fields)
// shown next to that field; what names no field on the page stays in the page's problem box.
import { addStrings, t } from "./i18n.js";
import { make, showProblem, clearProblem } from "./page.js";

addStrings({
  nl: { checkFields: "Niet opgeslagen: kijk bij de gemarkeerde velden wat er nog niet klopt." },
  en: { checkFields: "Not saved: see the marked fields for what is not right yet." },
});

/** Clears the field messages under root and the problem box. */
export function clearFieldErrors(root, box) {
  for (const input of root.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const error of root.querySelectorAll(".field-error")) error.textContent = "";
  clearProblem(box);
}

/**
 * Puts each message of problem.errors beside the control whose data-field (one key or several,
 * space-separated) names its key, and the rest, with the title, in box. The first field named
 * gets the focus.
 */
export function showFieldErrors(root, box, problem) {
  clearFieldErrors(root, box);
  const controls = [...root.querySelectorAll("[data-field]")];
  const leftover = {};
  const marked = new Set();
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    const control = controls.find((c) => c.dataset.field.toLowerCase().split(" ").includes(key.toLowerCase()));
    if (!control) {
      leftover[key] = messages;
      continue;
    }
    const error = errorFor(control);
    error.textContent = [error.textContent, ...messages].filter(Boolean).join(" ");
    error.lang = problem.lang;
    // A group (a day's fieldset) carries the message; only form controls are marked invalid.
    if (control.matches("input, select, textarea")) control.setAttribute("aria-invalid", "true");
    marked.add(control);
  }
  // The focus goes to the first field on the page that is wrong, whatever order the server named them in.
  const first = controls.find((c) => marked.has(c)) ?? null;
  if (first && Object.keys(leftover).length === 0) {
    box.replaceChildren(make("p", null, t("checkFields")));
  } else {
    if (problem) problem.errors = leftover;
    showProblem(box, problem);
  }
  first?.focus();
  return first !== null;
}

/** The message element of a control: one per control, linked by aria-describedby. */
function errorFor(control) {
  const id = `${control.id || control.dataset.field.split(" ")[0].replace(/[^\w-]/g, "-")}-error`;
  let error = document.getElementById(id);
  if (!error) {
    error = make("p", "field-error");
    error.id = id;
    const place = control.matches("fieldset") ? control : control.closest("[data-error-place]") ?? control.closest(".field") ?? control.parentElement;
    place.append(error);
  }
  const describedBy = new Set((control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  describedBy.add(id);
  control.setAttribute("aria-describedby", [...describedBy].join(" "));
  return error;
}
