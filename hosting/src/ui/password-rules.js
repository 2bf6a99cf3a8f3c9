const RULES = {
  length: (password) => password.length >= 8,
  letter: (password) => /\p{L}/u.test(password),
  number: (password) => /\p{N}/u.test(password),
};

export const PASSWORD_RULES_MESSAGE =
  "Use at least 8 characters, with at least one letter and one number.";

export const passwordMeetsRules = (password) =>
  Object.values(RULES).every((rule) => rule(password));

/**
 * Ticks the rules in a <ul class="password-rules"> (items with data-rule) as the person types.
 * Each item carries its state as text too, not only as colour.
 */
export function bindPasswordRules(input, list) {
  const update = () => {
    for (const item of list.querySelectorAll("[data-rule]")) {
      const met = RULES[item.dataset.rule](input.value);
      item.classList.toggle("is-met", met);
      item.querySelector(".rule-state").textContent = met ? "Done:" : "Needed:";
    }
  };
  input.addEventListener("input", update);
  update();
}
