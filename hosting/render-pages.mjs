// Writes every HTML page from its source template: hosting/html/pages/*.html extend the layouts
// in hosting/html/layout/ and become hosting/public/*.html. hosting/html/pages/api/*.html are
// pages the API function renders itself: they become Jinja2 templates in
// functions/templates/pages/ (so firebase.json runs the build before deploying the functions too).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import nunjucks from "nunjucks";

export function renderPages(hostingDir) {
  const rootDir = join(hostingDir, "..");
  const templatesDir = join(hostingDir, "html");
  // The same settings as the functions' Jinja2 environment (functions/taskly/platform/templating.py).
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  const targets = [
    { sources: "pages", outDir: join(hostingDir, "public"), urlPrefix: "/", onlyPages: true },
    {
      sources: "pages/api",
      outDir: join(rootDir, "functions", "templates", "pages"),
      urlPrefix: "/api/",
      // A Jinja2 comment: the function's rendering drops it.
      notice: (source) => `{# Written by hosting/build.mjs from ${source}: edit that instead. #}\n`,
    },
  ];
  for (const { sources, outDir, urlPrefix, onlyPages, notice } of targets) {
    mkdirSync(outDir, { recursive: true }); // a fresh clone has no generated pages yet
    const written = new Set();
    for (const file of readdirSync(join(templatesDir, sources), { withFileTypes: true })) {
      if (!file.isFile() || !file.name.endsWith(".html")) continue;
      const name = file.name.slice(0, -".html".length);
      const source = `${sources}/${file.name}`;
      const path = name === "index" ? urlPrefix : `${urlPrefix}${name}`;
      const html = env.render(source, { path });
      const header = notice ? notice(relative(rootDir, join(templatesDir, source))) : "";
      writeIfChanged(join(outDir, file.name), header + html);
      written.add(file.name);
    }
    // Every page there comes from a source: one whose source is gone must not be served.
    if (onlyPages) {
      for (const name of readdirSync(outDir)) {
        if (name.endsWith(".html") && !written.has(name)) rmSync(join(outDir, name));
      }
    }
  }
}

// Unchanged pages keep their timestamps (the functions emulator reloads on a change), and a
// page is replaced whole, so a running server never serves half of one.
function writeIfChanged(path, content) {
  if (existsSync(path) && readFileSync(path, "utf8") === content) return;
  const partial = `${path}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}
