// Runs the web app's password rules (hosting/src/ui/password-rules.js, bundled as the build
// bundles it) on the passwords given.
// Usage: node password_rules.mjs < passwords.json
// Prints {"message": PASSWORD_RULES_MESSAGE, "meets": {password: bool}} as JSON.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bundle = await esbuild.build({
  entryPoints: [join(root, "hosting", "src", "ui", "password-rules.js")],
  bundle: true,
  format: "esm",
  write: false,
  logLevel: "warning",
});
const code = bundle.outputFiles[0].text;
const rules = await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
const passwords = JSON.parse(readFileSync(0, "utf8"));
const meets = Object.fromEntries(passwords.map((p) => [p, rules.passwordMeetsRules(p)]));
process.stdout.write(JSON.stringify({ message: rules.PASSWORD_RULES_MESSAGE, meets }));
