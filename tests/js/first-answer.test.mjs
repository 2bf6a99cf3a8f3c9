import assert from "node:assert/strict";
import { test } from "node:test";
import { listenUntilAnswered } from "../../hosting/src/lib/first-answer.js";

/** Timers that run only when told: `advance(ms)`. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map();
  return {
    setTimeout(callback, ms) {
      pending.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
    get count() {
      return pending.size;
    },
  };
}

/** A listener that records its tries; `answer(i)` makes try i answer. */
function recordingListener() {
  const tries = [];
  return {
    tries,
    listen(answered) {
      const attempt = { answered, stopped: false };
      tries.push(attempt);
      return () => {
        attempt.stopped = true;
      };
    },
  };
}

test("a listener that answers in time is kept, and asked no more", () => {
  const timers = fakeTimers();
  const listener = recordingListener();
  listenUntilAnswered(listener.listen, { wait: 1000, timers });
  timers.advance(500);
  listener.tries[0].answered();
  timers.advance(60_000);
  assert.equal(listener.tries.length, 1);
  assert.equal(listener.tries[0].stopped, false);
  assert.equal(timers.count, 0);
});

test("a listener without an answer is stopped and started again, waiting twice as long", () => {
  const timers = fakeTimers();
  const listener = recordingListener();
  listenUntilAnswered(listener.listen, { wait: 1000, longest: 4000, timers });
  timers.advance(999);
  assert.equal(listener.tries.length, 1);
  timers.advance(1);
  assert.equal(listener.tries.length, 2);
  assert.equal(listener.tries[0].stopped, true);
  timers.advance(1999);
  assert.equal(listener.tries.length, 2);
  timers.advance(1);
  assert.equal(listener.tries.length, 3);
  // Capped at the longest wait.
  timers.advance(4000);
  timers.advance(4000);
  assert.equal(listener.tries.length, 5);
  listener.tries[4].answered();
  timers.advance(100_000);
  assert.equal(listener.tries.length, 5);
  assert.equal(listener.tries[4].stopped, false);
});

test("a late answer from a try already given up on changes nothing", () => {
  const timers = fakeTimers();
  const listener = recordingListener();
  listenUntilAnswered(listener.listen, { wait: 1000, timers });
  timers.advance(1000);
  listener.tries[0].answered(); // the stopped try
  timers.advance(2000);
  assert.equal(listener.tries.length, 3);
});

test("an answer given while starting (a cached snapshot) needs no timer", () => {
  const timers = fakeTimers();
  let tries = 0;
  listenUntilAnswered(
    (answered) => {
      tries += 1;
      answered();
      return () => {};
    },
    { wait: 1000, timers },
  );
  assert.equal(timers.count, 0);
  timers.advance(10_000);
  assert.equal(tries, 1);
});

test("stopping stops the current try and every later one", () => {
  const timers = fakeTimers();
  const listener = recordingListener();
  const stop = listenUntilAnswered(listener.listen, { wait: 1000, timers });
  timers.advance(1000);
  stop();
  assert.equal(listener.tries[1].stopped, true);
  timers.advance(100_000);
  assert.equal(listener.tries.length, 2);
});
