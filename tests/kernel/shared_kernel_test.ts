import { notStrictEqual, ok, strictEqual } from "node:assert/strict";
import { newColumn } from "../../src/kernel/column_arena.ts";
import {
  releaseSharedKernel,
  sharedKernel,
  sharedKernelBytes,
  withKernelComputation,
} from "../../src/kernel/shared.ts";
import { virusReport } from "../../src/report/virus_report.ts";

const MIB = 1024 * 1024;

/** A computation whose columns take `columns` × 2 MB of the shared kernel. */
function growSharedKernel(columns: number): void {
  withKernelComputation(() => {
    for (let i = 0; i < columns; i++) newColumn(250_000).fill(i);
  });
}

Deno.test("releaseSharedKernel() drops a kernel past the limit, and the next one starts small", () => {
  growSharedKernel(20);
  const grown = sharedKernel();
  ok(grown.memoryBytes() > 32 * MIB, `${grown.memoryBytes()} bytes`);
  strictEqual(releaseSharedKernel(grown.memoryBytes()), false, "at the limit: kept");
  strictEqual(sharedKernel(), grown);
  strictEqual(releaseSharedKernel(32 * MIB), true);
  const fresh = sharedKernel();
  notStrictEqual(fresh, grown);
  ok(fresh.memoryBytes() < MIB, `${fresh.memoryBytes()} bytes`);
  strictEqual(releaseSharedKernel(32 * MIB), false, "a small kernel is kept");
  strictEqual(sharedKernel(), fresh);
});

Deno.test("releaseSharedKernel() keeps the kernel while a computation runs in it", () => {
  const released = withKernelComputation((kernel) => {
    for (let i = 0; i < 20; i++) newColumn(250_000).fill(i);
    const dropped = releaseSharedKernel(0);
    strictEqual(sharedKernel(), kernel);
    return dropped;
  });
  strictEqual(released, false);
  strictEqual(releaseSharedKernel(0), true, "once it has returned");
});

Deno.test("a report in a new shared kernel gives the same numbers", () => {
  const input = JSON.parse(
    Deno.readTextFileSync(
      new URL("../fixtures/reference/s3_mech_masks_shortrange.in.json", import.meta.url),
    ),
  );
  const run = () => virusReport(input, { seed: 7, sampleSize: 20_000, year: 2026 });
  const before = JSON.stringify(run());
  growSharedKernel(20);
  strictEqual(releaseSharedKernel(0), true);
  strictEqual(JSON.stringify(run()), before);
});

Deno.test("sharedKernelBytes() reads the shared kernel's memory without creating one", () => {
  sharedKernel();
  strictEqual(sharedKernelBytes(), sharedKernel().memoryBytes());
  strictEqual(releaseSharedKernel(0), true);
  strictEqual(sharedKernelBytes(), 0);
  strictEqual(sharedKernelBytes(), 0, "still none: reading did not create one");
});
