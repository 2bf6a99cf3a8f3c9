/*
 * Field errors shown next to their field. Each input has a sibling <p class="field-error"
 * id="<input id>-error"> that its aria-describedby points to; a form has <p class="form-error">.
 */

function showFieldError(input, message) {
  input.setAttribute("aria-invalid", "true");
  document.getElementById(`${input.id}-error`).textContent = message;
}

/**
 * Shows every failed check at its field and focuses the first; true when all passed.
 * `checks` are [input, problem] pairs, where a falsy problem means the field is fine.
 */
export function checkFields(checks) {
  const failed = checks.filter(([, problem]) => problem);
  for (const [input, problem] of failed) showFieldError(input, problem);
  failed[0]?.[0].focus();
  return failed.length === 0;
}

export const emailProblem = (input) =>
  !(input.value && input.validity.valid) && "Enter an email address like name@example.com.";

export function clearErrors(form) {
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
  for (const message of form.querySelectorAll(".field-error, .form-error")) {
    message.textContent = "";
  }
}

/** Shows an error at its field when the form has that field, else for the whole form. */
export function reportError(form, { field, message }) {
  const input = field && form.elements.namedItem(field);
  if (input instanceof HTMLElement) checkFields([[input, message]]);
  else form.querySelector(".form-error").textContent = message;
}

/**
 * Runs `handle` on submit, in place of the browser's own submission (a GET that would put the
 * values, passwords too, into the URL). Pages ship submit buttons disabled until this is wired.
 */
export function onSubmit(form, handle) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    handle();
  });
  form.querySelector("[type=submit]").disabled = false;
}

/** Disables the submit button and marks the form busy while `work` runs. */
export async function whileBusy(form, work) {
  const submit = form.querySelector("[type=submit]");
  submit.disabled = true;
  form.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    submit.disabled = false;
    form.removeAttribute("aria-busy");
  }
}

/** Wires every "Show" button of a password field (see .password-field in the pages). */
export function enablePasswordToggles() {
  for (const button of document.querySelectorAll(".password-toggle")) {
    const input = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", () => {
      const show = input.type === "password";
      input.type = show ? "text" : "password";
      button.setAttribute("aria-pressed", String(show));
      button.textContent = show ? "Hide" : "Show";
    });
  }
}
