// A small workflow that runs the human-task helper and nothing else, so its behaviour is seen in isolation:
// open tasks, wait for reminders and escalations on the (time-skipping) clock, complete them by update.
import { condition, defineQuery, defineSignal, defineUpdate, proxyActivities, setHandler } from "@temporalio/workflow";
import type { createTaskActivities } from "../../activities/task-activities.js";
import { NATIONAL_SCHOOL_YEARS, type Grade } from "../../workflows/domain/calendar/index.js";
import type { HumanTask, TaskSpec } from "../../workflows/domain/human-task.js";
import { useHumanTasks, type TaskSubject } from "../../workflows/human-tasks.js";

export interface ProbeNotice {
  kind: "REMINDER" | "ESCALATED" | "NOBODY_TO_ASSIGN";
  taskKey: string;
  /** Workflow time when it was sent. */
  at: string;
  role?: string;
  handedTo?: string | null;
}

type Activities = ReturnType<typeof createTaskActivities> & { probeNotice(notice: ProbeNotice): Promise<void> };
const { openTask, updateTask, probeNotice } = proxyActivities<Activities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", backoffCoefficient: 2, maximumInterval: "5 minutes" },
});

export const completeProbeTask = defineUpdate<HumanTask, [{ taskKey: string; staffId: string }]>("completeProbeTask");
export const probeTasksQuery = defineQuery<HumanTask[]>("probeTasks");
export const stopProbe = defineSignal("stopProbe");

export async function humanTaskProbe(input: {
  subject: TaskSubject;
  grade: Grade;
  specs: TaskSpec[];
}): Promise<HumanTask[]> {
  const state = { tasks: [] as HumanTask[] };
  let stopped = false;
  let work = 0;
  const now = () => new Date(Date.now()).toISOString();
  const tasks = useHumanTasks({
    tasks: state.tasks,
    workflowId: "probe",
    keyScope: input.subject.id,
    subject: input.subject,
    records: { openTask, updateTask },
    notices: {
      reminder: (task) => probeNotice({ kind: "REMINDER", taskKey: task.key, at: now() }),
      escalated: (task, step) => probeNotice({ kind: "ESCALATED", taskKey: task.key, at: now(), role: step.role }),
      nobodyToAssign: (task, role, handedTo) =>
        probeNotice({ kind: "NOBODY_TO_ASSIGN", taskKey: task.key, at: now(), role, handedTo }),
    },
  });
  setHandler(probeTasksQuery, () => state.tasks);
  setHandler(stopProbe, () => {
    stopped = true;
  });
  // The completion pattern, exactly as docs/human-tasks.md describes it.
  setHandler(
    completeProbeTask,
    async ({ taskKey, staffId }) => {
      const recorded = tasks.complete(taskKey, staffId);
      work += 1;
      await recorded;
      return tasks.get(taskKey)!;
    },
    { validator: ({ taskKey }) => tasks.validateCompletion(taskKey) },
  );

  const calendar = { calendars: NATIONAL_SCHOOL_YEARS, grade: input.grade, endOfSchoolDayHour: 17 };
  for (const spec of input.specs) await tasks.open(spec, new Date(Date.now()), calendar);
  while (!stopped) {
    await tasks.fireDue(Date.now());
    const seen = work;
    const ms = tasks.msUntilNextWake(Date.now());
    const ready = () => stopped || work !== seen;
    if (ms === null) await condition(ready);
    else await condition(ready, ms);
  }
  return state.tasks;
}
