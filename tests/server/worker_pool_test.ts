import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import {
  createWorkerPool,
  JobCancelledError,
  PoolBusyError,
  PoolClosedError,
  PoolTimeoutError,
  WorkerCrashedError,
} from "../../src/server/worker_pool.ts";

const WORKER = new URL("./_test_worker.ts", import.meta.url);

// Time limits count from the moment a ready worker takes a job, so even short limits
// hold on a slow, loaded machine (a worker's start-up is not counted).
function pool(size: number, queueLimit: number, timeoutMs = 5000, worker: URL = WORKER) {
  let spawned = 0;
  const p = createWorkerPool<unknown, number>({
    size,
    queueLimit,
    timeoutMs,
    queueTimeoutMs: 600_000,
    spawn: () => {
      spawned++;
      return new Worker(worker, { type: "module" });
    },
  });
  return { p, spawned: () => spawned };
}

/** Waits until `check()` holds (polling; no wall-clock budget of its own). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

Deno.test("worker pool: runs jobs on all workers and queues the rest in order", async () => {
  const { p } = pool(2, 10);
  const replies = await Promise.all([30, 20, 10, 5, 1].map((n) => p.run(n)));
  deepStrictEqual(replies, [60, 40, 20, 10, 2]);
  const { size, busy, queued } = p.load();
  deepStrictEqual({ size, busy, queued }, { size: 2, busy: 0, queued: 0 });
  await p.close();
});

Deno.test("worker pool: a full queue rejects at once with a Retry-After hint", async () => {
  const { p } = pool(1, 1);
  await until(() => p.load().ready === 1);
  const running = p.run(50);
  const waiting = p.run(1);
  deepStrictEqual(p.load(), { size: 1, ready: 1, busy: 1, queued: 1 });
  const busy = await p.run(1).then(() => undefined, (e) => e);
  strictEqual(busy instanceof PoolBusyError, true);
  strictEqual(busy.retryAfterS >= 1, true);
  deepStrictEqual(await Promise.all([running, waiting]), [100, 2]);
  await p.close();
});

Deno.test("worker pool: a job over the time limit is rejected and its worker replaced", async () => {
  const { p, spawned } = pool(1, 4, 100);
  await rejects(p.run("hang"), PoolTimeoutError);
  strictEqual(spawned(), 2);
  strictEqual(await p.run(1), 2);
  await p.close();
});

Deno.test("worker pool: a crashing worker rejects its job and is replaced", async () => {
  const { p, spawned } = pool(1, 4);
  await rejects(p.run("crash"), WorkerCrashedError);
  strictEqual(spawned(), 2);
  strictEqual(await p.run(2), 4);
  await p.close();
});

Deno.test("worker pool: close() finishes queued and running jobs, then refuses new ones", async () => {
  const { p } = pool(1, 4);
  const jobs = [p.run(30), p.run(10)];
  await p.close();
  deepStrictEqual(await Promise.all(jobs), [60, 20]);
  await rejects(p.run(1), PoolClosedError);
});

Deno.test("worker pool: workers that cannot start are retried after a pause, not in a loop; jobs are refused", async () => {
  let spawned = 0;
  const p = createWorkerPool<number, number>({
    size: 2,
    queueLimit: 4,
    timeoutMs: 5000,
    queueTimeoutMs: 600_000,
    spawn: () => {
      spawned++;
      return new Worker(new URL("./_broken_worker.ts", import.meta.url), { type: "module" });
    },
  });
  const queued = p.run(1).then(() => undefined, (e) => e);
  const error = await queued;
  ok(error instanceof WorkerCrashedError, String(error));
  await new Promise((r) => setTimeout(r, 200));
  await rejects(p.run(2), /no report worker could start \(.*cannot start/);
  deepStrictEqual(p.load(), { size: 0, ready: 0, busy: 0, queued: 0 });
  ok(spawned <= 3, `spawned ${spawned} workers`);
  await p.close();
});

Deno.test("worker pool: invalid sizes are refused", () => {
  const spawn = () => new Worker(WORKER, { type: "module" });
  throws(() => createWorkerPool({ size: 0, queueLimit: 0, timeoutMs: 1, spawn }), /at least 1/);
  throws(() => createWorkerPool({ size: 1, queueLimit: -1, timeoutMs: 1, spawn }), /queue/);
  throws(() => createWorkerPool({ size: 1, queueLimit: 0, timeoutMs: 0, spawn }), /time limit/);
});

Deno.test("worker pool: a worker's start-up does not count against a job's time limit", async () => {
  const slow = new URL("./_test_worker.ts?delay=300", import.meta.url);
  const { p } = pool(1, 4, 100, slow);
  strictEqual(await p.run(10), 20);
  await p.close();
});

Deno.test("worker pool: a job that cannot be sent is refused and frees its worker", async () => {
  const { p } = pool(1, 4);
  await rejects(p.run(() => 1), /could not be sent/);
  deepStrictEqual(p.load().busy, 0);
  strictEqual(await p.run(3), 6);
  await p.close();
});

Deno.test("worker pool: a worker that asks to be recycled is replaced after its reply", async () => {
  const { p, spawned } = pool(1, 4);
  strictEqual(await p.run("recycle"), 0);
  strictEqual(spawned(), 2);
  strictEqual(await p.run(2), 4);
  await p.close();
});

Deno.test("worker pool: an aborted request leaves the queue; a never-ready worker is retired", async () => {
  const { p } = pool(1, 4);
  await until(() => p.load().ready === 1);
  const running = p.run(50);
  const abort = new AbortController();
  const queued = p.run(1, abort.signal);
  abort.abort();
  await rejects(queued, JobCancelledError);
  strictEqual(p.load().queued, 0);
  strictEqual(await running, 100);
  await p.close();

  const never = createWorkerPool<number, number>({
    size: 1,
    queueLimit: 4,
    timeoutMs: 1000,
    startTimeoutMs: 50,
    spawn: () =>
      new Worker(new URL("./_test_worker.ts?delay=600000", import.meta.url), {
        type: "module",
      }),
  });
  await rejects(never.run(1), /no report worker could start \(not ready within 0.05 s\)/);
  await never.close();
});

Deno.test("worker pool: postToWorkerOf() reaches the worker that answered, not a replacement", async () => {
  const { p } = createTestPoolOfObjects();
  const reply = await p.run("object");
  const buffer = new ArrayBuffer(1000);
  strictEqual(p.postToWorkerOf(reply, { buffer }, [buffer]), true);
  ok(buffer.detached, "transferred");
  strictEqual(await p.run("buffers"), 1000);
  // A reply whose worker has been replaced since, and one the pool never gave.
  const recycled = await p.run("object-recycle");
  const other = new ArrayBuffer(10);
  strictEqual(p.postToWorkerOf(recycled, { buffer: other }, [other]), false);
  ok(!other.detached, "left with the caller");
  strictEqual(p.postToWorkerOf({ n: 1 }, { buffer: other }, [other]), false);
  strictEqual(await p.run("buffers"), 0, "the new worker got nothing");
  await p.close();
});

/** A pool of one test worker whose replies may be objects. */
function createTestPoolOfObjects() {
  const p = createWorkerPool<unknown, unknown>({
    size: 1,
    queueLimit: 4,
    timeoutMs: 5000,
    queueTimeoutMs: 600_000,
    spawn: () => new Worker(WORKER, { type: "module" }),
  });
  return { p };
}
