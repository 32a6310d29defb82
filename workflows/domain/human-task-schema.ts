/**
 * Zod schemas for the human-task settings a municipality may put in its rule sets (reminders and escalation
 * chains), parsed once where the rule set is loaded. Pure; safe inside workflows.
 */
import { z } from "zod";
import type { EscalationSpec, ReminderSpec, TaskOffset, TaskTime } from "./human-task.js";

const days = z.number().int().min(0).max(60);
const hours = z
  .number()
  .int()
  .min(0)
  .max(24 * 30);

export const taskOffsetSchema = z.discriminatedUnion("unit", [
  z.object({ unit: z.literal("SCHOOL_DAYS"), days }),
  z.object({ unit: z.literal("WORKING_DAYS"), days }),
  z.object({ unit: z.literal("HOURS"), hours }),
]) satisfies z.ZodType<TaskOffset>;

export const taskTimeSchema = z.discriminatedUnion("unit", [
  z.object({ unit: z.literal("IMMEDIATE") }),
  z.object({ unit: z.literal("SCHOOL_DAYS"), days }),
  z.object({ unit: z.literal("WORKING_DAYS"), days }),
  z.object({ unit: z.literal("HOURS"), hours }),
]) satisfies z.ZodType<TaskTime>;

export const reminderSpecSchema = z.union([
  z.object({ before: taskOffsetSchema }).strict(),
  z.object({ at: taskTimeSchema }).strict(),
]) satisfies z.ZodType<ReminderSpec>;

/** One rung of an escalation chain; `role` is narrowed to the Prisma roles by the rule set that uses it. */
export const escalationStepSchema = z.object({
  role: z.string().regex(/^[A-Z][A-Z_]*$/),
  after: taskOffsetSchema.optional(),
  handOver: z.boolean(),
}) satisfies z.ZodType<EscalationSpec>;

/** A chain with roles drawn from `roles` (e.g. RESPONDER_ROLES). */
export function escalationChainSchema<const R extends readonly [string, ...string[]]>(roles: R) {
  return z.array(escalationStepSchema.extend({ role: z.enum(roles) })).max(5);
}
