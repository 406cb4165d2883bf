/**
 * The reference's registry and vaccine tables as JSON (reference_registry.json, see its
 * "source" field: CAiMIRA e624bcf3, `DataRegistry().to_dict()` and the vaccine tables of
 * `models/data/__init__.py`, dumped with Python's json module).
 */
export interface ReferenceFixture {
  readonly source: string;
  readonly data_registry: Record<string, unknown>;
  readonly vaccine_primary_host_immunity: Record<string, number>;
  readonly vaccine_booster_host_immunity: ReadonlyArray<Record<string, string | number>>;
}

/** Reads reference_registry.json. */
export async function readReferenceFixture(): Promise<ReferenceFixture> {
  return JSON.parse(
    await Deno.readTextFile(new URL("./reference_registry.json", import.meta.url)),
  );
}
