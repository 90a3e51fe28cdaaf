/**
 * The flags of the data-writing scripts (`npm run demo:scenario`, `npm run national:scenario`):
 * a mistake in them is one line naming the flag and the usage on stderr, exit code 2, as
 * `npm run plan` answers, not a stack trace. Other errors still throw: they are bugs.
 */

/** A flag the script itself refuses (node:util refuses unknown ones with ERR_PARSE_ARGS_*). */
export class FlagError extends Error {}

export function flagsOrExit<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const e = error as Error & { code?: string };
    if (!(e instanceof FlagError) && !e.code?.startsWith("ERR_PARSE_ARGS")) throw error;
    // node:util's first sentence names the flag; the rest suggests what we print as usage.
    process.stderr.write(`error: ${e.message.split(/\.\s/)[0]}\n${usage}\n`);
    return process.exit(2);
  }
}

/** A whole-number flag, at least `least`; absent gives `fallback`. */
export function wholeFlag(name: string, text: string | undefined, fallback: number, least: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < least)
    throw new FlagError(`--${name} must be a whole number >= ${least}, got "${text}"`);
  return n;
}
