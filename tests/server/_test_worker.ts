// A worker for the pool tests: `{ id, job }` with job "crash" throws, "hang" never
// answers, a number n answers 2n after n ms.
const scope = globalThis as unknown as {
  onmessage: (event: MessageEvent) => void;
  postMessage: (message: unknown) => void;
};
scope.onmessage = (event: MessageEvent) => {
  const { id, job } = event.data as { id: number; job: unknown };
  if (job === "crash") throw new Error("boom");
  if (job === "hang") return;
  const n = job as number;
  setTimeout(() => scope.postMessage({ id, reply: 2 * n }), n);
};
