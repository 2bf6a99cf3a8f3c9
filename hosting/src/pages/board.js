import { watchBoard } from "../board/board-listeners.js";
import { changesInWords, createBoardView } from "../board/board-view.js";
import { bindColumnTabs } from "../board/column-tabs.js";
import { startNotifications } from "../board/notifications.js";
import { startEmailConfirmation } from "../board/email-notice.js";
import { openTasksFromLinks } from "../board/open-from-link.js";
import { placeAt } from "../board/placing.js";
import { bindQuickAdd } from "../board/quick-add.js";
import { bindSearchBox } from "../board/search-box.js";
import { bindShortcuts } from "../board/shortcuts.js";
import { deviceOutbox } from "../board/outbox.js";
import { createTaskStore } from "../board/task-store.js";
import { api } from "../lib/api.js";
import { keepsDataOnDevice } from "../lib/device-data.js";
import { closeFirestore, openFirestore } from "../lib/firestore.js";
import { applyLimits } from "../lib/limits.js";
import { logOut, refreshEmailVerification, requireUser } from "../lib/session.js";
import { dueText } from "../dates/due-label.js";
import { DONE, isEditConflict, STATUS_LABELS, TODO } from "../lib/task.js";
import { invitePictureOnce } from "../ui/picture-invite.js";
import "../ui/register-sw.js";
import { sayWhenSlowedDown } from "../ui/slowed-down.js";
import { showToast, toastError } from "../ui/toasts.js";
import { takeUnsavedProfileMessage } from "../ui/unsaved-profile.js";
import { initUserMenu, profileFromUser, showIdentity } from "../ui/user-menu.js";

const UNDO_WINDOW_MS = 6000;
const LOG_OUT_WAIT_MS = 1500;

async function main() {
  applyLimits();
  sayWhenSlowedDown();
  // Kept on this device (the person's choice at sign-in), changes made offline wait there.
  const store = createTaskStore({
    api,
    outbox: keepsDataOnDevice() ? deviceOutbox() : null,
    onReplayRefused: (change, error) =>
      toastError(`A change made offline wasn't saved: ${error.message}`),
    oneTabAtATime: (work) => navigator.locks.request("taskly-outbox-replay", work),
  });
  const stops = [];
  // Wipes the page at once; resolves once Firestore has let go of its cache.
  const forget = () => {
    const stopped = stops.map((stop) => stop());
    store.clear();
    document.body.replaceChildren();
    document.title = "Taskly";
    return Promise.allSettled(stopped);
  };

  const user = await requireUser(forget);
  if (!user) return;
  performance.mark("taskly:signed-in"); // for measurements (measure_board.py)
  store.restoreOutbox().catch(() => toastError("Changes made offline couldn't be read."));
  window.addEventListener("online", store.replay);

  const fromAuth = profileFromUser(user);
  showIdentity(fromAuth);
  initUserMenu({
    onLogOut: async () => {
      // Logging out deletes what the device kept, changes made offline included: asked first.
      const { waiting } = store.current();
      const lose = `${changesInWords(waiting)} made offline will be lost`;
      if (waiting > 0 && !confirm(`${lose}: they haven't reached Taskly yet. Log out anyway?`)) {
        return;
      }
      // Pending deletes go out, but a hung connection must not keep the account on screen.
      const settle = new Promise((resolve) => setTimeout(resolve, LOG_OUT_WAIT_MS));
      await Promise.race([store.flushDeletes({ keepalive: true }), settle]);
      await logOut(forget);
    },
  });
  const profile = api
    .get("/api/me")
    .then((me) => {
      // Names the API could not save at sign-up still show, from the Auth display name.
      const names = {
        first_name: me.first_name || fromAuth.first_name,
        last_name: me.last_name || fromAuth.last_name,
      };
      showIdentity({ ...me, ...names });
      return me;
    })
    .catch(() => null);
  invitePictureOnce(profile);
  // Due dates are the person's, in their profile's time zone (the browser's until it is read).
  let timeZone = null;
  const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zoneNow = () => timeZone ?? browserZone();
  const unsavedProfile = takeUnsavedProfileMessage();
  if (unsavedProfile) toastError(unsavedProfile);

  let listeners = null; // once Firestore is open
  const view = createBoardView({
    showOlderDone: () => listeners && showOlderDone(),
    loadMore: (status, wanted) => listeners?.loadMore(status, wanted),
    edit: (task, description, previous) => {
      const saved = store.edit(task.id, description, previous);
      // A conflict reopens the editor beside the new text; anything else is said here.
      saved.catch((error) => isEditConflict(error) || reportRollback("Your edit wasn't saved")(error));
      return saved;
    },
    editLost: (task, text) =>
      showToast(`“${shorten(task.description)}” was deleted elsewhere before your edit was saved.`, {
        action: { label: "Add my text as a task", onClick: () => addTask(text) },
        timeout: UNDO_WINDOW_MS,
      }),
    move: (task, status) => moveTask(task, status),
    place: (task, status, others, index) => placeTask(task, status, others, index),
    say: (text) => announce(text),
    complete: (task) => (task.status === DONE ? moveTask(task, TODO) : completeWithUndo(task)),
    // The dialogs are chunks of their own, loaded when first opened: the board's first paint
    // does not wait for them.
    due: async (task) => {
      const { askDue } = await import("../board/due-dialog.js");
      const edits = await askDue(task, {
        timeZone: zoneNow(),
        locale: navigator.language,
        previewRepeat: (rule, from) =>
          api.get(`/api/repeats/preview?${new URLSearchParams({ rule, from })}`),
      });
      if (edits) {
        store.setSchedule(task.id, edits).catch(reportRollback("The due date wasn't changed"));
      }
    },
    remove: (task, how) => removeWithUndo(task, how),
    reminders: async (task) => {
      // Read again: the time, zone or phone may have changed on the Account page meanwhile.
      const fresh = api.get("/api/me").catch(() => profile);
      const { askReminders } = await import("../board/reminders-dialog.js");
      const choice = await askReminders(task, fresh, user.emailVerified);
      if (choice?.email && !user.emailVerified) await refreshEmailVerification(user);
      if (choice) {
        store.setReminders(task.id, choice).catch(reportRollback("Reminders weren't changed"));
      }
    },
  });
  stops.push(view.clear, store.subscribe(view.render));

  // A search looks through older done tasks on request, all at once (board-view.js loads the
  // open columns whole for it).
  async function showOlderDone() {
    try {
      do await store.showOlderDone(listeners.readOlderDone);
      while (store.current().search.terms.length && store.current().olderDone.hasMore);
    } catch {
      toastError("Older tasks couldn't be loaded. Try again.");
    }
  }
  const searchBox = bindSearchBox(document.getElementById("board-search"), store.search);

  bindShortcuts(view, { search: searchBox.focus });
  bindColumnTabs({ onChange: view.redraw });
  openTasksFromLinks();

  // `quiet`: the caller says what became of it (quick add, for the tasks of a pasted list).
  function addTask(description, schedule = {}, { quiet = false } = {}) {
    const added = store.add(description, schedule);
    if (!quiet) added.catch(reportRollback("The task wasn't added"));
    return added;
  }
  const quickAdd = bindQuickAdd(
    document.getElementById("quick-add"),
    (description, schedule, options) => addTask(description, schedule, options),
    () => ({ timeZone: zoneNow() }),
  );
  profile.then((me) => {
    if (!me?.timezone) return;
    timeZone = me.timezone;
    view.setTimeZone(timeZone);
    store.setTimeZone(timeZone);
    quickAdd.refresh();
  });

  stops.push(startEmailConfirmation(user));

  function moveTask(task, status) {
    announce(`Moved “${shorten(task.description)}” to ${STATUS_LABELS[status]}.`);
    const moved = store.move(task.id, status);
    moved.then(
      (answer) => repeatedAgain(task, status, answer),
      reportRollback("The task wasn't moved"),
    );
  }

  /** A card put among `others` of the column `status`, at `index` (placing.js). */
  function placeTask(task, status, others, index) {
    const place = placeAt(others, task, index);
    if (place.refused) {
      announce(place.refused);
      toastError(place.refused);
      return;
    }
    const where = `now ${index + 1} of ${others.length + 1} in ${STATUS_LABELS[status]}`;
    announce(`Moved “${shorten(task.description)}”: ${where}.`);
    store
      .place(task, status, place)
      .catch(reportRollback("The task wasn't moved"));
  }

  /**
   * The card's check: done at once, with Undo for a while. Undo puts the task back where it
   * was in its column; a repeating task that moved on to its next date goes back to the date
   * it was done for, its completion taken back (the server's undo_completion).
   */
  function completeWithUndo(task) {
    const backInPlace = returnTo(task);
    const done = store.move(task.id, DONE);
    const repeats = task.repeat ? " It repeats, so it moves on to its next date." : "";
    const text = `Done: “${shorten(task.description)}”.${repeats}`;
    announce(text);
    let undone = false;
    showToast(text, {
      action: {
        label: "Undo",
        onClick: () => {
          undone = true;
          done.then((answer) => {
            const movedOn = answer && answer.status !== DONE;
            // Moved on, it is in Todo again: from Doing, it goes back there after.
            const undo = movedOn
              ? store.undoCompletion(task).then(() => backInPlace(TODO))
              : backInPlace(DONE);
            undo.catch(reportRollback("The task couldn't be taken back"));
          }, () => {});
        },
      },
      timeout: UNDO_WINDOW_MS,
    });
    done.then(
      (answer) => undone || repeatedAgain(task, DONE, answer),
      reportRollback("The task wasn't marked done"),
    );
  }

  /**
   * What puts `task` back where it is now, from the column it will be in then (`status`): the
   * same neighbours, or on top of its column if they have moved meanwhile. A repeating task
   * moved on in Todo has kept its place there.
   */
  function returnTo(task) {
    const now = view.placeOf(task.id);
    const place = now && placeAt(now.others, task, now.index);
    return (status) => {
      if (status === task.status && status === TODO) return Promise.resolve();
      if (!place || place.refused) return store.move(task.id, task.status);
      return store
        .place({ ...task, status }, task.status, place)
        .catch(() => store.move(task.id, task.status));
    };
  }

  // A repeating task moved to Done comes back in Todo on its next date (the server's answer):
  // said, so the card leaving Done is no surprise.
  function repeatedAgain(task, status, answer) {
    if (status !== DONE || !answer || answer.status === DONE || !answer.due_date) return;
    const next = dueText(
      { date: answer.due_date, time: answer.due_time },
      { timeZone: zoneNow(), locale: navigator.language },
    );
    const text = `Done. “${shorten(task.description)}” repeats: back in Todo for ${next}.`;
    announce(text);
    showToast(text);
  }

  function removeWithUndo(task, { fromKeyboard = false } = {}) {
    const pending = store.remove(task.id);
    showToast(`Deleted “${shorten(task.description)}”.`, {
      // From the keyboard, Undo would be far down the tab order: take the person there.
      focusAction: fromKeyboard,
      action: { label: "Undo", onClick: pending.undo },
      timeout: UNDO_WINDOW_MS,
      onClose: () => pending.commit().catch(reportRollback("The task wasn't deleted")),
    });
  }

  // Deletes still in their undo window go out as the page goes away.
  window.addEventListener("pagehide", () => store.flushDeletes({ keepalive: true }));

  try {
    const db = await openFirestore();
    listeners = watchBoard(db, user.uid, store, { onSource: view.markSource });
    stops.push(listeners.stop);
    stops.push(startNotifications(db, user.uid).stop, closeFirestore);
  } catch (error) {
    store.failLoading(error);
  }
}

const reportRollback = (what) => (error) => toastError(`${what}: ${error.message}`);

// Moves are said to screen readers: a card leaving for another column is easy to miss.
function announce(text) {
  document.getElementById("board-announcer").textContent = text;
}

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

main().catch((error) => {
  document.getElementById("board-status").textContent = `Taskly couldn't start: ${error.message}`;
});
