/** How long a listener may go without its first answer before it listens again, at first. */
export const FIRST_ANSWER_WAIT_MS = 8000;
/** The longest wait between tries: a slow network still gets its answer. */
export const FIRST_ANSWER_WAIT_MAX_MS = 64_000;

/**
 * Listens with `listen(answered)`, which starts a listener, returns its stop function and
 * calls `answered()` on the listener's first snapshot or error. Until that first answer comes,
 * the listener is stopped and started again after a wait that doubles each time.
 *
 * Why: a listen stream can lose a target's acknowledgement (the Firestore emulator sometimes
 * sends a large query's documents without the ADD that announces them). The SDK then ignores
 * every message for that target, and the listener would wait for ever; a new listen asks again.
 *
 * Returns a function that stops the listener, whichever try it is on.
 */
export function listenUntilAnswered(
  listen,
  { wait = FIRST_ANSWER_WAIT_MS, longest = FIRST_ANSWER_WAIT_MAX_MS, timers = globalThis } = {},
) {
  let stopListener = null;
  let timer = null;
  let answered = false;
  let stopped = false;

  function start(waitMs) {
    let thisTry = true;
    stopListener = listen(() => {
      if (!thisTry || answered) return;
      answered = true;
      timers.clearTimeout(timer);
    });
    if (answered || stopped) return;
    timer = timers.setTimeout(() => {
      thisTry = false;
      stopListener();
      start(Math.min(waitMs * 2, longest));
    }, waitMs);
  }

  start(wait);
  return () => {
    stopped = true;
    timers.clearTimeout(timer);
    stopListener();
  };
}
