/**
 * One-dimensional bin-packing readers: the OR-Library file (many instances: the count,
 * then per instance `name`, `capacity items best`, one size per line) and the BPPLIB file
 * (one instance: items, capacity, one size per line; CRLF line ends). Sizes stay as
 * written (the triplet sets carry one decimal); the converter decides how to scale.
 */

export interface BinPackingInstance {
  name: string;
  capacity: number;
  sizes: number[];
  /** the optimum the file states, when it states one (OR-Library `best`) */
  statedOptimum?: number;
}

function tokens(text: string): string[] {
  return text.split(/\s+/).filter((t) => t !== "");
}

function positive(source: string, token: string | undefined, what: string): number {
  const value = Number(token);
  if (token === undefined || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${source}: ${what} must be a number > 0, got "${token ?? "(end of file)"}"`);
  }
  return value;
}

function count(source: string, token: string | undefined, what: string): number {
  const value = positive(source, token, what);
  if (!Number.isInteger(value)) throw new Error(`${source}: ${what} must be a whole number, got "${token}"`);
  return value;
}

export function parseOrLibraryBinPacking(text: string, source = "file"): BinPackingInstance[] {
  const t = tokens(text);
  let at = 0;
  const instances = count(source, t[at++], "number of instances");
  const out: BinPackingInstance[] = [];
  for (let i = 0; i < instances; i++) {
    const name = t[at++];
    if (name === undefined) throw new Error(`${source}: ${instances} instances announced, only ${i} found`);
    const where = `${source} ${name}`;
    const capacity = positive(where, t[at++], "capacity");
    const items = count(where, t[at++], "number of items");
    const statedOptimum = count(where, t[at++], "best");
    const sizes: number[] = [];
    for (let k = 0; k < items; k++) sizes.push(positive(where, t[at++], `size of item ${k + 1}`));
    out.push({ name, capacity, sizes, statedOptimum });
  }
  if (at !== t.length) throw new Error(`${source}: unexpected data after the last instance ("${t[at]}")`);
  return out;
}

export function parseBppLibInstance(text: string, name: string, source = name): BinPackingInstance {
  const t = tokens(text);
  const items = count(source, t[0], "number of items");
  const capacity = positive(source, t[1], "capacity");
  if (t.length !== items + 2)
    throw new Error(`${source}: ${items} items announced, ${t.length - 2} sizes found`);
  const sizes = t.slice(2).map((token, k) => positive(source, token, `size of item ${k + 1}`));
  return { name, capacity, sizes };
}
