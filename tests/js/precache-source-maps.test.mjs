import assert from "node:assert/strict";
import { test } from "node:test";
import { shellPrecache } from "../../hosting/src/sw/precache.js";

// A development build (node hosting/build.mjs --dev, make dev) writes a .map beside every file.
const built = [
  { path: "index.html", content: "<p>home" },
  { path: "assets/board.js", content: "board()\n//# sourceMappingURL=board.js.map" },
  { path: "assets/chunks/chunk-ABC.js", content: "chunk()\n//# sourceMappingURL=chunk-ABC.js.map" },
];
const maps = [
  { path: "assets/board.js.map", content: '{"version":3}' },
  { path: "assets/chunks/chunk-ABC.js.map", content: '{"version":3}' },
];

test("the shell never precaches a development build's source maps", () => {
  const { urls } = shellPrecache([...built, ...maps]);
  assert.deepEqual(urls.toSorted(), ["/", "/assets/board.js", "/assets/chunks/chunk-ABC.js"]);
});

test("source maps leave the shell's version as it is", () => {
  const { version } = shellPrecache(built);
  assert.equal(shellPrecache([...built, ...maps]).version, version);
  const otherMaps = maps.map((file) => ({ ...file, content: '{"version":3,"sources":[]}' }));
  assert.equal(shellPrecache([...built, ...otherMaps]).version, version);
});
