// Checks a firebase.json against firebase-tools' own schema, as the CLI does when it loads it.
// Usage: node validate_config.js < firebase.json
// Prints the schema errors as JSON ([] when it is valid).
const path = require("node:path");
const fs = require("node:fs");

const lib = path.join(__dirname, "..", "..", "node_modules", "firebase-tools", "lib");
const { getValidator } = require(path.join(lib, "firebaseConfigValidate"));

const validate = getValidator();
validate(JSON.parse(fs.readFileSync(0, "utf8")));
process.stdout.write(JSON.stringify(validate.errors ?? []));
