// The policy Auth enforces too: `make deploy` sets it as the project's password policy.
import policy from "../../../password-policy.json";

// Digits are 0-9 only, as Auth counts them. A letter is one of any script: Auth cannot require
// that, so the browser alone asks for it (see README, "Password policy").
const RULES = {
  length: {
    met: (password) => password.length >= policy.minLength,
    label: `At least ${policy.minLength} characters`,
  },
  ...(policy.requireLetter && {
    letter: { met: (password) => /\p{L}/u.test(password), label: "At least one letter" },
  }),
  ...(policy.requireDigit && {
    number: { met: (password) => /[0-9]/.test(password), label: "At least one number (0–9)" },
  }),
};

const NEEDS = [
  policy.requireLetter && "one letter",
  policy.requireDigit && "one number (0–9)",
].filter(Boolean);

export const PASSWORD_RULES_MESSAGE =
  `Use at least ${policy.minLength} characters` +
  (NEEDS.length ? `, with at least ${NEEDS.join(" and ")}.` : ".");

export const passwordMeetsRules = (password) =>
  Object.values(RULES).every((rule) => rule.met(password));

/**
 * Ticks the rules in a <ul class="password-rules"> (items with data-rule) as the person types,
 * labelled from the policy; an item for a rule the policy does not have is hidden.
 * Each item carries its state as text too, not only as colour.
 */
export function bindPasswordRules(input, list) {
  const items = [...list.querySelectorAll("[data-rule]")];
  for (const item of items) {
    const rule = RULES[item.dataset.rule];
    item.hidden = !rule;
    if (rule) item.replaceChildren(item.querySelector(".rule-state"), rule.label);
  }
  const update = () => {
    for (const item of items.filter((each) => !each.hidden)) {
      const met = RULES[item.dataset.rule].met(input.value);
      item.classList.toggle("is-met", met);
      item.querySelector(".rule-state").textContent = met ? "Done:" : "Needed:";
    }
  };
  input.addEventListener("input", update);
  update();
}
