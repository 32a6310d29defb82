// What `/pmp admin …` answers, as neutral messages (pure: no database, no SDK).
import { t, type Locale } from "../i18n.js";
import type { Message } from "../messages/model.js";

export type AdminReply =
  | { kind: "FORBIDDEN"; reason: "NO_ROLE" | "OUT_OF_SCOPE" | "TRAINING_REQUIRED" }
  | { kind: "USAGE" }
  | { kind: "NO_ORIGIN" }
  | { kind: "NO_STAFF" }
  | { kind: "NO_SCHOOL" }
  | { kind: "UNLINKED"; people: string[] }
  | { kind: "LINKED"; who: string }
  | { kind: "TAKEN"; who: string }
  | { kind: "UNLINKED_ONE"; who: string; count: number }
  | { kind: "CHANNEL_SET"; body: string; school: string | null; channelId: string };

/** Lines listed in one reply; the rest is counted (chat messages have limits). */
const MAX_LISTED = 40;

export function composeAdminReply(reply: AdminReply, locale: Locale): Message {
  const text = (line: string): Message => ({
    summary: line,
    blocks: [{ kind: "text", spans: [{ kind: "plain", text: line }] }],
  });
  switch (reply.kind) {
    case "FORBIDDEN":
      return text(t(locale, reply.reason === "TRAINING_REQUIRED" ? "admin.trainingRequired" : "admin.forbidden"));
    case "USAGE":
      return text(t(locale, "admin.usage"));
    case "NO_ORIGIN":
      return text(t(locale, "admin.noOrigin"));
    case "NO_STAFF":
      return text(t(locale, "admin.noStaff"));
    case "NO_SCHOOL":
      return text(t(locale, "admin.noSchool"));
    case "UNLINKED": {
      const heading = t(locale, "admin.unlinked", { count: reply.people.length });
      const listed = reply.people.slice(0, MAX_LISTED);
      const more = reply.people.length - listed.length;
      return {
        summary: heading,
        blocks: [
          { kind: "heading", text: heading },
          ...(listed.length > 0
            ? [{ kind: "text" as const, spans: [{ kind: "plain" as const, text: listed.join("\n") }] }]
            : []),
          ...(more > 0
            ? [
                {
                  kind: "context" as const,
                  spans: [{ kind: "plain" as const, text: t(locale, "admin.more", { count: more }) }],
                },
              ]
            : []),
        ],
      };
    }
    case "LINKED":
      return text(t(locale, "admin.linked", { who: reply.who }));
    case "TAKEN":
      return text(t(locale, "admin.taken", { who: reply.who }));
    case "UNLINKED_ONE":
      return text(t(locale, "admin.unlinkedOne", { who: reply.who, count: reply.count }));
    case "CHANNEL_SET":
      return text(t(locale, "admin.channelSet", { body: reply.body, school: reply.school ?? "—" }));
  }
}
