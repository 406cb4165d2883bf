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

Deno.test("the two-lane log equals glibc's log on every vector, in either lane", () => {
  const kernel = createKernel();
  if (!kernel.hardwareFma) {
    console.log("SKIP: the two-lane log needs the host's FMA, which this machine lacks");
    return;
  }
  const k = kernel.exports;
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
