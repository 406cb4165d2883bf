import { deepStrictEqual, ok, rejects, strictEqual, throws } from "node:assert/strict";
import {
  createWorkerPool,
  PoolBusyError,
  PoolClosedError,
  PoolTimeoutError,
  WorkerCrashedError,
} from "../../src/server/worker_pool.ts";

const WORKER = new URL("./_test_worker.ts", import.meta.url);

function pool(size: number, queueLimit: number, timeoutMs = 5000) {
  let spawned = 0;
  const p = createWorkerPool<number | string, number>({
    size,
    queueLimit,
    timeoutMs,
    spawn: () => {
      spawned++;
      return new Worker(WORKER, { type: "module" });
    },
  });
  return { p, spawned: () => spawned };
}

Deno.test("worker pool: runs jobs on all workers and queues the rest in order", async () => {
  const { p } = pool(2, 10);
  const replies = await Promise.all([30, 20, 10, 5, 1].map((n) => p.run(n)));
  deepStrictEqual(replies, [60, 40, 20, 10, 2]);
  deepStrictEqual(p.load(), { size: 2, busy: 0, queued: 0 });
  await p.close();
});

Deno.test("worker pool: a full queue rejects at once with a Retry-After hint", async () => {
  const { p } = pool(1, 1);
  const running = p.run(50);
  const waiting = p.run(1);
  deepStrictEqual(p.load(), { size: 1, busy: 1, queued: 1 });
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

Deno.test("worker pool: workers that cannot start are not restarted; jobs are refused", async () => {
  let spawned = 0;
  const p = createWorkerPool<number, number>({
    size: 2,
    queueLimit: 4,
    timeoutMs: 5000,
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
  deepStrictEqual(p.load(), { size: 0, busy: 0, queued: 0 });
  ok(spawned <= 3, `spawned ${spawned} workers`);
  await p.close();
});

Deno.test("worker pool: invalid sizes are refused", () => {
  const spawn = () => new Worker(WORKER, { type: "module" });
  throws(() => createWorkerPool({ size: 0, queueLimit: 0, timeoutMs: 1, spawn }), /at least 1/);
  throws(() => createWorkerPool({ size: 1, queueLimit: -1, timeoutMs: 1, spawn }), /queue/);
  throws(() => createWorkerPool({ size: 1, queueLimit: 0, timeoutMs: 0, spawn }), /time limit/);
});
