// A drainer in a process of its own, so a test can kill it mid-send (SIGKILL: no clean-up runs). Reads the
// database and the fake Slack API from the environment and drains until killed.
import { createPrismaClient } from "../../../prisma/client.js";
import { createLogger } from "../../../prisma/runtime/logger.js";
import { createDelivery } from "../../../activities/delivery/index.js";
import { createSlackTransport } from "../../../activities/delivery/slack-transport.js";

const prisma = createPrismaClient(process.env.DRAIN_DATABASE_URL!);
const delivery = createDelivery({
  prisma,
  transports: [createSlackTransport({ prisma, token: "xoxb-test", apiUrl: process.env.DRAIN_SLACK_API_URL })],
  logger: createLogger("drain-in-child", "error"),
  pollMs: 20,
});
delivery.drainer.start();
console.log("draining");
