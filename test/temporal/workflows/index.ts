export * from "./basics.js";
