// Updates the project's Auth configuration (Identity Platform Admin API v2, projects.updateConfig)
// through firebase-tools' own API client, signed in as the Firebase CLI is: the account of
// `firebase login`, FIREBASE_TOKEN, or Application Default Credentials.
// Usage: node update_auth_config.js <project> <updateMask> < fields.json
// Prints the configuration the API answers with, as JSON.
const path = require("node:path");
const fs = require("node:fs");

const root = path.join(__dirname, "..", "..");
const lib = path.join(root, "node_modules", "firebase-tools", "lib");
const { selectAccount, setActiveAccount } = require(path.join(lib, "auth"));
const { requireAuth } = require(path.join(lib, "requireAuth"));
const { Client } = require(path.join(lib, "apiv2"));
const { identityOrigin } = require(path.join(lib, "api"));

async function main() {
  const [project, updateMask] = process.argv.slice(2);
  const fields = JSON.parse(fs.readFileSync(0, "utf8"));
  const options = { project, projectRoot: root };
  const account = selectAccount(undefined, root);
  if (account) setActiveAccount(options, account);
  await requireAuth(options);
  const client = new Client({ urlPrefix: identityOrigin(), auth: true });
  // As firebase-tools' own config calls: a signed-in person's quota is the project's.
  const answer = await client.patch(`/admin/v2/projects/${project}/config`, fields, {
    queryParams: { updateMask },
    headers: { "x-goog-user-project": project },
  });
  process.stdout.write(JSON.stringify(answer.body));
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
