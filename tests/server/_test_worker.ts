// A worker for the pool tests. It says it is ready (after `?delay=ms` when its URL has
// one), then answers `{ id, job }`: job "crash" throws, "hang" never answers,
// "recycle" answers 0 and asks to be replaced, a number n answers 2n after n ms; "object"
// answers { n: 1 } ("object-recycle" too, and asks to be replaced); a `{ buffer }` message
// is kept, and "buffers" answers the bytes of those kept so far.
const scope = globalThis as unknown as {
  onmessage: (event: MessageEvent) => void;
  postMessage: (message: unknown) => void;
};
const delay = Number(new URL(import.meta.url).searchParams.get("delay") ?? 0);
let keptBytes = 0;
scope.onmessage = (event: MessageEvent) => {
  const { id, job, buffer } = event.data as { id: number; job: unknown; buffer?: ArrayBuffer };
  if (buffer instanceof ArrayBuffer) {
    keptBytes += buffer.byteLength;
    return;
  }
  if (job === "object" || job === "object-recycle") {
    scope.postMessage({ id, reply: { n: 1 }, recycle: job === "object-recycle" });
    return;
  }
  if (job === "buffers") {
    scope.postMessage({ id, reply: keptBytes });
    return;
  }
  if (job === "crash") throw new Error("boom");
  if (job === "hang") return;
  if (job === "recycle") {
    scope.postMessage({ id, reply: 0, recycle: true });
    return;
  }
  const n = job as number;
  setTimeout(() => scope.postMessage({ id, reply: 2 * n }), n);
};
setTimeout(() => scope.postMessage({ ready: true }), delay);
