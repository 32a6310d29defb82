import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { FORM_IDS, type FormId } from "../../bot/core/messages/forms.js";
import { callText, type CapturedCall } from "../support/slack/fake-slack-api.js";
import type { SlackBotHarness } from "../support/slack/slack-bot-harness.js";
import { buttonsIn } from "../bot/slack/find-button.js";
import { isDirectTo } from "../bot/slack/direct-message.js";
import type { Answer, Delivered, OpenForm, Surface } from "./surface.js";

interface SlackForm {
  viewId: string;
  callbackId: string;
  privateMetadata: string;
  blocks: unknown[];
}

const formIdOf = (callbackId: string) => callbackId.replace(/^pmp_/, "") as FormId;

function openFormOf(
  view: { callback_id: string; private_metadata?: string; blocks?: unknown[] },
  viewId: string,
): OpenForm {
  const raw: SlackForm = {
    viewId,
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata ?? "",
    blocks: view.blocks ?? [],
  };
  return { formId: formIdOf(view.callback_id), text: JSON.stringify(view), raw };
}

const delivered = (call: CapturedCall): Delivered => ({
  text: callText(call),
  intents: buttonsIn(call).map((b) => b.intent),
  raw: call,
});

/** A value as the Slack element state the listener reads back. */
const elementState = (value: string | string[]) =>
  Array.isArray(value)
    ? { type: "multi_static_select", selected_options: value.map((v) => ({ value: v })) }
    : { type: "static_select", selected_option: { value } };

export function slackSurface(harness: () => SlackBotHarness): Surface {
  const h = () => harness();
  return {
    name: "slack",
    get db() {
      return h().db;
    },
    get taskQueue() {
      return h().taskQueue;
    },
    async openReport(staffKey) {
      const since = Date.now();
      const opened = await h().command(staffKey, "report");
      if (opened.status !== 200) throw new Error(`/pmp report answered ${opened.status}`);
      const call = await h().slack.waitFor((c) => c.method === "views.open" && c.at >= since);
      const view = call.body.view as { callback_id: string; blocks: unknown[] };
      return openFormOf(view, `V${randomUUID().slice(0, 8)}`);
    },
    async changeField(staffKey, form, fieldId, value) {
      const raw = form.raw as SlackForm;
      await h().blockAction(
        staffKey,
        {
          type: "static_select",
          action_id: `pmp_field:${fieldId}`,
          block_id: `${fieldId}_block`,
          selected_option: { value },
        },
        {
          view: { id: raw.viewId, hash: "h1", type: "modal", callback_id: raw.callbackId },
          container: { type: "view", view_id: raw.viewId },
        },
      );
      const updated = await h().slack.waitFor((c) => c.method === "views.update" && c.body.view_id === raw.viewId);
      return openFormOf(updated.body.view as { callback_id: string }, raw.viewId);
    },
    async submit(staffKey, form, values) {
      const raw = form.raw as SlackForm;
      const state = Object.fromEntries(
        Object.entries(values).map(([fieldId, value]) => [`${fieldId}_block`, { element: elementState(value) }]),
      );
      const answered = await h().submitView(
        staffKey,
        { id: raw.viewId, callback_id: raw.callbackId, private_metadata: raw.privateMetadata, blocks: raw.blocks },
        state,
      );
      const json = answered.json as {
        response_action?: string;
        view?: { callback_id: string; private_metadata?: string; blocks?: unknown[] };
        errors?: Record<string, string>;
      } | null;
      if (json?.response_action === "errors") return { text: JSON.stringify(json.errors), form };
      const view = json?.view;
      if (view?.callback_id && (FORM_IDS as readonly string[]).includes(formIdOf(view.callback_id))) {
        return { text: JSON.stringify(view), form: openFormOf(view, raw.viewId) };
      }
      return { text: JSON.stringify(json ?? {}), form: null };
    },
    async click(staffKey, on, matches) {
      const button = buttonsIn(on.raw as CapturedCall).find((b) => matches(b.intent));
      if (!button) throw new Error(`no such button in ${on.text}`);
      const since = Date.now();
      const clicked = await h().blockAction(staffKey, {
        type: "button",
        action_id: button.action_id,
        value: button.value,
      });
      // A click whose effect shows in the message itself (a case taken) is answered with nothing at all.
      const answer = await h()
        .slack.waitFor(
          (c) =>
            (c.method === "response_url" && c.body.responseId === clicked.responseId) ||
            (c.method === "views.open" && c.at >= since),
          3_000,
        )
        .catch(() => null);
      if (!answer) return { text: "", form: null };
      if (answer.method === "views.open") {
        const view = answer.body.view as { callback_id: string };
        return { text: callText(answer), form: openFormOf(view, `V${randomUUID().slice(0, 8)}`) };
      }
      return { text: callText(answer), form: null } satisfies Answer;
    },
    async waitForDirect(staffKey, containing) {
      return delivered(
        await h().slack.waitFor(
          (c) => c.method === "chat.postMessage" && isDirectTo(c, staffKey) && callText(c).includes(containing),
        ),
      );
    },
    async waitForChannel(demoChannel, containing) {
      return delivered(
        await h().slack.waitFor(
          (c) => c.method === "chat.postMessage" && c.body.channel === demoChannel && callText(c).includes(containing),
        ),
      );
    },
    async waitForUpdate(containing) {
      return delivered(await h().slack.waitFor((c) => c.method === "chat.update" && callText(c).includes(containing)));
    },
    directCount(staffKey, containing) {
      return h()
        .slack.callsTo("chat.postMessage")
        .filter((c) => isDirectTo(c, staffKey) && callText(c).includes(containing)).length;
    },
    leaks: () => h().slack.leaks,
    withWorker: (fn) => h().withWorker(fn),
  };
}

export const sameIntent = isDeepStrictEqual;
