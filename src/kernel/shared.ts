/**
 * A kernel instance shared by stateless helpers (column maths that allocate only
 * scratch inside `scope` and keep nothing between calls) and by the reports, created on
 * first use, with a helper thread (src/kernel/helper.ts) when that is wanted.
 *
 * @module
 */
import { createKernel, type Kernel } from "./kernel.ts";
import { startHelper } from "./helper.ts";

let shared: Kernel | undefined;
let helperWanted: boolean | undefined;

/** Environment variable that turns the helper thread off ("0") or on ("1"). */
const HELPER_ENV = "CAIMIRA_KERNEL_HELPER";

/**
 * Whether the shared kernel gets a helper thread when it is created. By default it
 * does on a machine with two cores or more, unless the environment variable
 * `CAIMIRA_KERNEL_HELPER` is "0" (readable only with the env permission). A server that
 * already runs one report per core turns it off. Call before the first report.
 *
 * @param enabled Start a helper thread.
 */
export function setKernelHelper(enabled: boolean): void {
  helperWanted = enabled;
}

/**
 * The shared kernel. Use it only for stateless computations whose allocations are all
 * inside {@link Kernel.scope}.
 *
 * @returns The shared kernel instance.
 */
export function sharedKernel(): Kernel {
  if (shared === undefined) {
    shared = createKernel();
    if (helperWanted ?? helperByDefault()) startHelper(shared);
  }
  return shared;
}

function helperByDefault(): boolean {
  if ((navigator.hardwareConcurrency ?? 1) < 2) return false;
  const permission = Deno.permissions.querySync({ name: "env", variable: HELPER_ENV });
  return permission.state !== "granted" || Deno.env.get(HELPER_ENV) !== "0";
}
