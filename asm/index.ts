// Entry point of the WebAssembly kernel (AssemblyScript, compiled by `deno task build:wasm`).
//
// The kernel allocates nothing: the TypeScript wrapper (src/kernel/kernel.ts) owns all
// memory above `heap_base()` and passes byte offsets. The memory is imported and shared,
// so that a view of it stays valid when it grows; each instance has
// its own scratch block (asm/scratch.ts). Every export is a flat function
// over f64 columns (8-byte aligned) and u32 index buffers.

export {
  exp_glibc,
  fmaSoft as fma_soft,
  force_soft_fma,
  init_fma,
  log10_column,
  log10_glibc,
  log2_glibc,
  log_glibc,
} from "./libm";
export { bin_candidates, bin_gather } from "./bin_membership";
export { even_bin_codes, even_bin_gather } from "./even_bins";
export {
  all_finite_nonzero,
  elementwise,
  product_with_complement,
  raise_nonpositive,
} from "./elementwise";
export {
  chebyshev_coefficients,
  chebyshev_moments,
  clenshaw_column,
  normalize_column,
} from "./chebyshev";
export { group_statistics } from "./group_statistics";
export { infection_percent, infection_percent_of_dose } from "./dose_response";
export { interval_doses } from "./interval_doses";
export { json_numbers } from "./json_numbers";
export {
  aerosol_volume,
  deposition_rate,
  emission_per_aerosol,
  fraction_deposited,
} from "./particles";
export {
  divide_column,
  new_cases_sum,
  column_range,
  numpy_histogram,
  numpy_squared_deviations,
  numpy_sum,
  weighted_totals,
} from "./reductions";
export { timeline_pass } from "./timeline";
export { mt_next_u32, mt_refresh, mt_seed, state_bytes } from "./mt19937";
export {
  fill_lognormal,
  fill_normal,
  fill_random,
  fill_uniform,
  interp_at,
  interp_init,
  interp_rejection,
  kde_sample,
  pow10_column,
  rejection_scratch_f64,
  skip_normal,
} from "./samplers";
export { scratch_bytes, set_scratch } from "./scratch";

/** First free byte of linear memory after the kernel's static data. */
export function heap_base(): usize {
  return __heap_base;
}
