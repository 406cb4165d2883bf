/**
 * A small helper to build DOM elements in the browser code.
 *
 * @module
 */
/// <reference lib="dom" />

/** Attributes and children of {@link h}. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element.
 *
 * @param tag The tag name.
 * @param attributes Attributes (`class`, `for`, `aria-*`, …); `on<event>` functions are listeners.
 * @param children Child nodes or text.
 * @returns The element.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, unknown> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value as EventListener);
    } else if (key === "value") {
      (element as HTMLInputElement).value = String(value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "number" ? String(child) : child);
  }
  return element;
}

/**
 * Offers a text as a file download.
 *
 * @param name The file name.
 * @param type Its MIME type.
 * @param text Its content.
 */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
