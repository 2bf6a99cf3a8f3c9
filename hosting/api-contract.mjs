// What the web app takes from the API's contract, functions/openapi.yaml: the limits the
// browser enforces, the task's fields and statuses, and the buttons a reminder carries.
// hosting/build.mjs hands them to the bundle (esbuild `define`); the JS unit tests (tests/js)
// set them the same way.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const contractPath = new URL("../functions/openapi.yaml", import.meta.url);

export function webAppContract() {
  const { schemas } = parse(readFileSync(contractPath, "utf8")).components;
  return {
    limits: {
      descriptionMax: schemas.Description.maxLength,
      nameMax: schemas.PersonName.maxLength,
      readIdsMax: schemas.NotificationsRead.properties.ids.maxItems,
    },
    task: {
      fields: Object.keys(schemas.Task.properties),
      statuses: schemas.TaskStatus.enum,
      // The date fields a person sets: what a create takes besides the text and the column.
      scheduleFields: Object.keys(schemas.TaskCreate.properties).filter(
        (name) => !["description", "status"].includes(name),
      ),
    },
    // What a reminder's buttons may ask of POST /api/task-actions/{token}.
    taskActions: schemas.TaskAction.enum,
  };
}
