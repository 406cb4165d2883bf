import { strictEqual, throws } from "node:assert/strict";
import { FramingError, HttpRequestFramer } from "../../src/server/http_framer.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

Deno.test("HttpRequestFramer follows heads, sized bodies and pipelined requests byte by byte", () => {
  const framer = new HttpRequestFramer(1024);
  const stream = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" +
    "POST /r HTTP/1.1\r\ncontent-length: 5\r\n\r\nhello" +
    "\r\nGET / HTTP/1.1\r\n\r\n";
  const phases: string[] = [];
  for (const b of bytes(stream)) {
    framer.feed(new Uint8Array([b]));
    if (phases[phases.length - 1] !== framer.phase) phases.push(framer.phase);
  }
  strictEqual(phases.join(","), "head,sent,head,body,sent,head,sent");
  strictEqual(framer.requests, 3);
});

Deno.test("HttpRequestFramer follows chunked bodies with extensions and trailers", () => {
  const framer = new HttpRequestFramer(1024);
  framer.feed(bytes("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhel"));
  strictEqual(framer.phase, "body");
  framer.feed(bytes("lo\r\n0\r\nTrailer: 1\r\n"));
  strictEqual(framer.phase, "body");
  framer.feed(bytes("\r\n"));
  strictEqual(framer.phase, "sent");
});

Deno.test("HttpRequestFramer refuses a head over the limit and unreadable lengths", () => {
  throws(() => new HttpRequestFramer(64).feed(bytes(`GET /${"a".repeat(100)}`)), FramingError);
  throws(
    () => new HttpRequestFramer(1024).feed(bytes("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")),
    /invalid Content-Length/,
  );
  throws(
    () =>
      new HttpRequestFramer(1024).feed(
        bytes("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
      ),
    /invalid chunk size/,
  );
});
