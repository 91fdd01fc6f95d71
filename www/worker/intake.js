// Intake: files into the corpus and the store. Reads files a few ahead, hands their bytes to
// the core, and saves them in batches (one IndexedDB transaction per batch); an article is
// reported (in PROGRESS and in the returned report) only after its file is saved. Also here:
// the read gate (no search sees an article that is not yet saved), storage-full handling,
// the demo articles, and the ADD_FILES jobs whose files arrive in chunks.
import { w, idOf, hashOf, applyOutlets, summary, emptyReport, noteGeneration, saveSnapshot, progress, fatal, note, messageOf } from './state.js';
import { useFullBuild } from './build.js';

/** Progress events are posted at most this often while files are read. */
export const PROGRESS_EVERY_MS = 100;
/** A batch of added files is saved in one transaction after this much work or this many files. */
const BATCH_MS = 60;
const BATCH_FILES = 250;
/** Files read ahead of the one being added. */
const READ_AHEAD = 16;

/**
 * Reads, adds and saves files in batches. `files`: `[{name, blob? | bytes?, removed?: [hash],
 * outlets?: {hash: name}, error?}]`; `bytes` may be a promise. `more()`: resolves when more of `total` files arrive.
 */
export async function addFiles(files, { origin = 'upload', phase = 'add', total = files.length, more = null, job = null } = {}) {
  const epoch = w.cancelEpoch;
  const report = emptyReport(total);
  const reads = new Map();
  const readAt = (j) => {
    if (j >= files.length || reads.has(j)) return;
    const f = files[j];
    const p = Promise.resolve(f.error ? Promise.reject(new Error(f.error)) : f.blob ? f.blob.arrayBuffer() : f.bytes);
    p.catch(() => {});
    reads.set(j, p);
  };
  let i = 0;
  let lastProgress = 0;
  let current = '';
  const base = w.corpus.size; // articles saved before this job (changes run one at a time)
  const tick = (force = false) => {
    const now = Date.now();
    if (force || now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      progress(phase, i, total, current, report.added.length, base + report.added.length, job);
    }
  };
  progress(phase, 0, total, files[0]?.name ?? '', 0, base, job);
  while (i < total && !w.dead) {
    if (w.cancelEpoch !== epoch) {
      report.cancelled = true;
      break;
    }
    const batch = [];
    const began = performance.now();
    // From the batch's first article until the batch is saved, reads wait: no search
    // shows an article that is not yet saved.
    let gate = null;
    while (i < total && batch.length < BATCH_FILES && performance.now() - began < BATCH_MS) {
      if (i >= files.length) {
        if (batch.length || !more) break; // save what is read before waiting for more files
        gate?.open();
        gate = null;
        tick(true); // the page sends more files when it sees how far this job has read
        await more();
        if (w.cancelEpoch !== epoch) break;
        continue;
      }
      for (let j = i; j < i + READ_AHEAD; j++) readAt(j);
      const f = files[i];
      const name = String(f.name);
      current = name;
      let buf;
      try {
        buf = await reads.get(i);
      } catch (e) {
        report.warnings.push({ file: name, ...note('file_unreadable', { error: messageOf(e) }), skipped: true });
        continue;
      } finally {
        reads.delete(i);
        i++;
      }
      if (w.dead || w.cancelEpoch !== epoch) {
        i--; // read from disk, never handed to the core: not read, for the report
        break;
      }
      let result;
      gate ??= closeGate();
      try {
        await useFullBuild(); // the start-up build reads no files
        result = w.corpus.addBytes(name, new Uint8Array(buf));
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          fatal(note('core_crashed_reading', { file: name }));
          break;
        }
        report.warnings.push({ file: name, message: messageOf(e), skipped: true });
        continue;
      }
      report.read++;
      const removed = new Set(f.removed ?? []);
      const kept = [];
      for (const a of result.added) {
        if (removed.has(a.hash)) w.corpus.remove(a.id);
        else kept.push(a);
      }
      if (kept.length) {
        const outlets = applyOutlets(kept, f.outlets);
        batch.push({
          record: { name, bytes: buf, hashes: kept.map((a) => a.hash), removed: [...removed], origin, ...(outlets && { outlets }) },
          added: kept,
          warnings: result.warnings,
        });
      } else {
        report.warnings.push(...result.warnings);
      }
      tick();
    }
    let saved = true;
    try {
      if (batch.length) saved = await commit(batch, report);
    } finally {
      gate?.open();
    }
    if (!saved) {
      // Storage is full: nothing after this is saved, so nothing after this is added.
      while (files.length < total && more) await more();
      for (let j = i; j < files.length; j++) report.unsaved.push(String(files[j].name));
      i = total;
    }
    tick(true);
  }
  if (report.cancelled) report.unread = total - i; // files never read, named apart in the report
  if (report.added.length || report.cancelled) {
    w.corpus.shrink?.(); // give back the memory the index kept for growth
    await saveSnapshot();
  }
  return report;
}

/**
 * Saves a batch's files in one transaction; their articles count as added only then. When
 * storage is full, saves what fits one file at a time and takes the rest out of the corpus.
 * Returns false when storage is full.
 */
async function commit(batch, report) {
  const accept = (items) => {
    for (const item of items) {
      for (const a of item.added) {
        idOf.set(a.hash, a.id);
        hashOf.set(a.id, a.hash);
        report.added.push(summary(a));
      }
      report.warnings.push(...item.warnings);
    }
  };
  try {
    noteGeneration(await w.store.putFiles(batch.map((b) => b.record)));
    accept(batch);
    return true;
  } catch (e) {
    if (e.code !== 'quota') {
      drop(batch, report, note('not_saved', { error: messageOf(e) }));
      return true;
    }
  }
  report.storageFull = true;
  let k = 0;
  for (; k < batch.length; k++) {
    try {
      noteGeneration(await w.store.putFiles([batch[k].record]));
      accept([batch[k]]);
    } catch {
      break;
    }
  }
  drop(batch.slice(k), report);
  return false;
}

/** Takes a batch's articles out of the corpus again: they could not be saved. */
function drop(items, report, message = null) {
  for (const item of items) {
    for (const a of item.added) {
      try {
        w.corpus.remove(a.id);
      } catch {
        // already gone
      }
    }
    report.unsaved.push(item.record.name);
    if (message) report.warnings.push({ file: item.record.name, ...message, skipped: true });
  }
}

// ── the read gate ──

/**
 * Reads (search, get, lookup, export) wait at a closed gate: it is closed while a batch of
 * added articles is not yet saved. `closeGate()` returns `{open()}`.
 */
let gateWait = null;
function closeGate() {
  let open;
  gateWait = new Promise((resolve) => { open = resolve; });
  const mine = gateWait;
  return {
    open() {
      if (gateWait === mine) gateWait = null;
      open();
    },
  };
}

/** The promise a read waits on while a batch is unsaved, or null when the gate is open. */
export function closedGate() {
  return gateWait;
}

// ── where files come from ──

const seedBase = new URL('../seeds/', import.meta.url);

/** A file of seeds/ as an ArrayBuffer. */
export async function seedFetch(name) {
  const res = await fetch(new URL(encodeURIComponent(name), seedBase));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** seeds/index.json, written by ./qarin.sh build: `{corpus, files: [{name, hashes}]}`. */
export async function seedIndex() {
  const index = JSON.parse(new TextDecoder().decode(await seedFetch('index.json')));
  if (!Array.isArray(index?.files)) throw new Error('index.json lists no files');
  return index;
}

/** The demo articles: `[{name, bytes}]`, fetched in parallel. */
export async function seedFiles() {
  let index;
  try {
    index = await seedIndex();
  } catch (e) {
    return [{ name: 'seeds/index.json', error: messageOf(e) }];
  }
  return index.files.map(({ name }) => {
    const bytes = seedFetch(String(name));
    bytes.catch(() => {}); // awaited in order below; no "unhandled" report before that
    return { name: String(name), bytes };
  });
}

/** Files of ADD_FILES jobs as their chunks arrive: job id → {files, total, more(), wake()}. */
const jobs = new Map();
const finishedJobs = new Set();

export function jobFor(id) {
  let job = jobs.get(id);
  if (!job) {
    let waiter = null;
    job = {
      files: [],
      total: null,
      /** Resolves when more files (or the total) arrive. */
      more: () => new Promise((resolve) => { waiter = resolve; }),
      wake: () => {
        const wake = waiter;
        waiter = null;
        wake?.();
      },
    };
    jobs.set(id, job);
  }
  return job;
}

/** Whether the job ended (its late chunks are dropped). */
export function jobEnded(id) {
  return finishedJobs.has(id);
}

export function endJob(id) {
  jobs.delete(id);
  finishedJobs.add(id);
}
