// What hosting/build.mjs hands the web app from the API's contract (its esbuild `define`), set
// as globals before the modules that read them are imported: import this module first. The
// contract's schemas are exported for the tests to check against.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { webAppContract } from "../../../hosting/api-contract.mjs";

const openapi = new URL("../../../functions/openapi.yaml", import.meta.url);
export const schemas = parse(readFileSync(openapi, "utf8")).components.schemas;

const contract = webAppContract();
globalThis.TASKLY_TASK = contract.task;
globalThis.TASKLY_LIMITS = contract.limits;
globalThis.TASKLY_TASK_ACTIONS = contract.taskActions;
