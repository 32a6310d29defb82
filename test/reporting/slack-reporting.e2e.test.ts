import { beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import ExcelJS from "exceljs";
import { demoSlackUserId } from "../../prisma/seed/demo-municipality.js";
import { useSlackBotHarness, WORKFLOWS_PATH } from "../support/slack/slack-bot-harness.js";
import { useTemporalTestEnv } from "../support/temporal-env.js";
import { seedKnownFigures } from "./seed-known-figures.js";

// `/pmp status` and `/pmp report annual` over real HTTP into Bolt: acknowledged inside Slack's 3 seconds, answered
// privately through response_url; the report's files uploaded with Slack's current upload API
// (files.getUploadURLExternal → upload → files.completeUploadExternal) into the requester's direct conversation.

const temporal = useTemporalTestEnv({ workflowsPath: WORKFLOWS_PATH });
const harness = useSlackBotHarness(temporal);

beforeAll(async () => {
  await seedKnownFigures(harness().db.prisma);
}, 60_000);

async function privateAnswer(responseId: string) {
  const answer = await harness().slack.waitFor(
    (c) => c.method === "response_url" && c.body.responseId === responseId,
    60_000,
  );
  expect(answer.body).toMatchObject({ response_type: "ephemeral" });
  return JSON.stringify(answer.body);
}

describe("/pmp status and the annual report on Slack", () => {
  it("status: acknowledged at once with an empty body, the figures follow privately", async () => {
    const asked = await harness().command("director", "status 2025/26-1");
    expect(asked.status).toBe(200);
    expect(asked.body).toBe("");
    const answer = await privateAnswer(asked.responseId);
    expect(answer).toContain("PMP situācija: Demo vidusskola");
    expect(answer).toContain("status.open-cases-by-level.v1");
  });

  it("status: a teacher is refused clearly", async () => {
    const asked = await harness().command("teacher", "status");
    expect(await privateAnswer(asked.responseId)).toContain("Jums nav tiesību veikt šo darbību.");
  });

  it("report annual: the XLSX and PDF reach the coordinator's direct conversation; others are refused", async () => {
    const asked = await harness().command("municipal-coordinator", "report annual 2025/26");
    expect(asked.status).toBe(200);
    expect(await privateAnswer(asked.responseId)).toContain("2025/26. mācību gada PMP pārskats ir sagatavots");
    const dm = `D${demoSlackUserId("municipal-coordinator").slice(1)}`;
    const files = harness().slack.uploadedFiles();
    expect(files.map((f) => [f.filename, f.channel])).toEqual([
      ["pmp-gada-parskats-DEMO-2025-26.xlsx", dm],
      ["pmp-gada-parskats-DEMO-2025-26.pdf", dm],
    ]);
    expect(harness().slack.callsTo("files.completeUploadExternal")).toHaveLength(1);
    // The uploaded bytes are the files themselves: a standard reader opens them.
    const xlsx = files[0]!.body;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.subarray(xlsx.indexOf("PK")) as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet("Kopsavilkums")).toBeDefined();
    const pdf = files[1]!.body;
    const doc = await getDocument({ data: new Uint8Array(pdf.subarray(pdf.indexOf("%PDF-"))), isEvalSupported: false })
      .promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(5);
    await doc.destroy();

    const refused = await harness().command("director", "report annual 2025/26");
    expect(await privateAnswer(refused.responseId)).toContain("Jums nav tiesību veikt šo darbību.");
  });
});
