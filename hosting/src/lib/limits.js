/* global TASKLY_LIMITS */

/**
 * The API's input limits, read from openapi.yaml when the web app is built (hosting/build.mjs),
 * so the browser never allows what the server refuses.
 */
export const LIMITS = TASKLY_LIMITS;

/** Gives every field that names its limit (`data-limit="nameMax"`) that maxlength. */
export function applyLimits(root = document) {
  for (const field of root.querySelectorAll("[data-limit]")) {
    field.maxLength = LIMITS[field.dataset.limit];
  }
}
