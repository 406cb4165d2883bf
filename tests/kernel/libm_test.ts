import { strictEqual } from "node:assert/strict";
import { createKernel, type Kernel } from "../../src/kernel/kernel.ts";

// glibc 2.36 (x86-64, FMA) results written by scripts/fixtures/glibc_libm_vectors.py.
const vectors = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/glibc_libm_vectors.json", import.meta.url),
  ),
);

/** JSON stores non-finite values as strings ("inf", "-inf", "nan"). */
function num(v: number | string): number {
  if (typeof v === "number") return v;
  return v === "inf" ? Infinity : v === "-inf" ? -Infinity : NaN;
}

function mismatches(
  f: (x: number) => number,
  xs: (number | string)[],
  ys: (number | string)[],
) {
  const bad: string[] = [];
  xs.forEach((x, i) => {
    const got = f(num(x));
    const want = num(ys[i]);
    if (!Object.is(got, want) && !(Number.isNaN(got) && Number.isNaN(want))) {
      bad.push(`f(${x}) = ${got}, glibc ${want}`);
    }
  });
  return bad;
}

for (const soft of [false, true]) {
  const label = soft ? "software FMA" : "host FMA";
  const kernel: Kernel = createKernel({ softwareFma: soft });

  Deno.test(`exp_glibc() equals glibc's exp on every vector (${label})`, () => {
    const bad = mismatches(
      kernel.exports.exp_glibc,
      vectors.exp.x,
      vectors.exp.y,
    );
    strictEqual(bad.length, 0, bad.slice(0, 5).join("\n"));
  });

  Deno.test(`log_glibc() equals glibc's log on every vector (${label})`, () => {
    const bad = mismatches(
      kernel.exports.log_glibc,
      vectors.log.x,
      vectors.log.y,
    );
    strictEqual(bad.length, 0, bad.slice(0, 5).join("\n"));
  });
}

Deno.test("fma_soft() is exactly rounded like the C library's fma", () => {
  const k = createKernel().exports;
  const bad: string[] = [];
  vectors.fma.args.forEach(([a, b, c]: number[], i: number) => {
    const got = k.fma_soft(a, b, c);
    if (!Object.is(got, vectors.fma.y[i])) {
      bad.push(`fma(${a}, ${b}, ${c}) = ${got}`);
    }
  });
  strictEqual(bad.length, 0, bad.slice(0, 5).join("\n"));
});

Deno.test("V8's 10 ** x equals glibc's pow(10, x) on every vector", () => {
  const bad = mismatches((x) => 10 ** x, vectors.pow10.x, vectors.pow10.y);
  strictEqual(bad.length, 0, bad.slice(0, 5).join("\n"));
});
