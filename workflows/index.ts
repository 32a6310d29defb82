// Every workflow the worker registers. The worker bundles this file (workflowsPath); keep it a list of
// re-exports so each workflow stays in its own kebab-case file.
export { absenceEscalation } from "./absence-escalation.js";
export { caseWorkflow } from "./case-workflow.js";
export { scheduledJob } from "./scheduled-job.js";
