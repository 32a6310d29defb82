// What an Adaptive Card action carries back to the bot. Every action is an `Action.Execute` with one of these
// verbs (Teams drops an Execute without a verb) and the same data as its `Action.Submit` fallback, so the bot
// reads both the same way. Data carries ids and the encoded intent only, never personal data.

import { z } from "zod";
import { FORM_IDS } from "../../core/messages/forms.js";

export const VERBS = {
  /** A button: the encoded intent. */
  intent: "pmp.intent",
  /** A form's submit button: the form, its carried state and a nonce that makes a double submission one. */
  submit: "pmp.submit",
  /** A field that recomposes its form (the report's class → its learners). */
  field: "pmp.field",
  /** Teams asks for the card's current state (the card's `refresh`). */
  refresh: "pmp.refresh",
} as const;

export const actionDataSchema = z.discriminatedUnion("pmp", [
  z.object({ pmp: z.literal(VERBS.intent), intent: z.string().max(2_000) }),
  z.object({
    pmp: z.literal(VERBS.submit),
    formId: z.enum(FORM_IDS),
    state: z.string().max(4_000),
    nonce: z.string().min(8).max(64),
  }),
  z.object({
    pmp: z.literal(VERBS.field),
    formId: z.enum(FORM_IDS),
    fieldId: z.string().max(100),
    nonce: z.string().max(64),
  }),
  z.object({ pmp: z.literal(VERBS.refresh), key: z.string().max(300), userIds: z.array(z.string().max(200)).max(60) }),
]);

export type ActionData = z.output<typeof actionDataSchema>;

/** Teams shows a card's refreshed state automatically to at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;
