/** `npx tsx bench/results-markdown.ts bench/results/DATE.json`: the Markdown for BENCHMARKS.md. */
import { readFileSync } from "node:fs";
import { type ResultsRecord, resultsMarkdown } from "./score/results-markdown.js";

const path = process.argv[2];
if (!path) {
  process.stderr.write("usage: npx tsx bench/results-markdown.ts bench/results/DATE.json\n");
  process.exitCode = 2;
} else {
  process.stdout.write(resultsMarkdown(JSON.parse(readFileSync(path, "utf8")) as ResultsRecord));
}
