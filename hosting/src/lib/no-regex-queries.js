// Stands in for re2js, which the Firestore SDK bundles only to evaluate regular-expression
// and LIKE filters of pipeline queries locally (about 45 KB gzip of every page). Taskly runs no
// such query; were one ever run, the SDK catches this error and logs a warning.
export const RE2JS = {
  compile() {
    throw new Error("Taskly runs no regular-expression queries in the browser.");
  },
};
