// The reCAPTCHA Enterprise site key the web app starts App Check with: APP_CHECK_SITE_KEY, set
// with the functions' settings (functions/taskly/settings.py) in the same dotenv files, so a
// project's settings live in one place. firebase-tools runs the deploy's build (the hosting
// predeploy) with GCLOUD_PROJECT set: that build reads .env and .env.<project>, as the deploy
// of the functions does; a local build reads .env and .env.local, as the emulator does.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const NAME = "APP_CHECK_SITE_KEY";

/** The site key, or "" when none is set (App Check then stays off in the web app). */
export function appCheckSiteKey(functionsDir, project = process.env.GCLOUD_PROJECT) {
  const files = [".env", project ? `.env.${project}` : ".env.local"];
  let key = "";
  for (const name of files) {
    const path = join(functionsDir, name);
    if (existsSync(path)) key = dotenvValue(readFileSync(path, "utf8"), NAME) ?? key;
  }
  return key;
}

// `NAME=value` lines, one layer of quotes removed (as tools/deploy/params.py reads them).
function dotenvValue(text, name) {
  let found;
  for (const line of text.split("\n")) {
    const match = line.match(/^\s*([\w.]+)\s*=(.*)$/);
    if (match?.[1] !== name) continue;
    found = match[2].trim().replace(/^(["'])(.*)\1$/, "$2");
  }
  return found;
}
