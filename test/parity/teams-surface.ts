import { decodeIntent, type Intent } from "../../bot/core/messages/intents.js";
import type { FormId } from "../../bot/core/messages/forms.js";
import { activityText, type ConnectorCall } from "../support/teams/fake-bot-connector.js";
import { personalConversationOf, teamsChannelOf, type TeamsBotHarness } from "../support/teams/teams-bot-harness.js";
import type { Answer, Delivered, OpenForm, Surface, Values } from "./surface.js";

type Element = Record<string, unknown>;

/** Every action of a card, wherever it sits: the card's own, action sets, and the cards of ShowCard buttons. */
function actionsOf(node: unknown): Element[] {
  if (!node || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  const element = node as Element;
  const own = typeof element.type === "string" && element.type.startsWith("Action.") ? [element] : [];
  return [...own, ...Object.values(element).flatMap(actionsOf)];
}

const executeData = (card: unknown, verb: string) =>
  actionsOf(card)
    .filter((a) => a.type === "Action.Execute" && a.verb === verb)
    .map((a) => a.data as Record<string, unknown>);

const cardsOf = (call: ConnectorCall): unknown[] =>
  ((call.body.attachments as Array<{ content: unknown }> | undefined) ?? []).map((a) => a.content);

function formOf(card: unknown, conversationId: string): OpenForm | null {
  const submit = executeData(card, "pmp.submit")[0];
  if (!submit) return null;
  return { formId: submit.formId as FormId, text: JSON.stringify(card), raw: { card, submit, conversationId } };
}

const delivered = (call: ConnectorCall): Delivered => ({
  text: activityText(call),
  intents: cardsOf(call)
    .flatMap((card) => executeData(card, "pmp.intent"))
    .flatMap((data) => {
      const intent = decodeIntent(data.intent);
      return intent ? [intent] : [];
    }),
  raw: call,
});

/**
 * A message the bot started (the delivery queue's), not its answer to an activity the test sent: botbuilder posts
 * proactive messages as replies to the continuation it creates, never to one of the harness's activities.
 */
const isProactive = (call: ConnectorCall) => !call.activityId?.startsWith("act-");

/** Multi-selects as Teams sends them: one comma-separated string. */
const teamsValues = (values: Values) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));

export function teamsSurface(harness: () => TeamsBotHarness): Surface {
  const h = () => harness();

  async function invoke(staffKey: string, data: Record<string, unknown>, conversationId: string): Promise<Answer> {
    const personal = conversationId === personalConversationOf(staffKey);
    const answered = await h().invoke(staffKey, data, personal ? undefined : conversationId);
    if (answered.status !== 200) throw new Error(`invoke answered ${answered.status}: ${answered.body}`);
    const response = answered.json as { statusCode: number; type: string; value: unknown };
    if (response.type === "application/vnd.microsoft.activity.message") {
      return { text: String(response.value), form: null };
    }
    return { text: JSON.stringify(response.value), form: formOf(response.value, conversationId) };
  }

  return {
    name: "teams",
    get db() {
      return h().db;
    },
    get taskQueue() {
      return h().taskQueue;
    },
    async openReport(staffKey) {
      const sent = h().activity(staffKey, { type: "message", text: "pmp report" });
      const answered = await h().post(sent);
      if (answered.status !== 200) throw new Error(`pmp report answered ${answered.status}`);
      const reply = await h().connector.waitFor((c) => c.activityId === sent.id);
      const form = formOf(cardsOf(reply)[0], personalConversationOf(staffKey));
      if (!form) throw new Error(`pmp report sent no form: ${activityText(reply)}`);
      return form;
    },
    async changeField(staffKey, form, fieldId, value) {
      const raw = form.raw as { card: unknown; conversationId: string };
      const data = executeData(raw.card, "pmp.field").find((d) => d.fieldId === fieldId);
      if (!data) throw new Error(`no field action for ${fieldId}`);
      const answer = await invoke(staffKey, { ...data, [fieldId]: value }, raw.conversationId);
      if (!answer.form) throw new Error(`the field change answered no form: ${answer.text}`);
      return answer.form;
    },
    submit(staffKey, form, values) {
      const raw = form.raw as { submit: Record<string, unknown>; conversationId: string };
      return invoke(staffKey, { ...raw.submit, ...teamsValues(values) }, raw.conversationId);
    },
    async click(staffKey, on, matches) {
      const call = on.raw as ConnectorCall;
      const data = cardsOf(call)
        .flatMap((card) => executeData(card, "pmp.intent"))
        .find((d) => {
          const intent: Intent | null = decodeIntent(d.intent);
          return intent !== null && matches(intent);
        });
      if (!data) throw new Error(`no such button in ${on.text}`);
      return invoke(staffKey, data, call.conversationId);
    },
    async waitForDirect(staffKey, containing) {
      const conversationId = personalConversationOf(staffKey);
      return delivered(
        await h().connector.waitFor(
          (c) =>
            c.method === "POST" &&
            isProactive(c) &&
            c.conversationId === conversationId &&
            activityText(c).includes(containing),
        ),
      );
    },
    async waitForChannel(demoChannel, containing) {
      const conversationId = teamsChannelOf(demoChannel);
      return delivered(
        await h().connector.waitFor(
          (c) => c.method === "POST" && c.conversationId === conversationId && activityText(c).includes(containing),
        ),
      );
    },
    async waitForUpdate(containing) {
      return delivered(await h().connector.waitFor((c) => c.method === "PUT" && activityText(c).includes(containing)));
    },
    directCount(staffKey, containing) {
      const conversationId = personalConversationOf(staffKey);
      return h().connector.calls.filter(
        (c) =>
          c.method === "POST" &&
          isProactive(c) &&
          c.conversationId === conversationId &&
          activityText(c).includes(containing),
      ).length;
    },
    leaks: () => h().connector.leaks,
    withWorker: (fn) => h().withWorker(fn),
  };
}
