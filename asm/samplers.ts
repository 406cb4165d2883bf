// Vector fills with numpy legacy `RandomState` semantics, and the two compound
// samplers of the reference's `monte_carlo/sampleable.py` that run entirely here:
// rejection sampling against a linear-interpolation density, and weighted Gaussian
// kernel-density sampling (scikit-learn `KernelDensity.sample`).
//
// see: ../shared/spec/sampling-order.md, sections 1 and 2 (exact draw order).
// All pointers are byte offsets into linear memory; f64 columns are 8-byte aligned.

import { expOf, HostFma, SoftFma, useHostFma } from "./libm";
import { gaussOf, nextDouble } from "./mt19937";

/** `out`: n f64, `random_sample(n)` in [0, 1). */
export function fill_random(s: usize, out: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), nextDouble(s));
  }
}

/** `out`: n f64, `uniform(low, high, n)` = low + (high - low) * random_sample. */
export function fill_uniform(s: usize, out: usize, n: u32, low: f64, high: f64): void {
  const range = high - low;
  for (let i: u32 = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), low + range * nextDouble(s));
  }
}

/** `out`: n f64, `normal(loc, scale, n)` = loc + scale * gauss, in index order. */
export function fill_normal(s: usize, out: usize, n: u32, loc: f64, scale: f64): void {
  if (useHostFma()) fillNormal<HostFma>(s, out, n, loc, scale);
  else fillNormal<SoftFma>(s, out, n, loc, scale);
}

function fillNormal<M>(s: usize, out: usize, n: u32, loc: f64, scale: f64): void {
  for (let i: u32 = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), loc + scale * gaussOf<M>(s));
  }
}

/** `out`: n f64, `lognormal(mean, sigma, n)` = exp(mean + sigma * gauss), glibc's exp. */
export function fill_lognormal(s: usize, out: usize, n: u32, mean: f64, sigma: f64): void {
  if (useHostFma()) fillLognormal<HostFma>(s, out, n, mean, sigma);
  else fillLognormal<SoftFma>(s, out, n, mean, sigma);
}

function fillLognormal<M>(s: usize, out: usize, n: u32, mean: f64, sigma: f64): void {
  for (let i: u32 = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), expOf<M>(mean + sigma * gaussOf<M>(s)));
  }
}

/**
 * numpy `interp(x, xp, fp, left, right)` on a table of m points (`xp` ascending).
 * The slope formula is numpy's, so accept/reject decisions agree bit for bit.
 */
export function interp_at(x: f64, xp: usize, fp: usize, m: u32, left: f64, right: f64): f64 {
  const last = m - 1;
  if (x > load<f64>(xp + (<usize>last << 3))) return right;
  if (x < load<f64>(xp)) return left;
  if (x == load<f64>(xp + (<usize>last << 3))) return load<f64>(fp + (<usize>last << 3));
  // Largest j with xp[j] <= x (x is inside [xp[0], xp[last]) here).
  let lo: u32 = 0;
  let hi: u32 = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (load<f64>(xp + (<usize>mid << 3)) <= x) lo = mid;
    else hi = mid;
  }
  const x0 = load<f64>(xp + (<usize>lo << 3));
  const x1 = load<f64>(xp + (<usize>(lo + 1) << 3));
  const y0 = load<f64>(fp + (<usize>lo << 3));
  const y1 = load<f64>(fp + (<usize>(lo + 1) << 3));
  if (x0 == x) return y0;
  const slope = (y1 - y0) / (x1 - x0);
  return slope * (x - x0) + y0;
}

/**
 * Rejection sampling against an interpolated density (reference `Custom`):
 * `out` (n f64) receives x; `fvalue` is n f64 of scratch; `idx` is n u32 of scratch.
 * Round 0 draws all fvalues, then all x. Each later round redraws the rejected
 * indices (ascending): all their fvalues first, then all their x. A sample is rejected
 * when fvalue > f(x) (strict). Returns the number of redraw rounds.
 */
export function interp_rejection(
  s: usize,
  out: usize,
  fvalue: usize,
  idx: usize,
  n: u32,
  lo: f64,
  hi: f64,
  fmax: f64,
  xp: usize,
  fp: usize,
  m: u32,
  left: f64,
  right: f64,
): u32 {
  fill_uniform(s, fvalue, n, 0.0, fmax);
  fill_uniform(s, out, n, lo, hi);
  let rejected: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const x = load<f64>(out + (<usize>i << 3));
    if (load<f64>(fvalue + (<usize>i << 3)) > interp_at(x, xp, fp, m, left, right)) {
      store<u32>(idx + (<usize>rejected << 2), i);
      rejected++;
    }
  }
  const range = hi - lo;
  let rounds: u32 = 0;
  while (rejected > 0) {
    rounds++;
    for (let k: u32 = 0; k < rejected; k++) {
      const i = load<u32>(idx + (<usize>k << 2));
      store<f64>(fvalue + (<usize>i << 3), fmax * nextDouble(s));
    }
    for (let k: u32 = 0; k < rejected; k++) {
      const i = load<u32>(idx + (<usize>k << 2));
      store<f64>(out + (<usize>i << 3), lo + range * nextDouble(s));
    }
    let still: u32 = 0;
    for (let k: u32 = 0; k < rejected; k++) {
      const i = load<u32>(idx + (<usize>k << 2));
      const x = load<f64>(out + (<usize>i << 3));
      if (load<f64>(fvalue + (<usize>i << 3)) > interp_at(x, xp, fp, m, left, right)) {
        store<u32>(idx + (<usize>still << 2), i);
        still++;
      }
    }
    rejected = still;
  }
  return rounds;
}

/**
 * Weighted Gaussian kernel-density sampling (scikit-learn `KernelDensity.sample`):
 * `u = uniform(0, 1, n)`; `c` = sequential cumulative sum of the k weights `w`
 * (written to `cum`, k f64 of scratch); `i_j` = the smallest index with
 * `c[i] >= u_j * c[k-1]`; then `out[j] = v[i_j] + h * gauss()` for j in order.
 * `out`: n f64; `v`, `w`: k f64 (grid and weights).
 */
export function kde_sample(
  s: usize,
  out: usize,
  n: u32,
  v: usize,
  w: usize,
  cum: usize,
  k: u32,
  h: f64,
): void {
  let acc: f64 = 0.0;
  for (let j: u32 = 0; j < k; j++) {
    acc += load<f64>(w + (<usize>j << 3));
    store<f64>(cum + (<usize>j << 3), acc);
  }
  const total = acc;
  fill_random(s, out, n);
  for (let j: u32 = 0; j < n; j++) {
    const p = out + (<usize>j << 3);
    const target = load<f64>(p) * total;
    // searchsorted(cum, target, side="left")
    let lo: u32 = 0;
    let hi: u32 = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (load<f64>(cum + (<usize>mid << 3)) < target) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= k) lo = k - 1;
    store<f64>(p, load<f64>(v + (<usize>lo << 3)));
  }
  if (useHostFma()) addNormal<HostFma>(s, out, n, h);
  else addNormal<SoftFma>(s, out, n, h);
}

/** In place over `out` (n f64): x_j + h * gauss(), in index order (numpy `normal(loc=x, scale=h)`). */
function addNormal<M>(s: usize, out: usize, n: u32, h: f64): void {
  for (let j: u32 = 0; j < n; j++) {
    const p = out + (<usize>j << 3);
    store<f64>(p, load<f64>(p) + h * gaussOf<M>(s));
  }
}
