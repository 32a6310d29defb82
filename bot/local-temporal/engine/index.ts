export { startTemporalTestServer, type TemporalTestServer, type TemporalTestServerOptions } from "./server.js";
