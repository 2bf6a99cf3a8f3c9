// Writes the HTML pages from their templates (hosting/html/), then bundles
// the page entry modules (and the Firebase SDK) into hosting/public/assets/,
// then the service worker (hosting/public/sw.js) with the shell it precaches.
// Usage: node hosting/build.mjs [--dev | --watch]
//   --dev    with source maps (.map files, never deployed nor precached); a build without it
//            deletes them again
//   --watch  the --dev build, then again on every change until Ctrl-C (hosting/build-watch.mjs)
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";
import { finishPageBuild, hostingDir, pageBuildOptions } from "./build-steps.mjs";
import { watch } from "./build-watch.mjs";
import { renderPages } from "./render-pages.mjs";

const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, watch: { type: "boolean", default: false } },
});

if (flags.watch) {
  await watch();
} else {
  renderPages(hostingDir);
  const result = await esbuild.build(pageBuildOptions({ dev: flags.dev }));
  await finishPageBuild(result.metafile);
}
