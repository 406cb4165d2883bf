/**
 * A headless Chromium for the browser tests, driven through `puppeteer-core`.
 *
 * Chromium is Debian's (`apt-get install chromium`; `.ci/run` installs it): this module
 * starts it with a DevTools port chosen by the browser, reads the WebSocket address it
 * prints, and connects. Starting it ourselves (rather than `puppeteer.launch`) keeps the
 * tests within `--allow-run --allow-net=127.0.0.1` (no temporary profile written by Deno).
 *
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/** Where Debian (and most distributions) put Chromium; `CHROMIUM` overrides. */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Longest wait for the browser to start, for a page to load or for an element, ms. */
export const WAIT_MS = 60_000;

/**
 * The Chromium executable, or undefined when none is installed.
 *
 * @returns Its path.
 */
export function findChromium(): string | undefined {
  const explicit = Deno.env.get("CHROMIUM");
  for (const path of explicit ? [explicit] : CANDIDATES) {
    try {
      if (Deno.statSync(path).isFile) return path;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** A running headless browser. */
export interface HeadlessBrowser {
  readonly browser: Browser;
  /** Opens a page at 1280 × 900 (or the given width) with console errors collected. */
  page(width?: number): Promise<{ page: Page; errors: string[] }>;
  /** Closes the browser and ends its process. */
  close(): Promise<void>;
}

async function readDevToolsUrl(stderr: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stderr.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const timer = new Promise<never>((_, reject) => {
    timeout = setTimeout(
      () => reject(new Error(`chromium did not start within ${WAIT_MS} ms: ${text}`)),
      WAIT_MS,
    );
  });
  const read = async () => {
    while (true) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`chromium exited before it listened: ${text}`);
      text += decoder.decode(value, { stream: true });
      const match = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        // Keep draining stderr so the browser never blocks on a full pipe.
        (async () => {
          while (!(await reader.read()).done) { /* drain */ }
        })().catch(() => {});
        return match[1];
      }
    }
  };
  try {
    return await Promise.race([read(), timer]);
  } finally {
    clearTimeout(timeout);
  }
}

/**
 * Starts headless Chromium and connects to it.
 *
 * @param executable The Chromium executable.
 * @returns The browser; close it in a `finally`.
 */
export async function startBrowser(executable: string): Promise<HeadlessBrowser> {
  const child = new Deno.Command(executable, {
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--no-default-browser-check",
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      "about:blank",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let browser: Browser;
  try {
    const endpoint = await readDevToolsUrl(child.stderr);
    browser = await puppeteer.connect({ browserWSEndpoint: endpoint, defaultViewport: null });
  } catch (error) {
    child.kill("SIGKILL");
    await child.status;
    throw error;
  }
  return {
    browser,
    async page(width = 1280) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(String(error)));
      return { page, errors };
    },
    async close() {
      try {
        await browser.close();
      } catch {
        // already gone
      }
      try {
        child.kill("SIGKILL");
      } catch {
        // already exited
      }
      await child.status;
    },
  };
}
