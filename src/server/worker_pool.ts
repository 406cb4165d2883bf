/**
 * A fixed-size pool of Web Workers with a bounded queue and per-job time limits, so
 * CPU-heavy reports run off the thread that accepts requests.
 *
 * Protocol: a worker posts `{ ready: true }` once it can take jobs; the pool then posts
 * `{ id, job }` and expects `{ id, reply, recycle? }` back, one job per worker at a time
 * (`recycle: true` asks the pool to replace the worker after this reply, e.g. when its
 * memory grew). Time limits:
 * - a job's run time counts from the moment a ready worker takes it (`timeoutMs`), so a
 *   worker's start-up never eats a job's time;
 * - a job waits in the queue at most `queueTimeoutMs`;
 * - a worker must say it is ready within `startTimeoutMs`.
 *
 * A worker that throws (uncaught) during a job, overruns the time limit, or cannot be
 * posted its job is terminated and replaced (the job is rejected). One that fails
 * outside a job (it cannot start, e.g. its module does not load, or it never becomes
 * ready) is tried again after a pause that doubles with each failure in a row (1 s to
 * 60 s), so a broken worker module cannot make the pool spawn workers in a loop and a
 * passing failure (e.g. no file descriptors for a moment) does not take the pool down
 * for good; while no worker is up, jobs are refused. No error thrown by a worker, a timer
 * or a message reaches the caller other than as the rejection of its own job.
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

/** A job did not finish within the pool's time limit, or waited too long (HTTP 503). */
export class PoolTimeoutError extends Error {
  /**
   * Creates the error.
   *
   * @param limitMs The limit that was overrun, ms.
   * @param waiting True when the job never left the queue.
   */
  constructor(limitMs: number, waiting = false) {
    super(
      waiting
        ? `the report waited longer than ${limitMs / 1000} s for a free worker: retry later`
        : `the report did not finish within the server's time limit of ${limitMs / 1000} s`,
    );
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

/** The caller gave up on a job before a worker took it. */
export class JobCancelledError extends Error {
  /** Creates the error. */
  constructor() {
    super("the request was cancelled");
    this.name = "JobCancelledError";
  }
}

/** A worker died while running a job, or none could start (an internal failure, HTTP 500). */
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
  /**
   * Jobs that may wait beyond the free workers (ready or starting), ≥ 0; beyond that
   * `run` rejects with {@link PoolBusyError}.
   */
  readonly queueLimit: number;
  /** Time limit of one job once a worker has taken it, ms. */
  readonly timeoutMs: number;
  /** Longest wait in the queue, ms (default: `timeoutMs`). */
  readonly queueTimeoutMs?: number;
  /** Longest start-up of a worker (until it posts `{ ready: true }`), ms (default 60,000). */
  readonly startTimeoutMs?: number;
  /** Starts one worker (initialisation messages already posted); it posts `{ ready: true }` when ready. */
  readonly spawn: () => Worker;
  /** Where the pool reports what it does about failing workers (default: nowhere). */
  readonly log?: (line: string) => void;
}

/** Load of a pool at one moment. */
export interface PoolLoad {
  /** Number of workers alive (starting or ready; retired ones are not counted). */
  readonly size: number;
  /** Workers ready to take jobs or running one. */
  readonly ready: number;
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
   * @param job The job (structured-cloned to the worker).
   * @param signal Aborting it drops the job if it is still queued.
   * @throws {PoolBusyError} When the queue is full.
   * @throws {PoolTimeoutError} When the job waits or runs too long.
   * @throws {PoolClosedError} After `close()`.
   * @throws {JobCancelledError} When `signal` aborts while the job is queued.
   * @throws {WorkerCrashedError} When the worker dies or none can start.
   */
  run(job: Job, signal?: AbortSignal): Promise<Reply>;
  /**
   * Posts `message` to the worker that answered with `reply` (an object `run` resolved
   * with), e.g. to give back a buffer it transferred with its reply, unless that worker
   * has since been replaced or stopped.
   *
   * @param reply The reply.
   * @param message The message.
   * @param transfer Objects transferred with it.
   * @returns Whether it was posted (if not, `transfer` is left with the caller).
   */
  postToWorkerOf(reply: Reply, message: unknown, transfer?: Transferable[]): boolean;
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
  /** The queue-wait timer, then the run-time timer. */
  timer: ReturnType<typeof setTimeout>;
  /** When a worker took the job (performance.now(), ms). */
  startedAt: number;
  /** Detaches the caller's abort listener. */
  release: () => void;
}

interface Slot<Job, Reply> {
  worker: Worker;
  /** The worker has posted `{ ready: true }`. */
  ready: boolean;
  task?: Task<Job, Reply>;
  /** Fires when the worker has not become ready in time. */
  startTimer?: ReturnType<typeof setTimeout>;
  /** Why the worker is down (it failed outside a job); a new one starts after a pause. */
  dead?: string;
  /** Start failures in a row (the pause before the next try doubles with each). */
  failures: number;
  /** Fires when a new worker is to be tried after a failure. */
  retryTimer?: ReturnType<typeof setTimeout>;
}

/** Weight of the newest job in the running mean of job durations (for `Retry-After`). */
const DURATION_SMOOTHING = 0.2;
const DEFAULT_START_TIMEOUT_MS = 60_000;
/** Pause before a new worker is tried after one failed to start, ms (doubling, at most 60 s). */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/**
 * Starts `size` workers and returns the pool.
 *
 * @param options Size, queue limit, time limits and how to start a worker.
 * @returns The pool.
 * @throws {RangeError} On a size below 1, a negative queue limit or a non-positive time limit.
 */
export function createWorkerPool<Job, Reply>(
  options: WorkerPoolOptions,
): WorkerPool<Job, Reply> {
  const { size, queueLimit, timeoutMs, spawn } = options;
  const queueTimeoutMs = options.queueTimeoutMs ?? timeoutMs;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const log = options.log ?? (() => {});
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`expected at least 1 worker but found ${size}`);
  }
  if (!Number.isInteger(queueLimit) || queueLimit < 0) {
    throw new RangeError(`expected a queue limit ≥ 0 but found ${queueLimit}`);
  }
  for (const [name, ms] of [["time limit", timeoutMs], ["queue time limit", queueTimeoutMs]]) {
    if (!(Number(ms) > 0)) throw new RangeError(`expected a ${name} > 0 ms but found ${ms}`);
  }

  const queue: Task<Job, Reply>[] = [];
  const slots: Slot<Job, Reply>[] = [];
  let nextId = 1;
  let closed = false;
  let meanDurationMs = 1000;
  let drained: (() => void) | undefined;

  /** Runs a callback of the pool's own; whatever it throws is logged, never rethrown. */
  const guarded = <A extends unknown[]>(what: string, fn: (...args: A) => void) => (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      log(`worker pool: ${what} failed: ${(error as Error)?.stack ?? error}`);
    }
  };

  const live = () => slots.filter((s) => s.dead === undefined);

  const settle = (task: Task<Job, Reply>) => {
    clearTimeout(task.timer);
    task.release();
  };

  const start = (slot: Slot<Job, Reply>) => {
    slot.ready = false;
    slot.task = undefined;
    try {
      slot.worker = spawn();
    } catch (error) {
      retire(slot, `cannot spawn a worker: ${(error as Error).message}`);
      return;
    }
    slot.startTimer = setTimeout(
      guarded("start timer", () => {
        if (slot.ready || slot.dead !== undefined) return;
        retire(slot, `not ready within ${startTimeoutMs / 1000} s`);
        pump();
      }),
      startTimeoutMs,
    );
    slot.worker.onmessage = guarded("message", (event: MessageEvent) => {
      const data = event.data as { ready?: boolean; id?: number; reply?: Reply; recycle?: boolean };
      if (data?.ready === true) {
        clearTimeout(slot.startTimer);
        slot.ready = true;
        slot.failures = 0;
        pump();
        return;
      }
      const task = slot.task;
      if (task === undefined || data?.id !== task.id) return;
      meanDurationMs += DURATION_SMOOTHING * (performance.now() - task.startedAt - meanDurationMs);
      settle(task);
      slot.task = undefined;
      if (typeof data.reply === "object" && data.reply !== null) {
        answeredBy.set(data.reply, { slot, worker: slot.worker });
      }
      if (data.recycle === true && !closed) replace(slot, "recycled (memory)");
      task.resolve(data.reply as Reply);
      pump();
    });
    slot.worker.onerror = guarded("error", (event: ErrorEvent) => {
      event.preventDefault();
      const message = event.message ?? "unknown error";
      const task = slot.task;
      if (task === undefined) {
        retire(slot, message);
      } else {
        settle(task);
        replace(slot, `crashed: ${message}`);
        task.reject(new WorkerCrashedError(message));
      }
      pump();
    });
    slot.worker.onmessageerror = guarded("message error", () => {
      const task = slot.task;
      if (task === undefined) return;
      settle(task);
      replace(slot, "sent a reply that cannot be read");
      task.reject(new WorkerCrashedError("a reply could not be read"));
      pump();
    });
  };

  const stop = (slot: Slot<Job, Reply>) => {
    clearTimeout(slot.startTimer);
    clearTimeout(slot.retryTimer);
    try {
      slot.worker.terminate();
    } catch { /* already gone */ }
  };

  const replace = (slot: Slot<Job, Reply>, why: string) => {
    log(`worker pool: replacing a worker (${why})`);
    stop(slot);
    start(slot);
  };

  const retire = (slot: Slot<Job, Reply>, why: string) => {
    stop(slot);
    slot.dead = why;
    slot.ready = false;
    slot.failures++;
    const pause = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (slot.failures - 1));
    log(`worker pool: a worker could not start (${why}); next try in ${pause / 1000} s`);
    if (!closed) {
      slot.retryTimer = setTimeout(
        guarded("retry", () => {
          if (closed) return;
          slot.dead = undefined;
          start(slot);
        }),
        pause,
      );
    }
    if (live().length === 0) {
      for (const waiting of queue.splice(0)) {
        settle(waiting);
        waiting.reject(noWorkers());
      }
    }
  };

  const noWorkers = () =>
    new WorkerCrashedError(`no report worker could start (${slots[0]?.dead ?? "unknown error"})`);

  const pump = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task !== undefined || slot.dead !== undefined) continue;
      const task = queue.shift();
      if (task === undefined) break;
      clearTimeout(task.timer);
      slot.task = task;
      task.startedAt = performance.now();
      task.timer = setTimeout(guarded("time limit", () => overrun(slot, task)), timeoutMs);
      try {
        slot.worker.postMessage({ id: task.id, job: task.job });
      } catch (error) {
        // The job cannot be sent (e.g. it cannot be cloned): the worker is fine, the job is not.
        settle(task);
        slot.task = undefined;
        task.reject(
          new WorkerCrashedError(`the job could not be sent: ${(error as Error).message}`),
        );
      }
    }
    if (closed && drained && queue.length === 0 && slots.every((s) => s.task === undefined)) {
      drained();
    }
  };

  const overrun = (slot: Slot<Job, Reply>, task: Task<Job, Reply>) => {
    if (slot.task !== task) return;
    task.release();
    replace(slot, `over the time limit of ${timeoutMs / 1000} s`);
    task.reject(new PoolTimeoutError(timeoutMs));
    pump();
  };

  const dequeue = (task: Task<Job, Reply>): boolean => {
    const at = queue.indexOf(task);
    if (at < 0) return false;
    queue.splice(at, 1);
    settle(task);
    pump();
    return true;
  };

  /** Which worker (and slot) answered each object reply, for `postToWorkerOf`. */
  const answeredBy = new WeakMap<object, { slot: Slot<Job, Reply>; worker: Worker }>();
  for (let i = 0; i < size; i++) {
    const slot = { ready: false, failures: 0 } as Slot<Job, Reply>;
    slots.push(slot);
    start(slot);
  }

  return {
    postToWorkerOf(reply: Reply, message: unknown, transfer: Transferable[] = []): boolean {
      const by = typeof reply === "object" && reply !== null ? answeredBy.get(reply) : undefined;
      if (by === undefined || by.slot.worker !== by.worker || by.slot.dead !== undefined) {
        return false;
      }
      try {
        by.worker.postMessage(message, transfer);
        return true;
      } catch {
        return false;
      }
    },
    run(job: Job, signal?: AbortSignal): Promise<Reply> {
      if (closed) return Promise.reject(new PoolClosedError());
      if (signal?.aborted) return Promise.reject(new JobCancelledError());
      const alive = live();
      if (alive.length === 0) return Promise.reject(noWorkers());
      // Jobs beyond the free workers (ready or starting) wait in the queue.
      const free = alive.filter((s) => s.task === undefined).length;
      if (queue.length >= free + queueLimit) {
        const waves = Math.ceil((queue.length + 1) / alive.length) + 1;
        return Promise.reject(
          new PoolBusyError(queue.length, Math.max(1, Math.ceil((waves * meanDurationMs) / 1000))),
        );
      }
      return new Promise<Reply>((resolve, reject) => {
        const onAbort = () => {
          if (dequeue(task)) reject(new JobCancelledError());
        };
        const task: Task<Job, Reply> = {
          id: nextId++,
          job,
          resolve,
          reject,
          startedAt: 0,
          timer: setTimeout(
            guarded("queue time limit", () => {
              if (dequeue(task)) reject(new PoolTimeoutError(queueTimeoutMs, true));
            }),
            queueTimeoutMs,
          ),
          release: () => signal?.removeEventListener("abort", onAbort),
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(task);
        pump();
      });
    },
    load(): PoolLoad {
      const alive = live();
      return {
        size: alive.length,
        ready: alive.filter((s) => s.ready).length,
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
      for (const slot of slots) stop(slot);
    },
  };
}
