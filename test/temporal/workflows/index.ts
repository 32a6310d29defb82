// Barrel bundled by the conformance tests' worker.
export * from "./activities.js";
export * from "./basics.js";
export * from "./children.js";
export * from "./lifecycle.js";
export * from "./timers.js";
export * from "./updates.js";
export * from "./versioned.js";
