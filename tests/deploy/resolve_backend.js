// Resolves a functions manifest the way `firebase deploy` does, with no terminal (so with no
// prompt) and offline: firebase-tools' own manifest parser, dotenv loader and param resolver.
// Secrets are left out (isEmulator), since checking them asks Secret Manager.
// Usage: node resolve_backend.js <functions dir> <project> <runtime> < manifest.json
// Prints {"params": {name: value}, "endpoints": {id: {cpu, concurrency, ...}}} as JSON.
const path = require("node:path");
const fs = require("node:fs");

const lib = path.join(__dirname, "..", "..", "node_modules", "firebase-tools", "lib");
const { buildFromV1Alpha1 } = require(path.join(lib, "deploy/functions/runtimes/discovery/v1alpha1"));
const { resolveBackend, allEndpoints } = (() => {
  const build = require(path.join(lib, "deploy/functions/build"));
  const backend = require(path.join(lib, "deploy/functions/backend"));
  return { resolveBackend: build.resolveBackend, allEndpoints: backend.allEndpoints };
})();
const { loadUserEnvs } = require(path.join(lib, "functions/env"));

async function main() {
  const [functionsSource, projectId, runtime] = process.argv.slice(2);
  const manifest = JSON.parse(fs.readFileSync(0, "utf8"));
  const wanted = buildFromV1Alpha1(manifest, projectId, "us-central1", runtime);
  const userEnvs = loadUserEnvs({ functionsSource, projectId, projectDir: functionsSource });
  const { backend, envs } = await resolveBackend({
    build: wanted,
    firebaseConfig: { projectId },
    userEnvs,
    codebase: "default",
    nonInteractive: true,
    isEmulator: true,
  });
  const params = Object.fromEntries(Object.entries(envs).map(([name, value]) => [name, value.toString()]));
  const endpoints = Object.fromEntries(
    allEndpoints(backend).map((e) => [
      e.id,
      { cpu: e.cpu, concurrency: e.concurrency, availableMemoryMb: e.availableMemoryMb, timeoutSeconds: e.timeoutSeconds },
    ]),
  );
  process.stdout.write(JSON.stringify({ params, endpoints }));
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
