import { deepStrictEqual, notStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { createKernel } from "../../src/kernel/kernel.ts";
import { kernelTestFunctions } from "../../src/kernel/testing.ts";
import { KERNEL_FUNCTIONS, KERNEL_TEST_FUNCTIONS } from "../../src/kernel/functions.ts";
import { KERNEL_WASM_BASE64, KERNEL_WASM_BYTES } from "../../src/kernel/_wasm.ts";

Deno.test("the kernel module imports only its shared memory and has the expected exports", () => {
  const module = new WebAssembly.Module(
    Uint8Array.from(atob(KERNEL_WASM_BASE64), (c) => c.charCodeAt(0)),
  );
  strictEqual(atob(KERNEL_WASM_BASE64).length, KERNEL_WASM_BYTES);
  deepStrictEqual(WebAssembly.Module.imports(module), [
    { module: "env", name: "memory", kind: "memory" },
  ]);
  // Exactly the memory and the listed functions (src/kernel/functions.ts), with their
  // parameter counts.
  const names = WebAssembly.Module.exports(module).map((e) => e.name).sort();
  const listed = { ...KERNEL_FUNCTIONS, ...KERNEL_TEST_FUNCTIONS } as Record<string, number>;
  deepStrictEqual(names, ["memory", ...Object.keys(listed)].sort());
  const instance = new WebAssembly.Instance(module, {
    env: { memory: new WebAssembly.Memory({ initial: 1, maximum: 32768, shared: true }) },
  });
  for (const [name, arity] of Object.entries(listed)) {
    strictEqual((instance.exports[name] as (...a: number[]) => unknown).length, arity, name);
  }
});

Deno.test("scope() releases its allocations and reuses the memory on the next call", () => {
  const k = createKernel();
  const first = k.scope(() => k.alloc(1000));
  const second = k.scope(() => k.alloc(1000));
  strictEqual(first, second);
  strictEqual(first % 16, 0);
  const persistent = k.alloc(24); // outside a scope: kept
  const third = k.scope(() => k.alloc(8));
  notStrictEqual(third, persistent);
  strictEqual(third >= persistent + 24, true);
});

Deno.test("scope() releases its allocations when the body throws", () => {
  const k = createKernel();
  const before = k.scope(() => k.alloc(64));
  throws(() =>
    k.scope(() => {
      k.alloc(1 << 20);
      throw new Error("boom");
    }), /boom/);
  strictEqual(k.scope(() => k.alloc(64)), before);
});

Deno.test("alloc() grows the memory and put()/f64() round-trip values after growth", () => {
  const k = createKernel();
  const start = k.memoryBytes();
  const values = Float64Array.from({ length: 1 << 20 }, (_, i) => i * 0.5);
  const sum = k.scope(() => {
    const p = k.put(values); // 8 MiB: forces growth
    let s = 0;
    for (const v of k.f64(p, values.length)) s += v;
    return s;
  });
  strictEqual(k.memoryBytes() > start, true);
  strictEqual(sum, values.reduce((a, b) => a + b, 0));
  throws(() => k.alloc(-1), RangeError);
});

Deno.test("kernels are independent instances", () => {
  const a = createKernel();
  const b = createKernel();
  a.alloc(1 << 20);
  notStrictEqual(a.memoryBytes(), b.memoryBytes());
});

Deno.test("the FMA probe selects the host FMA only when it is fused", () => {
  const k = createKernel();
  const fused = kernelTestFunctions(k).fma_soft(1 + 2 ** -52, 1 - 2 ** -52, -1);
  strictEqual(fused, -(2 ** -104));
  strictEqual(createKernel({ softwareFma: true }).hardwareFma, false);
  // Either path gives the same exactly rounded result.
  strictEqual(
    k.exports.exp_glibc(-0.6872121723362303),
    createKernel({ softwareFma: true }).exports.exp_glibc(-0.6872121723362303),
  );
});

Deno.test("column() gives columns in the kernel's memory, reused once freed", () => {
  const k = createKernel();
  const a = k.column(100_000);
  const b = k.column(100_000);
  strictEqual(k.owns(a), true);
  strictEqual(k.owns(new Float64Array(4)), false);
  strictEqual(createKernel().owns(a), false);
  notStrictEqual(a.byteOffset, b.byteOffset);
  // In place: the kernel reads and writes the column where it is.
  a.fill(0.5);
  strictEqual(k.ref(a), a.byteOffset);
  k.exports.infection_percent(k.ref(a), a.length);
  strictEqual(a[99_999], (1 - Math.exp(-0.5)) * 100);
  // A column that is not the kernel's is copied.
  const outside = Float64Array.of(1, 2, 3);
  const copy = k.scope(() => k.f64(k.ref(outside), 3).slice());
  deepStrictEqual(copy, outside);
  // Freed (twice is harmless): the next column of that size takes its place.
  strictEqual(k.freeColumn(a), true);
  strictEqual(k.freeColumn(a), true);
  strictEqual(k.column(100_000).byteOffset, a.byteOffset);
  notStrictEqual(k.column(100_000).byteOffset, a.byteOffset);
  strictEqual(k.freeColumn(new Float64Array(3)), false);
  // Views of the stack are the kernel's but never freed into the heap.
  const view = k.scope(() => k.f64(k.alloc(80_000), 10_000));
  strictEqual(k.freeColumn(view), true);
  notStrictEqual(k.column(10_000).byteOffset, view.byteOffset);
});

Deno.test("alloc() takes a scope's large blocks from the column heap and gives them back when it ends", () => {
  const k = createKernel();
  const column = k.column(250_000);
  k.freeColumn(column);
  const before = k.memoryBytes();
  // Inside a scope, 3 MB (a sampler's scratch) first reuses the freed column's 2 MB,
  // merged with new room after it.
  const [scratch, small] = k.scope(() => [k.alloc(3_000_000), k.alloc(1000)]);
  strictEqual(scratch, column.byteOffset);
  ok(small < scratch, "a small block stays on the stack");
  ok(k.memoryBytes() - before < 1_100_000, "only the missing megabyte is new");
  // Given back at the scope's end: the next column takes the same memory.
  strictEqual(k.column(250_000).byteOffset, column.byteOffset);
  // Outside every scope a block lives as long as the kernel: on the stack.
  ok(k.alloc(300_000) < column.byteOffset);
});
