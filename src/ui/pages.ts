/**
 * The HTML pages of the web calculator: a shell each (header, navigation, a `<main>`
 * the page's script fills in, a message for browsers without JavaScript). The form,
 * the report and the CO2 workflow are drawn by the bundled scripts (`client/`), which
 * talk to the REST API only.
 *
 * @module
 */
import { VERSION } from "../version.ts";

/** Where the bundled assets are served. */
export const ASSETS_PATH = "/calculator/assets";

/** The pages of the calculator. */
export type CalculatorPage = "calculator" | "co2";

const TITLES: Readonly<Record<CalculatorPage, string>> = {
  calculator: "CAiMIRA calculator: airborne infection risk",
  co2: "CAiMIRA: ventilation from CO2 measurements",
};

const SCRIPTS: Readonly<Record<CalculatorPage, string>> = {
  calculator: "calculator.js",
  co2: "co2.js",
};

/**
 * One page of the calculator.
 *
 * @param page Which page.
 * @returns The HTML document.
 */
export function calculatorPage(page: CalculatorPage): string {
  const current = (p: CalculatorPage) => (p === page ? ' aria-current="page"' : "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[page]}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_PATH}/calculator.css">
<script type="module" src="${ASSETS_PATH}/${SCRIPTS[page]}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="/">CAiMIRA<span> · airborne infection risk</span></a>
  <nav aria-label="Main">
    <a href="/calculator"${current("calculator")}>Calculator</a>
    <a href="/calculator/co2"${current("co2")}>CO2 sensor fit</a>
    <a href="/openapi.json">API</a>
  </nav>
</header>
<main id="main" tabindex="-1" data-page="${page}">
<noscript><p class="error">This calculator needs JavaScript. The same model is available
without it through the REST API (<a href="/openapi.json">OpenAPI document</a>).</p></noscript>
<p class="loading" aria-live="polite">Loading…</p>
</main>
<footer class="site">caimira-ts ${VERSION}, a TypeScript implementation of
<a href="https://caimira.docs.cern.ch/">CAiMIRA</a> (CERN Airborne Infection Risk Model).
</footer>
</body>
</html>
`;
}
