/**
 * The small schema toolkit the forms and the registry are read with (internal):
 * schemas that parse one value, report every problem as an {@link Issue} with its path,
 * and compose (objects, lists, records, unions, pipes, checks, transforms).
 *
 * The forms are on the path of every report, so they do not load a general validation
 * library (zod, which they used before, added about 10 MB to every process and thread
 * that imports them, and 490 kB to the calculator's script). This file keeps to what the
 * form tables and the registry need, with zod 4's rules for when a check runs and how a
 * union reports:
 *
 * - An issue either lets later checks of the same value run (`continue: true`: a failed
 *   check or refinement) or stops them (a wrong type, a failed transform, `abort`).
 * - A pipe stops at any issue of its first schema, except unknown keys.
 * - A union takes the first option that passes; otherwise the issues of the only option
 *   whose type matched, if exactly one did; otherwise one issue with the union's
 *   message.
 *
 * Every message is a phrase that starts with "expected …"; the callers add "but found
 * …" (`forms/_issues.ts`, `registry/_issues.ts`).
 *
 * @module
 */

/** A problem found in a value. */
export interface Issue {
  /** What kind of problem (`unrecognized_keys` lists the keys in {@link Issue.keys}). */
  readonly code:
    | "custom"
    | "invalid_type"
    | "invalid_value"
    | "invalid_union"
    | "too_small"
    | "too_big"
    | "unrecognized_keys";
  /** Where the value is inside the parsed one (keys and indices). */
  path: PropertyKey[];
  /** The problem, as a phrase that starts with "expected …". */
  readonly message: string;
  /** The value the problem is about. */
  readonly input: unknown;
  /** The unknown keys, for `unrecognized_keys`. */
  readonly keys?: readonly string[];
  /** Whether later checks of the same value still run. */
  readonly continue?: boolean;
}

/** A value being parsed, with the issues found so far. */
export interface Payload<T = unknown> {
  /** The value (the input, then what the schemas made of it). */
  value: T;
  /** The issues found so far. */
  readonly issues: Issue[];
  /** Set by a pipe that stopped: nothing more is done with the value. */
  aborted?: boolean;
}

/** An issue as a check or transform adds it (path and input default to the value's). */
export interface NewIssue {
  /** The problem. */
  readonly message: string;
  /** Where, relative to the value checked. */
  readonly path?: readonly PropertyKey[];
  /** The value the problem is about (default: the value checked). */
  readonly input?: unknown;
  /** Stop later checks of the value. */
  readonly abort?: boolean;
}

/** What a check or a transform receives besides the value. */
export interface Context {
  /** Adds an issue. */
  addIssue(issue: NewIssue): void;
}

/** Returned by a transform that added an issue: the value is not used. */
export const NEVER: never = Object.freeze({ never: true }) as never;

/** The result of {@link Schema.safeParse}. */
export type ParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly Issue[] };

/** The output type of a schema. */
export type Output<S extends Schema<unknown>> = S extends Schema<infer O> ? O : never;

type Parse = (payload: Payload) => Payload;
type Check = (payload: Payload) => void;

/** Whether an issue from index `from` on stops later checks. */
function aborted(payload: Payload, from = 0): boolean {
  if (payload.aborted === true) return true;
  for (let i = from; i < payload.issues.length; i++) {
    if (payload.issues[i].continue !== true) return true;
  }
  return false;
}

function contextOf(payload: Payload, continues: boolean): Context {
  return {
    addIssue: (issue) =>
      payload.issues.push({
        code: "custom",
        path: [...(issue.path ?? [])],
        message: issue.message,
        input: "input" in issue ? issue.input : payload.value,
        continue: issue.abort === true ? false : continues,
      }),
  };
}

/** Prefixes the paths of `from` with `key` and adds them to `to`. */
function addPrefixed(to: Issue[], from: readonly Issue[], key: PropertyKey): void {
  for (const issue of from) {
    issue.path.unshift(key);
    to.push(issue);
  }
}

/** A schema: parses a value into an output of type `O`, or reports issues. */
export class Schema<O> {
  /** The output type (for {@link Output}; never set). */
  declare readonly output: O;
  readonly #parse: Parse;
  readonly #checks: readonly Check[];

  /**
   * @param parse Reads the payload's value, replacing it by the output or adding issues.
   * @param checks Run after `parse`, in order, until an issue stops them.
   */
  constructor(parse: Parse, checks: readonly Check[] = []) {
    this.#parse = parse;
    this.#checks = checks;
  }

  /** Parses `payload` in place (its issues are added to). */
  run(payload: Payload): Payload {
    const result = this.#parse(payload);
    let stopped = this.#checks.length > 0 && aborted(result);
    for (const check of this.#checks) {
      if (stopped) break;
      const before = result.issues.length;
      check(result);
      stopped = result.issues.length !== before && aborted(result, before);
    }
    return result;
  }

  /** Parses `input`: the output, or every issue found. */
  safeParse(input: unknown): ParseResult<O> {
    const result = this.run({ value: input, issues: [] });
    return result.issues.length === 0
      ? { success: true, data: result.value as O }
      : { success: false, issues: result.issues };
  }

  /** This schema with one more check (run on the output). */
  check(check: (payload: Payload<O>) => void): Schema<O> {
    return new Schema(this.#parse, [...this.#checks, check as Check]);
  }

  /** Adds an issue with `message` when `test` is false (later checks still run). */
  refine(test: (value: O) => boolean, message: string): Schema<O> {
    return this.check((p) => {
      if (!test(p.value)) {
        p.issues.push({ code: "custom", path: [], message, input: p.value, continue: true });
      }
    });
  }

  /** Runs `check`, which adds issues through the context (later checks still run). */
  superRefine(check: (value: O, ctx: Context) => void): Schema<O> {
    return this.check((p) => check(p.value, contextOf(p, true)));
  }

  /** Parses this schema's output with `next`, unless this one found an issue. */
  pipe<N>(next: Schema<N>): Schema<N> {
    return new Schema((payload) => {
      const left = this.run(payload);
      if (left.issues.some((issue) => issue.code !== "unrecognized_keys")) {
        left.aborted = true;
        return left;
      }
      return next.run(left);
    });
  }

  /** Maps the output with `fn`; an issue added by `fn` stops what follows. */
  transform<N>(fn: (value: O, ctx: Context) => N): Schema<N> {
    return this.pipe(transform(fn as (value: unknown, ctx: Context) => N));
  }

  /** Accepts `undefined` as itself. */
  optional(): Schema<O | undefined> {
    return new Schema((p) => (p.value === undefined ? p : this.run(p)));
  }

  /** Accepts `null` as itself. */
  nullable(): Schema<O | null> {
    return new Schema((p) => (p.value === null ? p : this.run(p)));
  }

  /** Parses `value` in place of `undefined`. */
  prefault(value: unknown): Schema<O> {
    return new Schema((p) => {
      if (p.value === undefined) p.value = value;
      return this.run(p);
    });
  }

  /** Adds an issue when a list has fewer than `n` items. */
  min(this: Schema<readonly unknown[]>, n: number, message: string): Schema<O> {
    return this.refine((v) => v.length >= n, message) as Schema<O>;
  }

  /** Adds an issue when a list has more than `n` items. */
  max(this: Schema<readonly unknown[]>, n: number, message: string): Schema<O> {
    return this.refine((v) => v.length <= n, message) as Schema<O>;
  }
}

/** A schema that maps any value with `fn` (see {@link Schema.transform}). */
export function transform<N>(fn: (value: unknown, ctx: Context) => N): Schema<N> {
  return new Schema((p) => {
    p.value = fn(p.value, contextOf(p, false));
    return p;
  });
}

/** Maps the input with `fn` before parsing it with `schema`. */
export function preprocess<O>(fn: (value: unknown) => unknown, schema: Schema<O>): Schema<O> {
  return transform(fn).pipe(schema);
}

/** Adds a type issue (which stops later checks). */
function typeIssue(p: Payload, message: string, code: Issue["code"] = "invalid_type"): Payload {
  p.issues.push({ code, path: [], message, input: p.value });
  return p;
}

/** Any value, as it is. */
export function unknown(): Schema<unknown> {
  return new Schema((p) => p);
}

/**
 * A value read by `read`, which returns the output or adds issues through the context
 * (and then returns {@link NEVER}); its issues stop later checks.
 */
export function custom<O>(read: (value: unknown, ctx: Context) => O): Schema<O> {
  return transform(read);
}

/** A finite number. */
export function number(message: string): Schema<number> {
  return new Schema((p) =>
    typeof p.value === "number" && Number.isFinite(p.value) ? p : typeIssue(p, message)
  );
}

/** A string. */
export function string(message: string): Schema<string> {
  return new Schema((p) => (typeof p.value === "string" ? p : typeIssue(p, message)));
}

/** Exactly `value`. */
export function literal<const T>(value: T, message: string): Schema<T> {
  return new Schema((p) => (p.value === value ? p : typeIssue(p, message, "invalid_value")));
}

/** One of `values`, spelled exactly. */
export function enumOf<const T extends readonly string[]>(
  values: T,
  message: string,
): Schema<T[number]> {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return new Schema((p) => (allowed.has(p.value) ? p : typeIssue(p, message, "invalid_value")));
}

/** The first of `options` that accepts the value (see the module's rules). */
export function union<const S extends readonly Schema<unknown>[]>(
  options: S,
  message: string,
): Schema<Output<S[number]>> {
  return new Schema((p) => {
    const results: Payload[] = [];
    for (const option of options) {
      const result = option.run({ value: p.value, issues: [] });
      if (result.issues.length === 0) {
        p.value = result.value;
        return p;
      }
      results.push(result);
    }
    const typed = results.filter((r) => !aborted(r));
    if (typed.length === 1) {
      p.value = typed[0].value;
      p.issues.push(...typed[0].issues);
      return p;
    }
    return typeIssue(p, message, "invalid_union");
  });
}

/** Whether `value` is an object that is not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list whose items are parsed by `item`. */
export function array<O>(item: Schema<O>, message: string): Schema<O[]> {
  return new Schema((p) => {
    const input = p.value;
    if (!Array.isArray(input)) return typeIssue(p, message);
    const out: O[] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const result = item.run({ value: input[i], issues: [] });
      addPrefixed(p.issues, result.issues, i);
      out[i] = result.value as O;
    }
    p.value = out;
    return p;
  });
}

/** Messages of {@link boundedArray}. */
export interface BoundedArrayMessages {
  /** When the value is not a list. */
  readonly notList: string;
  /** When it has more than the maximum of items. */
  readonly tooMany: string;
}

/**
 * A list of at most `max` items parsed by `item`: the length is checked first, so a huge
 * list is refused with one issue before any of its items is parsed.
 */
export function boundedArray<O>(
  item: Schema<O>,
  max: number,
  messages: BoundedArrayMessages,
): Schema<O[]> {
  return array(unknown(), messages.notList)
    .max(max, messages.tooMany)
    .pipe(array(item, messages.notList));
}

/** A plain object (prototype `Object.prototype` or null) whose values `value` parses. */
export function record<O>(value: Schema<O>, message: string): Schema<Record<string, O>> {
  return new Schema((p) => {
    const input = p.value;
    const proto = isObject(input) ? Object.getPrototypeOf(input) : undefined;
    if (proto !== Object.prototype && proto !== null) return typeIssue(p, message);
    const out: Record<string, O> = {};
    for (const key of Object.keys(input as object)) {
      if (key === "__proto__") continue;
      const result = value.run({ value: (input as Record<string, unknown>)[key], issues: [] });
      addPrefixed(p.issues, result.issues, key);
      out[key] = result.value as O;
    }
    p.value = out;
    return p;
  });
}

/** The schemas of an object's keys. */
export type Shape = { readonly [key: string]: Schema<unknown> };

/** The output of an object of `shape`; keys whose output may be `undefined` are optional. */
export type ObjectOutput<T extends Shape> =
  & { [K in keyof T as undefined extends Output<T[K]> ? never : K]: Output<T[K]> }
  & { [K in keyof T as undefined extends Output<T[K]> ? K : never]?: Output<T[K]> };

/** Messages of an object schema. */
export interface ObjectMessages {
  /** When the value is not an object. */
  readonly notObject: string;
  /** For unknown keys (a strict object): listed in the issue's `keys`. */
  readonly unknownKeys?: string;
}

/**
 * An object with the keys of `shape`, each parsed by its schema; unknown keys are
 * dropped, or reported in one `unrecognized_keys` issue (which lets checks run) when
 * `messages.unknownKeys` is given.
 */
export function object<const T extends Shape>(
  shape: T,
  messages: ObjectMessages,
): Schema<ObjectOutput<T>> {
  const keys = Object.keys(shape).filter((key) => key !== "__proto__");
  const known: ReadonlySet<string> = new Set(keys);
  return new Schema((p) => {
    const input = p.value;
    if (!isObject(input)) return typeIssue(p, messages.notObject);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const result = shape[key].run({ value: input[key], issues: [] });
      addPrefixed(p.issues, result.issues, key);
      if (result.value !== undefined || key in input) out[key] = result.value;
    }
    if (messages.unknownKeys !== undefined) {
      const unknownKeys: string[] = [];
      for (const key in input) if (!known.has(key)) unknownKeys.push(key);
      if (unknownKeys.length > 0) {
        p.issues.push({
          code: "unrecognized_keys",
          path: [],
          message: messages.unknownKeys,
          input,
          keys: unknownKeys,
          continue: true,
        });
      }
    }
    p.value = out;
    return p;
  });
}

/** Messages of {@link discriminated}. */
export interface DiscriminatedMessages {
  /** When the value is not an object. */
  readonly notObject: string;
  /** When the key's value names no option (reported at the key). */
  readonly unknownOption: string;
}

/** An object parsed by the option that the value of its `key` names. */
export function discriminated<const T extends { readonly [value: string]: Schema<unknown> }>(
  key: string,
  options: T,
  messages: DiscriminatedMessages,
): Schema<Output<T[keyof T]>> {
  return new Schema((p) => {
    if (!isObject(p.value)) return typeIssue(p, messages.notObject);
    const name = p.value[key];
    if (typeof name !== "string" || !Object.hasOwn(options, name)) {
      p.issues.push({
        code: "invalid_value",
        path: [key],
        message: messages.unknownOption,
        input: name,
      });
      return p;
    }
    return options[name].run(p);
  });
}
