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
<html lang="en"><head><meta charset="utf-8"><title>${LANDING.name}</title></head>
<body>
<h1>Welcome to the CAiMIRA REST API</h1>
<h3><a href="/calculator">Open the calculator</a> (a form and report for people) ·
<a href="/calculator/co2">ventilation from CO2 measurements</a></h3>
<h4>${LANDING.description}, version ${VERSION}</h4>
<h4>Documentation: <a href="${DOCUMENTATION_URL}">${DOCUMENTATION_URL}</a></h4>
<h4>OpenAPI document: <a href="${LANDING.openapi}">${LANDING.openapi}</a>;
API page: <a href="${LANDING.docs}">${LANDING.docs}</a></h4>
</body></html>
`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
