import type { WebClient } from "@slack/web-api";
import type { ReportFile } from "../../core/reporting/annual-report-command.js";

/**
 * Uploads files into the person's direct conversation with the bot with Slack's current upload API
 * (filesUploadV2: files.getUploadURLExternal, the upload itself, files.completeUploadExternal). A report is
 * for the requester: it never goes to the channel the command was typed in.
 */
export async function uploadToRequester(client: WebClient, userId: string, files: readonly ReportFile[]) {
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (!channelId) throw new Error("conversations.open returned no channel");
  await client.filesUploadV2({
    channel_id: channelId,
    file_uploads: files.map((f) => ({ file: f.content, filename: f.filename, title: f.filename })),
  });
}
