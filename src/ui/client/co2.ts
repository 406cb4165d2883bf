/// <reference lib="dom" />
document.querySelector("main")!.textContent = "CO2";
