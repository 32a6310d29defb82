// Timeline order must not depend on which of two concurrent workflows recorded first (docs/simulator.md).
import { describe, expect, it } from "vitest";
import { Timeline, type TimelineEvent } from "../../bot/simulator/timeline.js";

const at = Date.parse("2025-11-07T08:00:10Z");
const caseOpened: TimelineEvent = { atMs: at, event: "task.opened", learner: "P1", task: "CASE_INVESTIGATION" };
const contactOpened: TimelineEvent = { atMs: at + 5, event: "task.opened", learner: "P1", task: "PARENT_CONTACT" };
const viisOpened: TimelineEvent = { atMs: at + 1, event: "task.opened", learner: "P1", task: "VIIS_ENTRY" };
const notice: TimelineEvent = { atMs: at + 2, event: "notice", learner: "P1", rule: "MK89_P7_2" };
const otherLearner: TimelineEvent = { atMs: at, event: "task.opened", learner: "A1", task: "VIIS_ENTRY" };
const reminded: TimelineEvent = { atMs: at, event: "task.reminded", learner: "P1", task: "PARENT_CONTACT" };
const done: TimelineEvent = { atMs: at + 9, event: "task.done", learner: "P1", task: "PARENT_CONTACT" };
const nextMinute: TimelineEvent = { atMs: at + 60_000, event: "task.opened", learner: "A1", task: "SD_REFERRAL" };

function sortedFrom(events: TimelineEvent[]): TimelineEvent[] {
  const timeline = new Timeline();
  for (const event of events) timeline.add(event);
  return timeline.sorted();
}

describe("timeline order within a minute", () => {
  it("is the same whichever workflow recorded first", () => {
    const expected = [otherLearner, caseOpened, contactOpened, viisOpened, reminded, done, notice, nextMinute];
    const recorded = [notice, done, nextMinute, viisOpened, reminded, contactOpened, otherLearner, caseOpened];
    expect(sortedFrom(recorded)).toEqual(expected);
    expect(sortedFrom([...recorded].reverse())).toEqual(expected);
  });

  it("keeps recording order for events that are otherwise alike", () => {
    const first: TimelineEvent = { ...reminded, detail: "first" };
    const second: TimelineEvent = { ...reminded, detail: "second" };
    expect(sortedFrom([first, second])).toEqual([first, second]);
    expect(sortedFrom([second, first])).toEqual([second, first]);
  });
});
