// Barrel bundled by the conformance tests' worker.
export * from "./activities.js";
export * from "./basics.js";
export * from "./children.js";
export * from "./lifecycle.js";
export * from "./timers.js";
export * from "./updates.js";
export * from "./versioned.js";
// The application's generic scheduled job, exercised on virtual time by scheduled-job.test.ts.
export { scheduledJob } from "../../../workflows/scheduled-job.js";
