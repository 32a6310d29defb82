import type { Intent } from "../../bot/core/messages/intents.js";
import type { FormId } from "../../bot/core/messages/forms.js";
import type { TestDatabase } from "../support/database.js";
import type { Worker } from "@temporalio/worker";

// What a parity scenario does on a chat surface, in the product's terms (a person opens the report, picks a
// class, submits values by field id, clicks the button that means an intent), and what it reads back (the text
// a person sees and the intents of the buttons they can press). Each surface drives its own real bot over
// loopback HTTP; the scenarios and their assertions are the same for every surface.

/** A message the delivery queue delivered (or updated): its visible text and its buttons' intents. */
export interface Delivered {
  text: string;
  intents: Intent[];
  /** The surface's own record of it, for clicking its buttons. */
  raw: unknown;
}

/** A form on screen: its id, its visible text, and the surface's state needed to submit it. */
export interface OpenForm {
  formId: FormId;
  text: string;
  raw: unknown;
}

/** What the person sees after acting: a private answer's text, or a form (the next step, or one with errors). */
export interface Answer {
  text: string;
  form: OpenForm | null;
}

/** Values by field id: a choice or a text as a string, a multi-select as a list. */
export type Values = Record<string, string | string[]>;

export interface Surface {
  name: "slack" | "teams";
  db: TestDatabase;
  taskQueue: string;
  openReport(staffKey: string): Promise<OpenForm>;
  changeField(staffKey: string, form: OpenForm, fieldId: string, value: string): Promise<OpenForm>;
  submit(staffKey: string, form: OpenForm, values: Values): Promise<Answer>;
  click(staffKey: string, on: Delivered, intent: (intent: Intent) => boolean): Promise<Answer>;
  /** A message to a person directly (their DM / personal chat with the bot). */
  waitForDirect(staffKey: string, containing: string): Promise<Delivered>;
  /** A message in a body's channel, named by the demo's Slack channel id. */
  waitForChannel(demoChannel: string, containing: string): Promise<Delivered>;
  /** An earlier message edited in place. */
  waitForUpdate(containing: string): Promise<Delivered>;
  /** How many direct messages to the person contain the text (to prove something did not happen twice). */
  directCount(staffKey: string, containing: string): number;
  /** Every outbound payload that contained a seeded learner's name or personal code. */
  leaks(): string[];
  withWorker<T>(fn: (worker: Worker) => Promise<T>): Promise<T>;
}
