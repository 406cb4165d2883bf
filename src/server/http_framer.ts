/**
 * Follows the requests in a client's HTTP/1.x byte stream, just far enough to know what
 * the client is doing: between requests, sending a request's head, sending its body
 * (`Content-Length` or chunked), or done sending (waiting for the answer). The
 * connection guard uses it to give each phase its own deadline. It never changes the
 * bytes; the HTTP server behind the guard parses them for real.
 *
 * @module
 */

/** What the client is doing. */
export type ClientPhase = "between" | "head" | "body" | "sent";

/** A client stream that cannot be HTTP/1.x (the guard answers it and closes). */
export class FramingError extends Error {
  /** The HTTP status to answer with. */
  readonly status: 400 | 431;

  /**
   * Creates the error.
   *
   * @param status The status to answer with.
   * @param message What is wrong.
   */
  constructor(status: 400 | 431, message: string) {
    super(message);
    this.name = "FramingError";
    this.status = status;
  }
}

const CR = 13;
const LF = 10;

/** The body's framing after a head. */
type BodyFraming =
  | { readonly kind: "length"; remaining: number }
  | {
    readonly kind: "chunked";
    /** Where in the chunked encoding the stream is. */
    state: "size" | "data" | "data-crlf" | "trailer";
    /** Bytes of the current chunk left (state "data"), or of CRLF (state "data-crlf"). */
    remaining: number;
    /** The current line (size line or trailer line), bounded. */
    line: number[];
  };

/**
 * A framer for one connection's client-to-server bytes.
 *
 * @example Usage
 * ```ts
 * import { HttpRequestFramer } from "./http_framer.ts";
 * const framer = new HttpRequestFramer(16384);
 * framer.feed(new TextEncoder().encode("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{"));
 * console.assert(framer.phase === "body");
 * framer.feed(new TextEncoder().encode("}"));
 * console.assert(framer.phase === "sent");
 * ```
 */
export class HttpRequestFramer {
  /** What the client is doing now. */
  phase: ClientPhase = "between";
  /** Requests completely sent so far. */
  requests = 0;
  readonly #maxHeadBytes: number;
  #head: number[] = [];
  #body: BodyFraming | undefined;

  /**
   * Creates a framer.
   *
   * @param maxHeadBytes Largest request head (request line and headers), bytes.
   */
  constructor(maxHeadBytes: number) {
    this.#maxHeadBytes = maxHeadBytes;
  }

  /**
   * Follows the next bytes of the stream.
   *
   * @param bytes Bytes from the client, in order.
   * @throws {FramingError} On a head over the limit, or a body length or chunk size that
   *   cannot be read.
   */
  feed(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      if (this.phase === "between" || this.phase === "sent") {
        // Blank lines between requests are allowed (RFC 9112 §2.2).
        if (this.#head.length === 0 && (bytes[i] === CR || bytes[i] === LF)) {
          i++;
          continue;
        }
        this.phase = "head";
      }
      if (this.phase === "head") {
        i = this.#feedHead(bytes, i);
      } else {
        i = this.#feedBody(bytes, i);
      }
    }
  }

  #feedHead(bytes: Uint8Array, start: number): number {
    const head = this.#head;
    for (let i = start; i < bytes.length; i++) {
      head.push(bytes[i]);
      const n = head.length;
      if (n >= 4 && head[n - 1] === LF && head[n - 2] === CR && head[n - 3] === LF) {
        this.#startBody(String.fromCharCode(...head));
        this.#head = [];
        return i + 1;
      }
      if (n > this.#maxHeadBytes) {
        throw new FramingError(431, `request head over ${this.#maxHeadBytes} bytes`);
      }
    }
    return bytes.length;
  }

  #startBody(head: string): void {
    const chunked = /^transfer-encoding:[^\r]*\bchunked\b/im.test(head);
    const length = /^content-length:\s*([^\r]*)/im.exec(head)?.[1].trim();
    if (chunked) {
      this.#body = { kind: "chunked", state: "size", remaining: 0, line: [] };
    } else if (length !== undefined) {
      if (!/^\d{1,15}$/.test(length)) {
        throw new FramingError(
          400,
          `invalid Content-Length ${JSON.stringify(length.slice(0, 20))}`,
        );
      }
      this.#body = { kind: "length", remaining: Number(length) };
    } else {
      this.#body = { kind: "length", remaining: 0 };
    }
    this.phase = "body";
    if (this.#body.kind === "length" && this.#body.remaining === 0) this.#endRequest();
  }

  #endRequest(): void {
    this.#body = undefined;
    this.phase = "sent";
    this.requests++;
  }

  #feedBody(bytes: Uint8Array, start: number): number {
    const body = this.#body!;
    if (body.kind === "length") {
      const take = Math.min(body.remaining, bytes.length - start);
      body.remaining -= take;
      if (body.remaining === 0) this.#endRequest();
      return start + take;
    }
    let i = start;
    while (i < bytes.length && this.phase === "body") {
      if (body.state === "data") {
        const take = Math.min(body.remaining, bytes.length - i);
        body.remaining -= take;
        i += take;
        if (body.remaining === 0) {
          body.state = "data-crlf";
          body.remaining = 2;
        }
      } else if (body.state === "data-crlf") {
        body.remaining--;
        i++;
        if (body.remaining === 0) body.state = "size";
      } else {
        const byte = bytes[i++];
        if (byte !== LF) {
          if (body.line.length < 1024) body.line.push(byte);
          continue;
        }
        const line = String.fromCharCode(...body.line).replace(/\r$/, "");
        body.line = [];
        if (body.state === "trailer") {
          if (line === "") this.#endRequest();
          continue;
        }
        const size = /^([0-9a-fA-F]{1,12})(?:;.*)?$/.exec(line.trim())?.[1];
        if (size === undefined) {
          throw new FramingError(400, `invalid chunk size ${JSON.stringify(line.slice(0, 20))}`);
        }
        body.remaining = parseInt(size, 16);
        body.state = body.remaining === 0 ? "trailer" : "data";
      }
    }
    return i;
  }
}
