import { findChromium, startBrowser } from "./_browser.ts";
import { referenceInput, startTestServer } from "./_server.ts";
const server = await startTestServer();
const b = await startBrowser(findChromium()!);
try {
  const { page, errors } = await b.page();
  await page.goto(`${server.url}/calculator/report?${new URLSearchParams(referenceInput("s3_mech_masks_shortrange") as Record<string, string>)}&seed=0`, { waitUntil: "networkidle0" });
  await new Promise((r) => setTimeout(r, 3000));
  console.log(errors, page.url());
  console.log((await page.$eval("main", (e) => e.innerText)).slice(0, 1500));
} finally { await b.close(); await server.shutdown(); }
