import type { ActionsBlock, Button, KnownBlock, SectionBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { FORM_ERROR, type Form } from "../../../../bot/core/messages/forms.js";
import { decodeIntent } from "../../../../bot/core/messages/intents.js";
import type { Message } from "../../../../bot/core/messages/model.js";
import { INTENT_ACTION, intentKindOfAction } from "../../../../bot/slack/ids.js";
import { parseSlackFormState, parseSlackFormValues } from "../../../../bot/slack/render/form-values.js";
import { renderSlackHome } from "../../../../bot/slack/render/home.js";
import { renderSlackMessage } from "../../../../bot/slack/render/message.js";
import { renderSlackFormReply, renderSlackModal, slackFormErrors } from "../../../../bot/slack/render/modal.js";
import { escapeMrkdwn, spansToMrkdwn } from "../../../../bot/slack/render/mrkdwn.js";
import { inputBlock, messageViolations, modalViolations } from "./slack-limits.js";

const CASE_ID = "3a7e1c9d-8b2f-4e6a-9c1d-5f0b2a4e6c8d";
const sections = (blocks: KnownBlock[]) => blocks.filter((b): b is SectionBlock => b.type === "section");
const buttons = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? (b as ActionsBlock).elements : [])) as Button[];

describe("mrkdwn", () => {
  it("escapes &, < and > in user-visible text, so nobody's text becomes a link or a mention", () => {
    expect(escapeMrkdwn("a & b <@U123> <!channel> <https://x.lv|klik>")).toBe(
      "a &amp; b &lt;@U123&gt; &lt;!channel&gt; &lt;https://x.lv|klik&gt;",
    );
    const message = renderSlackMessage({
      summary: "Tom & Jerry <!here>",
      blocks: [{ kind: "text", spans: [{ kind: "plain", text: "<!here> & friends" }] }],
    });
    expect(message.text).toBe("Tom &amp; Jerry &lt;!here&gt;");
    expect(sections(message.blocks)[0]!.text!.text).toBe("&lt;!here&gt; &amp; friends");
  });

  it("renders strong as *x*, code as backticks and a case reference as *ref*, spaces outside the marks", () => {
    expect(
      spansToMrkdwn([
        { kind: "plain", text: "Lieta " },
        { kind: "caseRef", ref: "PMP-2025-0007" },
        { kind: "plain", text: ": " },
        { kind: "strong", text: " mērķtiecīgais " },
        { kind: "plain", text: "; " },
        { kind: "code", text: "/pmp case <ref>" },
      ]),
    ).toBe("Lieta *PMP-2025-0007*:  *mērķtiecīgais* ; `/pmp case &lt;ref&gt;`");
  });

  it("keeps marks inside a span from breaking the emphasis around it", () => {
    expect(spansToMrkdwn([{ kind: "strong", text: "a*b" }])).toBe("*a∗b*");
    expect(spansToMrkdwn([{ kind: "code", text: "a`b" }])).toBe("`a'b`");
  });
});

describe("messages", () => {
  const message: Message = {
    summary: "Jauns PMP ziņojums: PMP-2025-0007",
    blocks: [
      { kind: "heading", text: "H".repeat(200) },
      { kind: "facts", facts: Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `v&${i}` })) },
      { kind: "context", spans: [{ kind: "plain", text: "konteksts" }] },
      {
        kind: "actions",
        buttons: [
          { label: "Pārņemt lietu", style: "primary", intent: { kind: "TAKE_CASE", caseId: CASE_ID } },
          {
            label: "Noraidīt",
            style: "danger",
            intent: { kind: "OPEN_DECISION", caseId: CASE_ID, decision: "REJECT" },
            confirm: { title: "Vai tiešām?", text: "Lieta tiks noraidīta.", confirm: "Jā", deny: "Nē" },
          },
          { label: "B".repeat(100), style: "default", intent: { kind: "TAKE_CASE", caseId: CASE_ID } },
        ],
      },
    ],
  };
  const slack = renderSlackMessage(message);

  it("gives every button a unique action id the listener's one pattern matches, and the intent as value", () => {
    const all = buttons(slack.blocks);
    expect(all.map((b) => b.action_id)).toEqual([
      "pmp_intent:TAKE_CASE:0",
      "pmp_intent:OPEN_DECISION:1",
      "pmp_intent:TAKE_CASE:2",
    ]);
    for (const b of all) {
      expect(b.action_id).toMatch(INTENT_ACTION);
      expect(intentKindOfAction(b.action_id!)).toBe(decodeIntent(b.value)!.kind);
    }
    expect(decodeIntent(all[1]!.value)).toEqual({ kind: "OPEN_DECISION", caseId: CASE_ID, decision: "REJECT" });
    expect(all.map((b) => b.style)).toEqual(["primary", "danger", undefined]);
  });

  it("turns a confirmation into Slack's confirm dialog", () => {
    expect(buttons(slack.blocks)[1]!.confirm).toEqual({
      title: { type: "plain_text", text: "Vai tiešām?", emoji: true },
      text: { type: "plain_text", text: "Lieta tiks noraidīta.", emoji: true },
      confirm: { type: "plain_text", text: "Jā", emoji: true },
      deny: { type: "plain_text", text: "Nē", emoji: true },
      style: "danger",
    });
    expect(buttons(slack.blocks)[0]!.confirm).toBeUndefined();
  });

  it("cuts visibly what Slack would reject (header 150, button 75) and splits facts into sections of 10", () => {
    expect(messageViolations(slack)).toEqual([]);
    const header = slack.blocks[0] as { text: { text: string } };
    expect([...header.text.text]).toHaveLength(150);
    expect(header.text.text.endsWith("…")).toBe(true);
    expect(buttons(slack.blocks)[2]!.text.text).toHaveLength(75);
    const facts = sections(slack.blocks).filter((s) => s.fields);
    expect(facts.map((s) => s.fields!.length)).toEqual([10, 2]);
    expect(facts[0]!.fields![0]!.text).toBe("*L0*\nv&amp;0");
  });

  it("splits a text longer than a section (3,000) at line ends, and at '; ' inside a longer line", () => {
    const line = Array.from({ length: 400 }, (_, i) => `risks ${i}`).join("; ");
    const long = renderSlackMessage({
      summary: "x",
      blocks: [{ kind: "text", spans: [{ kind: "plain", text: `first\n${line}\nlast` }] }],
    });
    expect(messageViolations(long)).toEqual([]);
    const texts = sections(long.blocks).map((s) => s.text!.text);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join("\n").replace(/;\n/g, "; ")).toBe(`first\n${line}\nlast`);
  });

  it("puts more than 25 buttons into several actions blocks, and more than 50 blocks are cut with a mark", () => {
    const many = renderSlackMessage({
      summary: "x",
      blocks: [
        {
          kind: "actions",
          buttons: Array.from({ length: 30 }, (_, i) => ({
            label: `b${i}`,
            style: "default" as const,
            intent: { kind: "TAKE_CASE" as const, caseId: `case-${i}` },
          })),
        },
      ],
    });
    expect(many.blocks.map((b) => (b as ActionsBlock).elements.length)).toEqual([25, 5]);
    expect(new Set(buttons(many.blocks).map((b) => b.action_id)).size).toBe(30);
    const long = renderSlackMessage({
      summary: "x",
      blocks: Array.from({ length: 60 }, (_, i) => ({ kind: "heading" as const, text: `h${i}` })),
    });
    expect(long.blocks).toHaveLength(50);
    expect(JSON.stringify(long.blocks.at(-1))).toContain("…");
    expect(
      renderSlackHome({ summary: "x", blocks: long.blocks.map(() => ({ kind: "heading", text: "h" })) }).type,
    ).toBe("home");
  });
});

const form: Form = {
  id: "report_step1",
  title: "Ziņot par PMP risku un vēl kaut ko garu",
  submit: "Tālāk",
  cancel: "Atcelt",
  state: { picked: "7.a" },
  items: [
    { kind: "note", spans: [{ kind: "caseRef", ref: "PMP-2025-0007" }] },
    {
      kind: "field",
      field: {
        kind: "select",
        id: "class",
        label: "Klase",
        refreshOnChange: true,
        options: Array.from({ length: 120 }, (_, i) => ({ value: `c${i}`, label: `${"K".repeat(80)}${i}` })),
        initial: "c3",
      },
    },
    {
      kind: "field",
      field: {
        kind: "multiSelect",
        id: "risks_A",
        label: "Riski",
        optional: true,
        options: [{ value: "A01", label: "A01" }],
        initial: ["A01", "NOPE"],
      },
    },
    {
      kind: "field",
      field: { kind: "text", id: "other", label: "Cits", multiline: true, maxLength: 500, hint: "bez vārdiem" },
    },
    { kind: "field", field: { kind: "number", id: "count", label: "Skaits", integer: true, min: 0, max: 20 } },
    { kind: "field", field: { kind: "date", id: "when", label: "Datums", initial: "2025-10-06" } },
    {
      kind: "field",
      field: {
        kind: "radio",
        id: "parents",
        label: "Vecāki",
        options: [{ value: "YES", label: "Jā" }],
        initial: "MISSING",
      },
    },
    {
      kind: "field",
      field: {
        kind: "checkbox",
        id: "agree",
        label: "Piekrītu",
        optional: true,
        options: [{ value: "y", label: "jā" }],
      },
    },
  ],
};

describe("modals", () => {
  const view = renderSlackModal(form);

  it("names the modal after the form, carries its state and keys every field's block by its id", () => {
    expect(view.callback_id).toBe("pmp_report_step1");
    expect(JSON.parse(view.private_metadata!)).toEqual({ picked: "7.a" });
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      undefined,
      "class_block",
      "risks_A_block",
      "other_block",
      "count_block",
      "when_block",
      "parents_block",
      "agree_block",
    ]);
    expect(modalViolations(view)).toEqual([]);
  });

  it("fits Slack's limits: title 24, option text 75, at most 100 options; initial options only among the options", () => {
    expect([...view.title.text].length).toBeLessThanOrEqual(24);
    const cls = inputBlock(view.blocks, "class_block");
    expect(cls.dispatch_action).toBe(true);
    const element = cls.element as { options: Array<{ text: { text: string } }>; initial_option?: { value: string } };
    expect(element.options).toHaveLength(100);
    expect(element.options[0]!.text.text).toHaveLength(75);
    expect(element.initial_option?.value).toBe("c3");
    expect(inputBlock(view.blocks, "risks_A_block").element).toMatchObject({ initial_options: [{ value: "A01" }] });
    expect(inputBlock(view.blocks, "parents_block").element).not.toHaveProperty("initial_option");
    expect(inputBlock(view.blocks, "other_block")).toMatchObject({
      hint: { text: "bez vārdiem" },
      element: { type: "plain_text_input", multiline: true, max_length: 500 },
    });
    expect(inputBlock(view.blocks, "count_block").element).toMatchObject({
      type: "number_input",
      is_decimal_allowed: false,
      min_value: "0",
      max_value: "20",
    });
    expect(inputBlock(view.blocks, "when_block").element).toMatchObject({
      type: "datepicker",
      initial_date: "2025-10-06",
    });
    expect(inputBlock(view.blocks, "agree_block")).toMatchObject({ optional: true, element: { type: "checkboxes" } });
  });

  it("refuses state too long for private_metadata rather than losing it", () => {
    expect(() => renderSlackModal({ ...form, state: { x: "y".repeat(3000) } })).toThrow(/too long/);
  });

  it("reads submitted values back by field id, whatever the element", () => {
    const values = parseSlackFormValues({
      class_block: { "pmp_field:class": { type: "static_select", selected_option: { value: "c3" } } },
      risks_A_block: {
        "pmp_field:risks_A": { type: "multi_static_select", selected_options: [{ value: "A01" }, { value: "A02" }] },
      },
      other_block: { "pmp_field:other": { type: "plain_text_input", value: "teksts" } },
      count_block: { "pmp_field:count": { type: "number_input", value: "3" } },
      when_block: { "pmp_field:when": { type: "datepicker", selected_date: "2025-10-06" } },
      parents_block: { "pmp_field:parents": { type: "radio_buttons", selected_option: null } },
      agree_block: { "pmp_field:agree": { type: "checkboxes", selected_options: [] } },
      // Older views and hand-written payloads: other action ids, no type.
      learner_block: { learner_select: { selected_option: { value: "L1" } } },
      empty_block: { x: { type: "plain_text_input", value: null } },
    });
    expect(values).toEqual({
      class: "c3",
      risks_A: ["A01", "A02"],
      other: "teksts",
      count: "3",
      when: "2025-10-06",
      parents: null,
      agree: [],
      learner: "L1",
      empty: null,
    });
    expect(parseSlackFormValues(undefined)).toEqual({});
  });

  it("reads the carried state back, and an empty state for anything that is not ours", () => {
    expect(parseSlackFormState(view.private_metadata)).toEqual({ picked: "7.a" });
    for (const broken of [undefined, "", "not json", "[1,2]", "42", "null"])
      expect(parseSlackFormState(broken)).toEqual({});
  });

  it("maps field errors to Slack's errors by block, a form-wide or unknown field's error to the first input", () => {
    expect(slackFormErrors({ other: "Ne vairāk kā 500 rakstzīmes." })).toEqual({
      response_action: "errors",
      errors: { other_block: "Ne vairāk kā 500 rakstzīmes." },
    });
    expect(
      slackFormErrors({ [FORM_ERROR]: "Radās kļūda", other: "Par garu", gone: "x", empty: undefined }, [
        "class_block",
        "other_block",
      ]),
    ).toEqual({ response_action: "errors", errors: { class_block: "Radās kļūda x", other_block: "Par garu" } });
  });

  it("answers a submission with the next step or a result in place of the form", () => {
    expect(renderSlackFormReply({ kind: "next", form })).toMatchObject({
      response_action: "update",
      view: { callback_id: "pmp_report_step1" },
    });
    const done = renderSlackFormReply({
      kind: "done",
      title: "Paldies!",
      close: "Labi",
      message: { summary: "s", blocks: [{ kind: "text", spans: [{ kind: "caseRef", ref: "PMP-2025-0007" }] }] },
    });
    expect(done).toEqual({
      response_action: "update",
      view: {
        type: "modal",
        title: { type: "plain_text", text: "Paldies!", emoji: false },
        close: { type: "plain_text", text: "Labi", emoji: false },
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "*PMP-2025-0007*" } }],
      },
    });
  });
});
