import { describe, expect, it } from "vitest";
import { decodeIntent } from "../../../bot/core/messages/intents.js";
import type { Message } from "../../../bot/core/messages/model.js";
import { renderCard } from "../../../bot/teams/render/card.js";
import { renderFormCard } from "../../../bot/teams/render/form-card.js";
import { actionDataSchema } from "../../../bot/teams/render/verbs.js";
import { COMPOSER_CASES, isForm } from "../../bot/core/messages/composer-cases.js";

// The Adaptive Card renderer over every composer: cards are 1.5, every action is an Action.Execute with a verb
// and the same data in an Action.Submit fallback, data the bot can read back, and no card near Teams' size cap.

type Node = Record<string, unknown>;
function actions(node: unknown): Node[] {
  if (!node || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap(actions);
  const element = node as Node;
  const own =
    typeof element.type === "string" && element.type.startsWith("Action.") && element.type !== "Action.Submit"
      ? [element]
      : [];
  return [
    ...own,
    ...Object.entries(element)
      .filter(([k]) => k !== "fallback")
      .flatMap(([, v]) => actions(v)),
  ];
}

const TEAMS_MESSAGE_LIMIT = 28_000;

describe("Adaptive Card renderer", () => {
  it.each(COMPOSER_CASES.flatMap((c) => (["lv", "en"] as const).map((locale) => [c.name, locale, c] as const)))(
    "%s (%s): 1.5, every action an Execute with a verb and a Submit fallback",
    (_name, locale, c) => {
      const composed = c.compose(locale);
      const card = isForm(composed)
        ? renderFormCard(composed, { locale, nonce: "nonce-12345678" })
        : renderCard(composed);
      expect(card.version).toBe("1.5");
      expect(JSON.stringify(card).length).toBeLessThan(TEAMS_MESSAGE_LIMIT);
      for (const action of actions(card)) {
        if (action.type === "Action.ShowCard") continue;
        expect(action.type).toBe("Action.Execute");
        expect(typeof action.verb).toBe("string");
        expect(actionDataSchema.safeParse(action.data).success).toBe(true);
        expect(action.fallback).toEqual(expect.objectContaining({ type: "Action.Submit", data: action.data }));
      }
    },
  );

  it("carries the button's intent, asks first where the message says so, and lists at most 60 users to refresh", () => {
    const message: Message = {
      summary: "s",
      blocks: [
        {
          kind: "actions",
          buttons: [
            { label: "Pārņemt", style: "primary", intent: { kind: "TAKE_CASE", caseId: "c1" } },
            {
              label: "Noraidīt",
              style: "danger",
              intent: { kind: "OPEN_DECISION", caseId: "c1", decision: "REJECT" },
              confirm: { title: "Vai tiešām?", text: "Lieta tiks noraidīta.", confirm: "Jā", deny: "Nē" },
            },
          ],
        },
      ],
    };
    const userIds = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const card = renderCard(message, { refresh: { key: "k", userIds } });
    const [take, ask] = (card.body[0] as { actions: Node[] }).actions;
    expect(take).toMatchObject({ type: "Action.Execute", verb: "pmp.intent", style: "positive" });
    expect(decodeIntent((take!.data as { intent: string }).intent)).toEqual({ kind: "TAKE_CASE", caseId: "c1" });
    expect(ask).toMatchObject({ type: "Action.ShowCard", title: "Noraidīt" });
    expect(JSON.stringify(ask)).toContain("Lieta tiks noraidīta.");
    expect(card.refresh!.userIds).toHaveLength(60);
    expect(card.refresh!.action).toMatchObject({ type: "Action.Execute", verb: "pmp.refresh" });
  });
});
