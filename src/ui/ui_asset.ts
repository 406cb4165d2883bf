/**
 * One bundled browser asset of the web calculator.
 *
 * @module
 */

/** A file served under `/calculator/assets/`. */
export interface UiAsset {
  /** Its `Content-Type`. */
  readonly type: string;
  /** Its text. */
  readonly body: string;
}
