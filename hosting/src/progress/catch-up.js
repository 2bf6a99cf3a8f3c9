/**
 * The pauses before each new question to the server: growing by half each time, about 15 s in
 * all (the statistics usually follow within a second or two).
 */
export const CATCH_UP_DELAYS_MS = [300, 450, 700, 1000, 1500, 2250, 3400, 5000];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Progress page's numbers come from the server alone (GET /api/progress), which works them
 * out from the statistics its trigger keeps: a task marked done on the page is counted there a
 * moment later. So after one is, the page asks again, after each pause of `delays`, until the
 * server's count for today holds every task marked done here since the numbers on the page
 * (or its day has turned), then shows that answer; when the pauses run out, it shows the last
 * answer it had. A task marked done meanwhile starts the pauses over.
 *
 * `load()` -> a promise of the numbers; `show(numbers)`.
 */
export function createCatchUp({ load, show, delays = CATCH_UP_DELAYS_MS, wait = sleep }) {
  let shownBefore = null; // the numbers on the page when the first uncounted done was marked
  let marked = 0; // tasks marked done since
  let attempt = 0;
  let running = null;

  const counted = (numbers) =>
    numbers.today !== shownBefore.today ||
    numbers.done_today >= shownBefore.done_today + marked;

  async function run() {
    let latest = null;
    while (attempt < delays.length) {
      const pause = delays[attempt];
      attempt += 1;
      await wait(pause);
      try {
        latest = await load();
      } catch {
        continue; // asked again after the next pause
      }
      if (counted(latest)) break;
    }
    shownBefore = null;
    marked = 0;
    running = null;
    if (latest) show(latest);
  }

  return {
    /** A task was marked done while `shown` (the server's numbers) was on the page. */
    doneMarked(shown) {
      shownBefore ??= shown;
      marked += 1;
      attempt = 0;
      running ??= Promise.resolve().then(run);
      return running;
    },
  };
}
