// Task queue matching: long polls wait for tasks, tasks wait for polls. A task is a closure that builds the
// poll response at delivery time (so it carries the history as of that moment) or returns undefined when it
// went stale meanwhile (the run closed, the attempt was superseded), in which case it is simply dropped.
import type { ServerCall } from "./grpc-wiring.js";

export type TaskKind = "workflow" | "activity";

export interface Task {
  materialize(identity: string): object | undefined;
}

interface PendingPoll {
  identity: string;
  resolve(response: object): void;
  done: boolean;
}

interface Queue {
  tasks: Task[];
  polls: PendingPoll[];
}

/** How long a poll is held before an empty answer; below the SDK's 70 s client deadline, like the server. */
const POLL_TIMEOUT_MS = 55_000;

export class TaskQueues {
  private readonly queues = new Map<string, Queue>();
  private closed = false;

  private queue(namespace: string, kind: TaskKind, name: string): Queue {
    const key = `${namespace}\u0000${kind}\u0000${name}`;
    let q = this.queues.get(key);
    if (!q) {
      q = { tasks: [], polls: [] };
      this.queues.set(key, q);
    }
    return q;
  }

  add(namespace: string, kind: TaskKind, name: string, task: Task): void {
    const q = this.queue(namespace, kind, name);
    while (q.polls.length > 0) {
      const poll = q.polls.shift()!;
      if (poll.done) continue;
      const response = task.materialize(poll.identity);
      if (!response) {
        q.polls.unshift(poll);
        return;
      }
      poll.done = true;
      poll.resolve(response);
      return;
    }
    q.tasks.push(task);
  }

  poll(namespace: string, kind: TaskKind, name: string, identity: string, call: ServerCall): Promise<object> {
    const q = this.queue(namespace, kind, name);
    while (q.tasks.length > 0) {
      const response = q.tasks.shift()!.materialize(identity);
      if (response) return Promise.resolve(response);
    }
    if (this.closed) return Promise.resolve({});
    return new Promise((resolve) => {
      const poll: PendingPoll = { identity, resolve, done: false };
      const finish = () => {
        if (poll.done) return;
        poll.done = true;
        clearTimeout(timer);
        const idx = q.polls.indexOf(poll);
        if (idx >= 0) q.polls.splice(idx, 1);
        resolve({});
      };
      const timer = setTimeout(finish, POLL_TIMEOUT_MS);
      // A cancelled poll must leave the queue at once, or the next task would be handed to a dead caller.
      call.on("cancelled", finish);
      poll.resolve = (response) => {
        clearTimeout(timer);
        resolve(response);
      };
      q.polls.push(poll);
    });
  }

  /** Moves waiting tasks elsewhere, e.g. from a worker's sticky queue to the normal queue on shutdown. */
  drain(namespace: string, kind: TaskKind, name: string): Task[] {
    const q = this.queue(namespace, kind, name);
    const tasks = q.tasks;
    q.tasks = [];
    return tasks;
  }

  /** Answers every parked poll with an empty response (server shutdown). */
  close(): void {
    this.closed = true;
    for (const q of this.queues.values()) {
      for (const poll of q.polls.splice(0)) {
        if (!poll.done) {
          poll.done = true;
          poll.resolve({});
        }
      }
    }
  }
}
