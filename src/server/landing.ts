/**
 * `GET /`: name, version and links (the reference's `LandingPageHandler`), as HTML for
 * browsers and JSON for everything else.
 *
 * @module
 */
import { VERSION } from "../version.ts";

/** Where the model is documented (the reference's documentation). */
export const DOCUMENTATION_URL = "https://caimira.docs.cern.ch/";

/** The landing data. */
export const LANDING = Object.freeze({
  name: "caimira-ts",
  description: "CAiMIRA (CERN Airborne Infection Risk Model) REST API in TypeScript",
  version: VERSION,
  documentation: DOCUMENTATION_URL,
  openapi: "/openapi.json",
  docs: "/docs",
  calculator: "/calculator",
  routes: ["/virus/report", "/report", "/co2/transition_times", "/co2/report", "/health"],
});

/**
 * The landing page.
 *
 * @param accept The request's `Accept` header.
 * @returns HTML when the client asks for it, JSON otherwise.
 */
export function landing(accept: string | undefined): Response {
  if (!(accept ?? "").includes("text/html")) return Response.json(LANDING);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${LANDING.name}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
a { color: #0b4f8a; }
li { margin: 0.4rem 0; }
.muted { color: #555; }
</style></head>
<body>
<h1>CAiMIRA: airborne infection risk</h1>
<p>${LANDING.description}, version ${VERSION}.</p>
<ul>
<li><a href="/calculator">Open the calculator</a>: a form and a report for people</li>
<li><a href="/calculator/co2">Ventilation from CO2 measurements</a></li>
<li><a href="${LANDING.docs}">API page</a> and the <a href="${LANDING.openapi}">OpenAPI document</a></li>
<li><a href="${DOCUMENTATION_URL}">Documentation of the model</a> (CERN)</li>
</ul>
<p class="muted">Routes: ${LANDING.routes.join(", ")}.</p>
</body></html>
`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
