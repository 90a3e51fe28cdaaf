/**
 * The numeric flags of `npm run plan` and `npm run bench`, read one way so both commands
 * accept and refuse the same text with the same words.
 */

export type FlagNumber = { ok: true; value: number } | { ok: false; error: string };

/**
 * `--seed -1` read as `--seed=-1` (and `-s -1` as `-s-1`): node:util takes a value starting
 * with a dash for a flag and answers only "argument is ambiguous"; joined, the number check
 * below says what is wrong with the number. `numeric` names the flags that take numbers.
 */
export function joinNegativeNumbers(argv: readonly string[], numeric: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (numeric.includes(flag) && value !== undefined && /^-\.?\d/.test(value)) {
      out.push(flag.startsWith("--") ? `${flag}=${value}` : `${flag}${value}`);
      i++;
    } else {
      out.push(flag);
    }
  }
  return out;
}

/** A number the user typed: plain decimal only, so "5s" or "1e3" are refused rather than guessed. */
export function decimal(text: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;
}

/** `--time-limit` in seconds, above zero; absent gives `fallbackS`. */
export function timeLimitFlag(text: string | undefined, fallbackS: number): FlagNumber {
  if (text === undefined) return { ok: true, value: fallbackS };
  const n = decimal(text);
  if (n === undefined || n <= 0)
    return { ok: false, error: `--time-limit must be a positive number of seconds, got "${text}"` };
  return { ok: true, value: n };
}

/** `--seed`, a whole number >= 0; absent gives `fallback`. */
export function seedFlag(text: string | undefined, fallback: number): FlagNumber {
  if (text === undefined) return { ok: true, value: fallback };
  const n = decimal(text);
  if (n === undefined || !Number.isSafeInteger(n) || n < 0)
    return { ok: false, error: `--seed must be a whole number >= 0, got "${text}"` };
  return { ok: true, value: n };
}

/** `--threads`, a whole number from 1 to 64; absent gives `fallback`. */
export function threadsFlag(text: string | undefined, fallback: number): FlagNumber {
  if (text === undefined) return { ok: true, value: fallback };
  const n = decimal(text);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 64)
    return { ok: false, error: `--threads must be a whole number from 1 to 64, got "${text}"` };
  return { ok: true, value: n };
}

/** `--iterations` (`npm run bench`), a whole number >= 1; absent stays undefined: the time limit is the budget. */
export function iterationsFlag(text: string | undefined): FlagNumber | { ok: true; value: undefined } {
  if (text === undefined) return { ok: true, value: undefined };
  const n = decimal(text);
  if (n === undefined || !Number.isSafeInteger(n) || n < 1)
    return { ok: false, error: `--iterations must be a whole number >= 1, got "${text}"` };
  return { ok: true, value: n };
}
