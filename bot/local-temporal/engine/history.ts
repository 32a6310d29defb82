// Building history events. An event's type is derived from the name of its attributes field
// (`timerFiredEventAttributes` -> EVENT_TYPE_TIMER_FIRED), so a builder call cannot pair wrong type and body.
import { EventType, type IHistoryEvent, int64, timestamp } from "./proto.js";

export type AttributesKey = {
  [K in keyof IHistoryEvent]-?: K extends `${string}EventAttributes` ? K : never;
}[keyof IHistoryEvent];

export type Attributes<K extends AttributesKey> = NonNullable<IHistoryEvent[K]>;

const typeCache = new Map<string, number>();

export function eventTypeOf(key: AttributesKey): number {
  let type = typeCache.get(key);
  if (type === undefined) {
    const snake = key
      .replace(/EventAttributes$/, "")
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toUpperCase();
    type = (EventType as unknown as Record<string, number>)[`EVENT_TYPE_${snake}`];
    if (type === undefined) throw new Error(`no event type for ${key}`);
    typeCache.set(key, type);
  }
  return type;
}

/** An event without its id; ids are assigned when the event is written to the run's history. */
export function newEvent<K extends AttributesKey>(key: K, attributes: Attributes<K>, timeMs: number): IHistoryEvent {
  return { eventId: int64(0), eventTime: timestamp(timeMs), eventType: eventTypeOf(key), [key]: attributes };
}

/** Events that describe something the workflow must react to, so they need a workflow task. */
export function needsWorkflowTask(event: IHistoryEvent): boolean {
  switch (event.eventType) {
    case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
    case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
    case EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
      return false;
    default:
      return true;
  }
}

export function isCloseEvent(event: IHistoryEvent): boolean {
  switch (event.eventType) {
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
      return true;
    default:
      return false;
  }
}
