// What a button click means, as typed data. Every surface carries the encoded intent in its button (Slack's
// `value`, an Adaptive Card's `Action.Execute` data, a web form field) and decodes it with the same codec, so
// a click is validated once, at the edge, whatever the platform. Intents carry ids only, never personal data.

import { z } from "zod";

const id = z.string().min(1).max(100);
const stepKey = z.string().min(1).max(200);

export const PARENT_CONTACT_OUTCOMES = ["JUSTIFIED", "UNJUSTIFIED", "UNREACHABLE"] as const;

export const intentSchema = z.discriminatedUnion("kind", [
  /** "Take the case": the first taker becomes the case manager. */
  z.object({ kind: z.literal("TAKE_CASE"), caseId: id }),
  /** Confirm or reject a case: opens the decision form. */
  z.object({ kind: z.literal("OPEN_DECISION"), caseId: id, decision: z.enum(["CONFIRM", "REJECT"]) }),
  /** Parents' (or carers') contacts for an absence task: shown privately and audited. */
  z.object({ kind: z.literal("SHOW_CONTACTS"), learnerId: id, stepKey }),
  /** The outcome of the same-day parent contact (MK 89 p.6 as schools quote it). */
  z.object({
    kind: z.literal("RECORD_PARENT_CONTACT"),
    learnerId: id,
    stepKey,
    outcome: z.enum(PARENT_CONTACT_OUTCOMES),
  }),
  /** A step that needs a line of text first (the VIIS remedial action, the referral's document reference). */
  z.object({
    kind: z.literal("OPEN_STEP_FORM"),
    learnerId: id,
    stepKey,
    form: z.enum(["VIIS_ENTERED", "REFERRAL_SENT"]),
  }),
  /** The social service acknowledges a school's referral. */
  z.object({ kind: z.literal("ACKNOWLEDGE_REFERRAL"), learnerId: id, stepKey }),
  /** The school reports the absence problem solved. */
  z.object({ kind: z.literal("RESOLVE_ABSENCES"), learnerId: id, stepKey }),
]);

export type Intent = z.output<typeof intentSchema>;
export type IntentKind = Intent["kind"];
export const INTENT_KINDS = intentSchema.options.map((option) => option.shape.kind.value) as IntentKind[];

/** Compact, stable text for a button (Slack allows 2,000 characters in a button value). */
export function encodeIntent(intent: Intent): string {
  return JSON.stringify(intentSchema.parse(intent));
}

/** The intent behind a button, or null for anything that is not one of ours (a stale or forged payload). */
export function decodeIntent(value: unknown): Intent | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = intentSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
