/**
 * The server's front door: accepts TCP connections and relays their bytes to the HTTP
 * server behind it (on a loopback port of its own), enforcing what `Deno.serve` does
 * not (it has no timeouts and no connection limit):
 * - a cap on open connections (at the cap, accepting pauses: new connections wait in the
 *   system's backlog until one ends, so the process never runs out of descriptors);
 * - a deadline for each request's head (`headerTimeoutMs`) and body (`bodyTimeoutMs`),
 *   counted from their first byte, so a client that sends slowly or stops half-way
 *   (a half-open `GET / HTTP/1.1\r\nHo`) is closed;
 * - an idle deadline between requests (`idleTimeoutMs`, keep-alive);
 * - a deadline for each write to a client that does not read (`writeTimeoutMs`);
 * - running out of file descriptors pauses accepting (and retries) instead of failing,
 *   and lowers the cap to the connections open at that moment (less a margin).
 * While a complete request is being answered there is no client deadline: the report's
 * own time limit applies. HTTP/1.x only (what `Deno.serve` speaks over plain TCP).
 *
 * @module
 */
import { FramingError, HttpRequestFramer } from "./http_framer.ts";

/** The limits of {@link guardConnections}. */
export interface ConnectionLimits {
  /** Open connections at most. */
  readonly maxConnections: number;
  /** Time to send a request's head, from its first byte, ms. */
  readonly headerTimeoutMs: number;
  /** Time to send a request's body, from the end of its head, ms. */
  readonly bodyTimeoutMs: number;
  /** Time a connection may stay idle between requests, ms. */
  readonly idleTimeoutMs: number;
  /** Time one write to the client may take (a client that does not read), ms. */
  readonly writeTimeoutMs: number;
  /** Largest request head, bytes. */
  readonly maxHeaderBytes: number;
}

/** Default limits (the connection cap comes from {@link defaultMaxConnections}). */
export const DEFAULT_CONNECTION_LIMITS: Omit<ConnectionLimits, "maxConnections"> = Object
  .freeze({
    headerTimeoutMs: 10_000,
    bodyTimeoutMs: 30_000,
    idleTimeoutMs: 30_000,
    writeTimeoutMs: 30_000,
    maxHeaderBytes: 16 * 1024,
  });

/**
 * The default connection cap. Each connection holds 3 descriptors (the client's, the
 * guard's to the server, the server's), so 256 connections fit the common limit of
 * 1,024 open files with room to spare (`--max-connections` to change; the limit itself
 * cannot be read without full permissions). Should the process run out of descriptors
 * anyway, the guard lowers its cap to what was open then (see {@link guardConnections}).
 */
export const DEFAULT_MAX_CONNECTIONS = 256;

/** A running guard. */
export interface ConnectionGuard {
  /** Connections open now. */
  active(): number;
  /** Connections closed by a deadline, and pauses at the cap, since the start. */
  counters(): { readonly timedOut: number; readonly pausedAtCap: number; readonly cap: number };
  /**
   * A signal that aborts when the client of a relayed connection is gone, found by the
   * port of the guard's own connection to the server (the request's remote port as the
   * server sees it); undefined for a port the guard does not know.
   */
  clientGone(serverSidePort: number): AbortSignal | undefined;
  /** Stops accepting (open connections go on until they end). */
  stopAccepting(): void;
  /**
   * Waits until every connection has ended (or `timeoutMs` has passed), then closes
   * what is left and stops.
   */
  drain(timeoutMs: number): Promise<void>;
  /** Stops accepting and closes every connection now. */
  close(): void;
}

/** One relayed connection. */
interface Relay {
  readonly client: Deno.Conn;
  server?: Deno.Conn;
  readonly framer: HttpRequestFramer;
  /** Aborts when the relay closes. */
  readonly gone: AbortController;
  /** The local port of the guard's connection to the server. */
  serverSidePort?: number;
  /** Last byte in either direction (performance.now(), ms). */
  lastActivity: number;
  /** When the current request's head or body began, ms. */
  phaseStart: number;
  /** When the pending write to the client began, ms (undefined: none pending). */
  writingSince?: number;
  closed: boolean;
}

const BUFFER_BYTES = 64 * 1024;
/** How often deadlines are checked, ms. */
const WATCH_INTERVAL_MS = 250;

function cannedAnswer(status: number, reason: string, message: string): Uint8Array {
  const body = JSON.stringify({ message });
  return new TextEncoder().encode(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n` +
      (status === 503 ? "Retry-After: 1\r\n" : "") + `\r\n${body}`,
  );
}

/**
 * Starts relaying `listener`'s connections to the server at `upstream`.
 *
 * @param listener Where clients connect.
 * @param upstream Opens a connection to the HTTP server behind the guard.
 * @param limits The limits.
 * @param log Where notable events go (descriptor exhaustion).
 * @returns The running guard.
 */
export function guardConnections(
  listener: Deno.Listener,
  upstream: () => Promise<Deno.Conn>,
  limits: ConnectionLimits,
  log: (line: string) => void,
): ConnectionGuard {
  const relays = new Set<Relay>();
  const byServerSidePort = new Map<number, Relay>();
  let accepting = true;
  let timedOut = 0;
  let pausedAtCap = 0;
  let cap = limits.maxConnections;
  /** Lowers the cap after the process ran out of descriptors. */
  const outOfDescriptors = (error: unknown) => {
    const lowered = Math.max(4, relays.size - 4);
    if (lowered < cap) {
      cap = lowered;
      log(`connections: out of file descriptors (${(error as Error).message}); cap now ${cap}`);
    }
  };
  /** Wakes the accept loop when a connection ends. */
  let slotFreed: (() => void) | undefined;

  const close = (relay: Relay) => {
    if (relay.closed) return;
    relay.closed = true;
    relays.delete(relay);
    if (relay.serverSidePort !== undefined) byServerSidePort.delete(relay.serverSidePort);
    relay.gone.abort();
    slotFreed?.();
    for (const conn of [relay.client, relay.server]) {
      try {
        conn?.close();
      } catch { /* already closed */ }
    }
  };

  const watch = setInterval(() => {
    const now = performance.now();
    for (const relay of relays) {
      const { phase } = relay.framer;
      const late = (relay.writingSince !== undefined &&
        now - relay.writingSince > limits.writeTimeoutMs) ||
        (phase === "head" && now - relay.phaseStart > limits.headerTimeoutMs) ||
        (phase === "body" && now - relay.phaseStart > limits.bodyTimeoutMs) ||
        (phase === "between" && relay.writingSince === undefined &&
          now - relay.lastActivity > limits.idleTimeoutMs);
      if (late) {
        timedOut++;
        close(relay);
      }
    }
  }, WATCH_INTERVAL_MS);
  Deno.unrefTimer(watch);

  const writeAll = async (conn: Deno.Conn, bytes: Uint8Array) => {
    let written = 0;
    while (written < bytes.length) written += await conn.write(bytes.subarray(written));
  };

  /** Client to server: follows the requests, so the watch knows each one's phase. */
  const fromClient = async (relay: Relay, server: Deno.Conn) => {
    const buffer = new Uint8Array(BUFFER_BYTES);
    while (true) {
      const n = await relay.client.read(buffer);
      if (n === null) {
        await server.closeWrite().catch(() => {});
        return;
      }
      const before = relay.framer.phase;
      const chunk = buffer.subarray(0, n);
      try {
        relay.framer.feed(chunk);
      } catch (error) {
        if (!(error instanceof FramingError)) throw error;
        await writeAll(
          relay.client,
          cannedAnswer(error.status, "Bad Request", `request: ${error.message}`),
        ).catch(() => {});
        close(relay);
        return;
      }
      const after = relay.framer.phase;
      const now = performance.now();
      relay.lastActivity = now;
      if (after !== before && (after === "head" || after === "body")) relay.phaseStart = now;
      if (before === "sent" && after === "head") relay.phaseStart = now;
      await writeAll(server, chunk);
    }
  };

  /** Server to client: each write has its deadline. */
  const fromServer = async (relay: Relay, server: Deno.Conn) => {
    const buffer = new Uint8Array(BUFFER_BYTES);
    while (true) {
      const n = await server.read(buffer);
      if (n === null) return;
      relay.writingSince = performance.now();
      if (relay.framer.phase === "sent") relay.framer.phase = "between";
      await writeAll(relay.client, buffer.subarray(0, n));
      relay.writingSince = undefined;
      relay.lastActivity = performance.now();
    }
  };

  const serve = async (client: Deno.Conn) => {
    const now = performance.now();
    const relay: Relay = {
      client,
      framer: new HttpRequestFramer(limits.maxHeaderBytes),
      gone: new AbortController(),
      lastActivity: now,
      phaseStart: now,
      closed: false,
    };
    relays.add(relay);
    try {
      const server = await upstream();
      relay.server = server;
      if (relay.closed) {
        server.close();
        return;
      }
      relay.serverSidePort = (server.localAddr as Deno.NetAddr).port;
      byServerSidePort.set(relay.serverSidePort, relay);
      const serverDone = fromServer(relay, server).then(() => "server" as const);
      const clientDone = fromClient(relay, server).then(() => "client" as const);
      serverDone.catch(() => {});
      clientDone.catch(() => {});
      // The client stopped sending (half-close): let the answer in flight finish.
      if (await Promise.race([serverDone, clientDone]) === "client") await serverDone;
    } catch (error) {
      // A reset or closed connection, or no descriptor for the server side.
      if (relay.server === undefined && !relay.closed) {
        if (!(error instanceof Deno.errors.ConnectionRefused)) outOfDescriptors(error);
        await writeAll(client, cannedAnswer(503, "Service Unavailable", "server busy"))
          .catch(() => {});
      }
    } finally {
      close(relay);
    }
  };

  const accept = async () => {
    let pausedAt = -Infinity;
    while (accepting) {
      if (relays.size >= cap) {
        pausedAtCap++;
        await new Promise<void>((resolve) => (slotFreed = resolve));
        slotFreed = undefined;
        continue;
      }
      let client: Deno.Conn;
      try {
        client = await listener.accept();
      } catch (error) {
        if (!accepting || error instanceof Deno.errors.BadResource) return;
        // Out of descriptors (EMFILE) or a transient error: pause, then try again.
        outOfDescriptors(error);
        const now = performance.now();
        if (now - pausedAt > 10_000) {
          log(`connections: cannot accept (${(error as Error).message}); pausing`);
          pausedAt = now;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      serve(client);
    }
  };
  accept();

  const stopAccepting = () => {
    if (!accepting) return;
    accepting = false;
    slotFreed?.();
    try {
      listener.close();
    } catch { /* already closed */ }
  };

  return {
    active: () => relays.size,
    counters: () => ({ timedOut, pausedAtCap, cap }),
    clientGone: (port) => byServerSidePort.get(port)?.gone.signal,
    stopAccepting,
    async drain(timeoutMs: number) {
      stopAccepting();
      const end = performance.now() + timeoutMs;
      while (relays.size > 0 && performance.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      this.close();
    },
    close() {
      stopAccepting();
      clearInterval(watch);
      for (const relay of [...relays]) close(relay);
    },
  };
}
