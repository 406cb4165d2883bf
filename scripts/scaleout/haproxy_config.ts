/**
 * The HAProxy configuration of `deno task scaleout`: one frontend on loopback, the
 * replicas as one backend with health checks on `GET /health`, a request per report
 * worker (the rest queued in HAProxy), and retries elsewhere when a replica cannot be
 * reached.
 *
 * @module
 */

/** Where everything listens (all on 127.0.0.1) and how hard to check. */
export interface HaproxyConfigOptions {
  /** Port of the frontend (the clients' address). */
  readonly frontendPort: number;
  /** Ports of the replicas, named r1, r2, ... in this order. */
  readonly replicaPorts: readonly number[];
  /** Port of the admin socket (TCP, level admin: `show stat`, `set server`). */
  readonly adminPort: number;
  /** Requests sent to one replica at a time (its report workers). */
  readonly maxconnPerReplica: number;
  /** Interval of the health checks, ms (a replica is out after 2 failed checks). */
  readonly checkIntervalMs: number;
}

/**
 * The configuration text.
 *
 * @param options Ports, per-replica concurrency, check interval.
 * @returns The haproxy.cfg text.
 */
export function haproxyConfig(options: HaproxyConfigOptions): string {
  const servers = options.replicaPorts.map((port, i) => `  server r${i + 1} 127.0.0.1:${port}`);
  return `global
  maxconn 1024
  log stderr format raw local0 err
  stats socket ipv4@127.0.0.1:${options.adminPort} level admin

defaults
  mode http
  log global
  option httplog
  option dontlog-normal
  timeout connect 2s
  timeout client 180s
  timeout server 180s
  timeout queue 120s
  # A request that could not reach a replica (refused, reset, closed without an answer,
  # or 503 while it shuts down) goes to another one.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response 503

frontend caimira
  bind 127.0.0.1:${options.frontendPort}
  default_backend replicas

backend replicas
  balance leastconn
  option httpchk GET /health
  http-check expect status 200
  # One request per report worker; HAProxy queues the rest. A replica that refuses a
  # connection (its listener closed: it is shutting down) is marked down at once,
  # without waiting for two failed health checks, so the retries go elsewhere.
  default-server check inter ${options.checkIntervalMs}ms fall 2 rise 2 maxconn ${options.maxconnPerReplica} observe layer4 error-limit 1 on-error mark-down
${servers.join("\n")}
`;
}
