/** Latvian school calendar: pure, clock-free, safe to import from Temporal workflows. */
export * from "./types.js";
export * from "./iso-date.js";
export * from "./school-years.js";
export * from "./public-holidays.js";
export * from "./school-days.js";
export * from "./riga-time.js";
