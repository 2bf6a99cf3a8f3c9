// The steps of the web app's build, shared by the one-shot build and the watch (hosting/build.mjs):
// the esbuild options of the page bundles, and what follows every build of them.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { appCheckSiteKey } from "./app-check-site-key.mjs";
import { webAppContract } from "./api-contract.mjs";
import { shellPrecache } from "./src/sw/precache.js";

export const hostingDir = dirname(fileURLToPath(import.meta.url));
const pagesDir = join(hostingDir, "src", "pages");
const publicDir = join(hostingDir, "public");
const outDir = join(publicDir, "assets");

/**
 * esbuild's options for the page entry modules (and the Firebase SDK), written to
 * hosting/public/assets/. `dev` adds a linked source map next to every file.
 */
export function pageBuildOptions({ dev }) {
  // The limits the browser enforces and the task's shape come from the API's contract.
  const contract = webAppContract();
  // Where the browser finds the Auth and Firestore emulators: firebase.json's emulators block.
  const { emulators } = JSON.parse(readFileSync(join(hostingDir, "..", "firebase.json"), "utf8"));
  const emulatorHosts = {
    auth: { host: emulators.auth.host, port: emulators.auth.port },
    firestore: { host: emulators.firestore.host, port: emulators.firestore.port },
  };
  return {
    entryPoints: readdirSync(pagesDir)
      .filter((name) => name.endsWith(".js"))
      .map((name) => join(pagesDir, name)),
    outdir: outDir,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    format: "esm",
    splitting: true,
    minify: true,
    sourcemap: dev ? "linked" : false,
    target: "es2020",
    metafile: true,
    logLevel: "warning",
    alias: { re2js: join(hostingDir, "src", "lib", "no-regex-queries.js") },
    define: {
      TASKLY_LIMITS: JSON.stringify(contract.limits),
      TASKLY_EMULATORS: JSON.stringify(emulatorHosts),
      TASKLY_APP_CHECK_SITE_KEY: JSON.stringify(
        appCheckSiteKey(join(hostingDir, "..", "functions")),
      ),
      // The task's fields and statuses (hosting/src/lib/task.js).
      TASKLY_TASK: JSON.stringify(contract.task),
    },
  };
}

/** After every build of the pages: drop what it no longer writes, report, then the worker. */
export async function finishPageBuild(metafile) {
  const outputs = metafile.outputs;
  removeStaleFiles(outDir, new Set(Object.keys(outputs).map((path) => resolve(path))));
  reportPageSizes(outputs);
  preloadPageModules(metafile);
  await buildServiceWorker();
}

/**
 * Names, in each page, the chunks its script imports statically (`<link rel="modulepreload">`
 * after its script tag): the browser fetches and compiles them beside the page's script, not
 * one after the other once that script has been read. Pages rendered again (the watch) get
 * them again from the last build's metafile.
 */
export function preloadPageModules(metafile) {
  const outputs = metafile.outputs;
  const url = (file) => `/${relative(publicDir, file)}`;
  const chunksOf = new Map(); // a page script's URL -> the URLs of the chunks it imports
  for (const [path, output] of Object.entries(outputs)) {
    if (!output.entryPoint) continue;
    const chunks = [...staticImports(outputs, path)].filter((file) => file !== path);
    chunksOf.set(url(path), chunks.map(url));
  }
  for (const name of readdirSync(publicDir).filter((file) => file.endsWith(".html"))) {
    const page = join(publicDir, name);
    const before = readFileSync(page, "utf8");
    const after = before.replace(PRELOAD_LINE, "").replace(PAGE_SCRIPT, (tag, indent, src) => {
      const links = (chunksOf.get(src) ?? []).map(
        (chunk) => `${indent}<link rel="modulepreload" href="${chunk}">`,
      );
      return [tag, ...links].join("\n");
    });
    if (after !== before) writeFileSync(page, after);
  }
}

const PAGE_SCRIPT = /^( *)<script type="module" src="([^"]+)"><\/script>$/m;
const PRELOAD_LINE = /^ *<link rel="modulepreload" href="[^"]+">\n/gm;

/** The file and every output it imports statically, transitively. */
function staticImports(outputs, path, files = new Set()) {
  if (files.has(path)) return files;
  files.add(path);
  for (const dep of outputs[path].imports) {
    if (dep.kind === "import-statement") staticImports(outputs, dep.path, files);
  }
  return files;
}

// Last, once every other file is in place: the worker's version is the hash of them all.
export async function buildServiceWorker() {
  const shell = shellPrecache(publicFiles(publicDir));
  const built = await esbuild.build({
    entryPoints: [join(hostingDir, "src", "sw", "sw.js")],
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2020",
    write: false,
    logLevel: "warning",
    define: {
      TASKLY_SHELL: JSON.stringify(shell),
      TASKLY_TASK_ACTIONS: JSON.stringify(webAppContract().taskActions),
    },
  });
  // Replaced whole, so a running server never serves half a worker.
  const path = join(publicDir, "sw.js");
  writeFileSync(`${path}.partial`, built.outputFiles[0].contents);
  renameSync(`${path}.partial`, path);
  const name = relative(process.cwd(), path).padEnd(36);
  console.log(`${name} shell ${shell.version}, ${shell.urls.length} files`);
}

/** Every file under `dir`, by its path relative to it (with "/"). */
function publicFiles(dir, prefix = "") {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return publicFiles(join(dir, entry.name), `${path}/`);
    return [{ path, content: readFileSync(join(dir, entry.name)) }];
  });
}

// Chunk names carry content hashes, so every build would otherwise leave old ones behind (and a
// production build the source maps of a development one). Removing them after the build (not
// before) keeps a running server from serving a gap.
function removeStaleFiles(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeStaleFiles(path, keep);
    else if (!keep.has(path)) rmSync(path);
  }
}

// What a page downloads: its entry file plus every chunk it imports statically.
function reportPageSizes(outputs) {
  for (const [path, output] of Object.entries(outputs)) {
    if (!output.entryPoint) continue;
    const contents = [...staticImports(outputs, path)].map((file) => readFileSync(file));
    const bytes = contents.reduce((sum, content) => sum + content.length, 0);
    const gzipBytes = contents.reduce((sum, content) => sum + gzipSync(content).length, 0);
    const name = relative(process.cwd(), path).padEnd(36);
    console.log(`${name} ${kb(bytes).padStart(9)} ${kb(gzipBytes).padStart(9)} gzip`);
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
