// Times bpmn-moddle's fromXML over every .bpmn file under a folder (default
// ../../../shared/corpora/miwg), on one core, and prints MB/s of input.
// Usage: node bench.mjs [DIR]   (PETA_BENCH_SECS sets the time budget, default 3)
// The last line is machine-readable:
// RESULT files=… bytes=… moddle_mb_s=… failed=…
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? process.env.PETA_BENCH_DIR ?? join(here, '../../../shared/corpora/miwg');
const budgetMs = 1000 * Number(process.env.PETA_BENCH_SECS ?? 3);

function walk(d, out) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.bpmn')) out.push(p);
  }
  return out;
}

const paths = walk(dir, []);
if (paths.length === 0) {
  console.error(`SKIP: no .bpmn files under ${dir}`);
  process.exit(0);
}
// Same bytes as the Rust benchmark counts; moddle takes a string, so files
// are decoded as UTF-8 once, outside the timing (bpmn-moddle has no
// encoding support of its own).
const files = paths.map((p) => readFileSync(p));
const bytes = files.reduce((n, b) => n + b.length, 0);
const texts = files.map((b) => b.toString('utf8'));
const moddle = new BpmnModdle();

async function pass() {
  let failed = 0;
  for (const t of texts) {
    try {
      await moddle.fromXML(t);
    } catch {
      failed += 1;
    }
  }
  return failed;
}

const failed = await pass(); // warm-up (JIT)
let best = Infinity;
let runs = 0;
const start = performance.now();
while (runs < 3 || performance.now() - start < budgetMs) {
  const t = performance.now();
  await pass();
  best = Math.min(best, performance.now() - t);
  runs += 1;
}
const mbs = bytes / 1e6 / (best / 1000);
console.log(`bpmn-moddle fromXML, 1 core: ${mbs.toFixed(1)} MB/s (best of ${runs} passes: ${best.toFixed(0)} ms; ${paths.length} files, ${(bytes / 1e6).toFixed(2)} MB; ${failed} failed)`);
console.log(`RESULT files=${paths.length} bytes=${bytes} moddle_mb_s=${mbs.toFixed(1)} failed=${failed}`);
