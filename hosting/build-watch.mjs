// `node hosting/build.mjs --watch` (make dev runs it): the development build, then again after
// every change until SIGINT or SIGTERM. esbuild rebuilds the pages when a file they import
// changes, each followed by the one-shot build's steps (hosting/build-steps.mjs); a change under
// hosting/html/ renders the pages again and then the service worker. A failed build is reported
// and the watch goes on. A new page entry, functions/openapi.yaml and firebase.json are read
// when it starts.
import { watch as watchFiles } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import {
  buildServiceWorker,
  finishPageBuild,
  hostingDir,
  pageBuildOptions,
  preloadPageModules,
} from "./build-steps.mjs";
import { renderPages } from "./render-pages.mjs";

// An editor's save is often several file events: render once they have settled.
const TEMPLATES_SETTLE_MS = 100;

export async function watch() {
  let context;
  let templates;
  stopOnSignal(async () => {
    templates?.close();
    await context?.dispose();
  });
  const run = serially();
  const last = { metafile: null }; // the last good build's, for pages rendered again
  await run(() => renderPages(hostingDir));
  context = await esbuild.context({
    ...pageBuildOptions({ dev: true }),
    plugins: [afterEveryBuild(run, last)],
  });
  await context.watch();
  templates = watchTemplates(run, last);
}

/** Runs the steps given to it one at a time, in order; a failed one is reported, not thrown. */
function serially() {
  let last = Promise.resolve();
  return (step) => {
    last = last.then(step).catch((error) => console.error(`The build failed: ${error.message}`));
    return last;
  };
}

function afterEveryBuild(run, last) {
  let started = 0;
  let built = false;
  return {
    name: "taskly-after-every-build",
    setup(build) {
      build.onStart(() => {
        started = performance.now();
      });
      build.onEnd((result) =>
        run(async () => {
          // esbuild has printed them (logLevel "warning").
          if (result.errors.length > 0) {
            console.error("The web app did not build; waiting for the next change.");
            return;
          }
          last.metafile = result.metafile;
          await finishPageBuild(result.metafile);
          console.log(`${built ? "Rebuilt" : "Built"} the web app in ${since(started)} ms`);
          built = true;
        }),
      );
    },
  };
}

function watchTemplates(run, last) {
  let timer;
  return watchFiles(join(hostingDir, "html"), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(() => renderTemplates(last)), TEMPLATES_SETTLE_MS);
  });
}

async function renderTemplates(last) {
  const started = performance.now();
  renderPages(hostingDir);
  if (last.metafile) preloadPageModules(last.metafile);
  await buildServiceWorker();
  console.log(`Rendered the pages in ${since(started)} ms`);
}

function since(started) {
  return Math.round(performance.now() - started);
}

// The dev stack stops it with one SIGINT (tools/devstack/services.py); exit 0 once stopped.
function stopOnSignal(stop) {
  let stopping = false;
  const onSignal = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, onSignal);
}
