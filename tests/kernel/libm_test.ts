import { strictEqual } from "node:assert/strict";
import { createKernel, type Kernel } from "../../src/kernel/kernel.ts";
import { kernelTestFunctions } from "../../src/kernel/testing.ts";

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

  Deno.test(`log10_glibc() and log10_column() equal glibc's log10 on every vector (${label})`, () => {
    const xs = (vectors.log10.x as (number | string)[]).map(num);
    const column = kernel.scope(() => {
      const p = kernel.put(Float64Array.from(xs));
      const out = kernel.alloc(xs.length * 8);
      kernel.exports.log10_column(p, out, xs.length);
      return Array.from(kernel.f64(out, xs.length));
    });
    let k = 0;
    const byColumn = mismatches(() => column[k++], vectors.log10.x, vectors.log10.y);
    strictEqual(byColumn.length, 0, byColumn.slice(0, 5).join("\n"));
    const bad = mismatches(kernel.exports.log10_glibc, vectors.log10.x, vectors.log10.y);
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

Deno.test("the two-lane log equals glibc's log on every vector, in either lane", () => {
  const kernel = createKernel();
  if (!kernel.hardwareFma) {
    console.log("SKIP: the two-lane log needs the host's FMA, which this machine lacks");
    return;
  }
  const k = kernelTestFunctions(kernel);
  const out = kernel.alloc(16);
  const xs: (number | string)[] = vectors.log.x;
  const n = xs.length;
  // Each vector paired with another one (so mixed pairs of common, near-1 and special
  // arguments are covered), checked in both lanes.
  const viaPairs = (lane: 0 | 1) => (x: number) => {
    const other = num(xs[Math.floor(Math.abs(x * 7919)) % n]);
    if (lane === 0) k.log2_glibc(x, other, out);
    else k.log2_glibc(other, x, out);
    return kernel.f64(out, 2)[lane];
  };
  for (const lane of [0, 1] as const) {
    const bad = mismatches(viaPairs(lane), xs, vectors.log.y);
    strictEqual(bad.length, 0, bad.slice(0, 5).join("\n"));
  }
});

Deno.test("fma_soft() is exactly rounded like the C library's fma", () => {
  const k = kernelTestFunctions(createKernel());
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

/** 10^x of each value by the kernel's `pow10_column`, the values it leaves by `**`. */
function kernelPow10(kernel: Kernel, xs: readonly number[]): number[] {
  return kernel.scope(() => {
    const n = xs.length;
    const ptr = kernel.put(Float64Array.from(xs));
    let i = kernel.exports.pow10_column(ptr, 0, n);
    while (i < n) {
      const view = kernel.f64(ptr, n);
      view[i] = 10 ** view[i];
      i = kernel.exports.pow10_column(ptr, i + 1, n);
    }
    return Array.from(kernel.f64(ptr, n));
  });
}

for (const soft of [false, true]) {
  const label = soft ? "software FMA" : "host FMA";
  const kernel = createKernel({ softwareFma: soft });

  Deno.test(`pow10_column() equals glibc's pow(10, x) on every vector (${label})`, () => {
    const xs = (vectors.pow10.x as (number | string)[]).map(num);
    const got = kernelPow10(kernel, xs);
    let k = 0;
    const bad = mismatches(() => got[k++], xs, vectors.pow10.y);
    strictEqual(bad.length, 0, bad.slice(0, 5).join("\n"));
  });

  Deno.test(`pow10_column() equals V8's 10 ** x over its whole range and around it (${label})`, () => {
    // Viral loads (log10 in [2, 10]), the kernel's whole range |x| < 222, its edges,
    // tiny and special values (left to **), in one column.
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const xs: number[] = [];
    for (let i = 0; i < 60_000; i++) xs.push(2 + 8 * next(), 444 * next() - 222);
    xs.push(221.99999, -221.99999, 222, -222, 2 ** -53, -(2 ** -53), 2 ** -54, 0, -0);
    xs.push(1e-300, 400, -400, Infinity, -Infinity, NaN, 0.5, 1, 2, 3, -1, 1 / 3);
    const got = kernelPow10(kernel, xs);
    const bad = xs.filter((x, i) => !Object.is(got[i], 10 ** x));
    strictEqual(bad.length, 0, `differs at ${bad.slice(0, 5).join(", ")}`);
  });
}

Deno.test("fill_lognormal() equals exp_glibc(mean + sigma·gauss) element by element", () => {
  // Odd counts (the last value alone) and means that send some lanes to exp's special
  // cases (|x| >= 512, subnormal results) as well as the common range.
  for (const soft of [false, true]) {
    const kernel = createKernel({ softwareFma: soft });
    const k = kernel.exports;
    for (const [mean, sigma, n] of [[0, 1, 1001], [600, 100, 33], [-740, 10, 17], [1, 0.1, 2]]) {
      kernel.scope(() => {
        const a = kernel.alloc(k.state_bytes());
        const b = kernel.alloc(k.state_bytes());
        k.mt_seed(a, 12345);
        k.mt_seed(b, 12345);
        const logs = kernel.alloc(n * 8);
        const gauss = kernel.alloc(n * 8);
        k.fill_lognormal(a, logs, n, mean, sigma);
        k.fill_normal(b, gauss, n, 0, 1);
        const got = kernel.f64(logs, n);
        const g = kernel.f64(gauss, n);
        for (let i = 0; i < n; i++) {
          strictEqual(got[i], k.exp_glibc(mean + sigma * g[i]), `${soft} ${mean} ${i}`);
        }
      });
    }
  }
});
