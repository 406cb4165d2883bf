/**
 * A fixed-size pool of Web Workers with a bounded queue and a per-job time limit, so
 * CPU-heavy reports run off the thread that accepts requests.
 *
 * Protocol: the pool posts `{ id, job }` to a worker and expects `{ id, reply }` back,
 * one job per worker at a time. A worker that throws (uncaught) during a job or overruns
 * the time limit is terminated and replaced; one that fails outside a job (it cannot
 * start, e.g. its module does not load) is not restarted, so a broken worker module
 * cannot make the pool spawn workers in a loop; when no worker is left, jobs are refused.
 *
 * @module
 */

/** The queue is full: try again later (HTTP 503 with `Retry-After`). */
export class PoolBusyError extends Error {
  /** Suggested wait before retrying, s (at least 1). */
  readonly retryAfterS: number;

  /**
   * Creates the error.
   *
   * @param queued Jobs waiting.
   * @param retryAfterS Suggested wait, s.
   */
  constructor(queued: number, retryAfterS: number) {
    super(`the server is busy (${queued} reports waiting): retry in ${retryAfterS} s`);
    this.name = "PoolBusyError";
    this.retryAfterS = retryAfterS;
  }
}

/** A job did not finish within the pool's time limit (HTTP 503). */
export class PoolTimeoutError extends Error {
  /**
   * Creates the error.
   *
   * @param timeoutMs The time limit, ms.
   */
  constructor(timeoutMs: number) {
    super(`the report did not finish within the server's time limit of ${timeoutMs / 1000} s`);
    this.name = "PoolTimeoutError";
  }
}

/** The pool is shutting down and takes no new jobs (HTTP 503). */
export class PoolClosedError extends Error {
  /** Creates the error. */
  constructor() {
    super("the server is shutting down");
    this.name = "PoolClosedError";
  }
}

/** A worker died while running a job (an internal failure, HTTP 500). */
export class WorkerCrashedError extends Error {
  /**
   * Creates the error.
   *
   * @param detail What the worker reported (for logs, not for clients).
   */
  constructor(detail: string) {
    super(`a report worker failed: ${detail}`);
    this.name = "WorkerCrashedError";
  }
}

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** Number of workers, ≥ 1. */
  readonly size: number;
  /** Jobs that may wait for a free worker, ≥ 0; beyond that `run` rejects with {@link PoolBusyError}. */
  readonly queueLimit: number;
  /** Time limit of one job from submission (waiting included), ms. */
  readonly timeoutMs: number;
  /** Starts one worker, ready to receive jobs (initialisation messages already posted). */
  readonly spawn: () => Worker;
}

/** Load of a pool at one moment. */
export interface PoolLoad {
  /** Number of workers running (those that failed to start are not counted). */
  readonly size: number;
  /** Workers running a job. */
  readonly busy: number;
  /** Jobs waiting. */
  readonly queued: number;
}

/** A running pool (see {@link createWorkerPool}). */
export interface WorkerPool<Job, Reply> {
  /**
   * Runs `job` on the next free worker.
   *
   * @throws {PoolBusyError} When the queue is full.
   * @throws {PoolTimeoutError} When the job overruns the time limit.
   * @throws {PoolClosedError} After `close()`.
   * @throws {WorkerCrashedError} When the worker dies.
   */
  run(job: Job): Promise<Reply>;
  /** Current load. */
  load(): PoolLoad;
  /** Takes no new jobs, lets queued and running ones finish, then stops the workers. */
  close(): Promise<void>;
}

interface Task<Job, Reply> {
  readonly id: number;
  readonly job: Job;
  readonly resolve: (reply: Reply) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  /** When a worker took the job (performance.now(), ms). */
  startedAt: number;
}

interface Slot<Job, Reply> {
  worker: Worker;
  task?: Task<Job, Reply>;
  /** Why the worker stopped for good (it failed outside a job). */
  dead?: string;
}

/** Weight of the newest job in the running mean of job durations (for `Retry-After`). */
const DURATION_SMOOTHING = 0.2;

/**
 * Starts `size` workers and returns the pool.
 *
 * @param options Size, queue limit, time limit and how to start a worker.
 * @returns The pool.
 * @throws {RangeError} On a size below 1, a negative queue limit or a non-positive time limit.
 */
export function createWorkerPool<Job, Reply>(
  options: WorkerPoolOptions,
): WorkerPool<Job, Reply> {
  const { size, queueLimit, timeoutMs, spawn } = options;
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`expected at least 1 worker but found ${size}`);
  }
  if (!Number.isInteger(queueLimit) || queueLimit < 0) {
    throw new RangeError(`expected a queue limit ≥ 0 but found ${queueLimit}`);
  }
  if (!(timeoutMs > 0)) throw new RangeError(`expected a time limit > 0 ms but found ${timeoutMs}`);

  const queue: Task<Job, Reply>[] = [];
  const slots: Slot<Job, Reply>[] = [];
  let nextId = 1;
  let closed = false;
  let meanDurationMs = 1000;
  let drained: (() => void) | undefined;

  const attach = (slot: Slot<Job, Reply>) => {
    slot.worker.onmessage = (event: MessageEvent<{ id: number; reply: Reply }>) => {
      const task = slot.task;
      if (task === undefined || event.data?.id !== task.id) return;
      meanDurationMs += DURATION_SMOOTHING * (performance.now() - task.startedAt - meanDurationMs);
      finish(slot, task);
      task.resolve(event.data.reply);
    };
    slot.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const task = slot.task;
      const message = event.message ?? "unknown error";
      if (task === undefined) {
        slot.worker.terminate();
        slot.dead = message;
        if (slots.every((s) => s.dead !== undefined)) {
          for (const waiting of queue.splice(0)) {
            clearTimeout(waiting.timer);
            waiting.reject(noWorkers());
          }
        }
      } else {
        replace(slot);
        clearTimeout(task.timer);
        task.reject(new WorkerCrashedError(message));
      }
      pump();
    };
  };

  const replace = (slot: Slot<Job, Reply>) => {
    slot.worker.terminate();
    slot.task = undefined;
    slot.worker = spawn();
    attach(slot);
  };

  const finish = (slot: Slot<Job, Reply>, task: Task<Job, Reply>) => {
    clearTimeout(task.timer);
    slot.task = undefined;
    pump();
  };

  const noWorkers = () =>
    new WorkerCrashedError(`no report worker could start (${slots[0]?.dead ?? "unknown error"})`);

  const pump = () => {
    for (const slot of slots) {
      if (slot.task !== undefined || slot.dead !== undefined) continue;
      const task = queue.shift();
      if (task === undefined) break;
      slot.task = task;
      task.startedAt = performance.now();
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
    if (closed && drained && queue.length === 0 && slots.every((s) => s.task === undefined)) {
      drained();
    }
  };

  const expire = (id: number) => {
    const queuedAt = queue.findIndex((t) => t.id === id);
    if (queuedAt >= 0) {
      const [task] = queue.splice(queuedAt, 1);
      task.reject(new PoolTimeoutError(timeoutMs));
      pump();
      return;
    }
    const slot = slots.find((s) => s.task?.id === id);
    if (slot?.task === undefined) return;
    const task = slot.task;
    replace(slot);
    task.reject(new PoolTimeoutError(timeoutMs));
    pump();
  };

  for (let i = 0; i < size; i++) {
    const slot: Slot<Job, Reply> = { worker: spawn() };
    attach(slot);
    slots.push(slot);
  }

  return {
    run(job: Job): Promise<Reply> {
      if (closed) return Promise.reject(new PoolClosedError());
      const live = slots.filter((s) => s.dead === undefined);
      if (live.length === 0) return Promise.reject(noWorkers());
      const idle = live.some((s) => s.task === undefined);
      if (!idle && queue.length >= queueLimit) {
        const waves = Math.ceil((queue.length + 1) / live.length) + 1;
        return Promise.reject(
          new PoolBusyError(queue.length, Math.max(1, Math.ceil((waves * meanDurationMs) / 1000))),
        );
      }
      return new Promise<Reply>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => expire(id), timeoutMs);
        queue.push({ id, job, resolve, reject, timer, startedAt: 0 });
        pump();
      });
    },
    load(): PoolLoad {
      return {
        size: slots.filter((s) => s.dead === undefined).length,
        busy: slots.filter((s) => s.task !== undefined).length,
        queued: queue.length,
      };
    },
    async close(): Promise<void> {
      closed = true;
      await new Promise<void>((resolve) => {
        drained = resolve;
        pump();
      });
      for (const slot of slots) slot.worker.terminate();
    },
  };
}
