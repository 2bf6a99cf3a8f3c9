// Tasks, times and a scripted API for the board's tests.

const EPOCH = Date.UTC(2026, 2, 2, 9, 0, 0);

/** The ISO time `minutes` after a fixed moment (as the API and the listeners write times). */
export const at = (minutes) => new Date(EPOCH + minutes * 60_000).toISOString();

let made = 0;

/**
 * A task as the API answers it: in Todo, made at `at(n)` if the n-th made, ranked above those
 * made before; `fields` over it.
 */
export function aTask(fields = {}) {
  made += 1;
  const created = at(made);
  return {
    id: `task-${made}`,
    description: `Task ${made}`,
    status: "todo",
    notify_email: false,
    notify_sms: false,
    next_reminder_at: null,
    created_at: created,
    updated_at: created,
    done_at: null,
    // Each new task on top of its column, as the server ranks them.
    rank: `a${String(100_000 - made)}`,
    ...fields,
  };
}

/** A task finished at `at(minutes)`. */
export const aDoneTask = (minutes, fields = {}) =>
  aTask({ status: "done", done_at: at(minutes), updated_at: at(minutes), ...fields });

/** A later copy of `task`, as the server has it after a change made at `at(minutes)`. */
export const changed = (task, minutes, fields) => ({ ...task, ...fields, updated_at: at(minutes) });

/** An error as lib/api.js throws it. */
export function apiError(status, message, field = null) {
  return Object.assign(new Error(message), { name: "ApiError", status, code: "refused", field });
}

/**
 * The API client's shape (lib/api.js) with every call left open: `calls` lists them in order
 * ({ method, path, body, answer(value), refuse(error) }) for the test to settle.
 */
export function scriptedApi() {
  const calls = [];
  const call = (method) => (path, body) =>
    new Promise((resolve, reject) => {
      calls.push({ method, path, body, answer: resolve, refuse: reject });
    });
  return {
    calls,
    get: call("get"),
    put: call("put"),
    patch: call("patch"),
    delete: call("delete"),
    /** The only call not yet looked at by `take`, checked to be `method path`. */
    take(method, path) {
      const next = calls.shift();
      if (!next) throw new Error(`no call made; expected ${method} ${path}`);
      if (next.method !== method || next.path !== path) {
        throw new Error(`expected ${method} ${path}, got ${next.method} ${next.path}`);
      }
      return next;
    },
  };
}

/** Lets every promise callback that can run, run. */
export const settled = () => new Promise((resolve) => setImmediate(resolve));
