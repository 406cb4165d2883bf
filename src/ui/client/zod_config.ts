/**
 * Runs before the calculator's other modules: the form tables it shares with the server
 * are zod schemas, and zod probes `new Function` for its fast path, which the pages'
 * Content-Security-Policy forbids (a console error). `jitless` skips the probe.
 *
 * @module
 */
import { config } from "npm:zod@^4.1.0";

config({ jitless: true });
