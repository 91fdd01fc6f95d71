// The grown articles of the page benches (benches/soak.js, benches/page_search.js): N
// articles made from ../shared/corpus/{en,ar} as soak.js's header says, written as JSONL files
// of PER_FILE rows (title, text, date) for the page's file input.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
export const PER_FILE = 5_000;

/** The shared articles of one language: `{title, sentences}`. */
async function sources(lang) {
  const out = [];
  for (const name of (await readdir(join(CORPUS, lang))).filter((n) => n.endsWith('.txt')).sort()) {
    const [title, ...rest] = (await readFile(join(CORPUS, lang, name), 'utf8')).split('\n');
    const sentences = rest.join(' ').split(/(?<=[.!?؟])\s+/).filter((s) => s.trim());
    if (title.trim() && sentences.length >= 3) out.push({ title: title.trim(), sentences });
  }
  return out;
}

function third(sentences, part) {
  const n = Math.ceil(sentences.length / 3);
  return sentences.slice(part * n, (part + 1) * n);
}

/** Writes the grown articles as JSONL files into `dir`; returns their paths. */
export async function grow(dir, N) {
  const langs = [await sources('en'), await sources('ar')];
  const paths = [];
  let rows = [];
  const flush = async () => {
    const path = join(dir, `soak-${String(paths.length).padStart(3, '0')}.jsonl`);
    await writeFile(path, rows.join('\n'));
    paths.push(path);
    rows = [];
  };
  for (let k = 0; k < N; k++) {
    const src = langs[k % 2];
    const m = src.length;
    const i = Math.floor(k / 2);
    const r = Math.floor(i / m); // the round: each source article leads once a round
    const [a, b, c] = [src[i % m], src[(i + 1 + 37 * r) % m], src[(i + 2 + 101 * r) % m]];
    const text = [...third(a.sentences, 0), ...third(b.sentences, 1), ...third(c.sentences, 2)].join(' ');
    const day = String(1 + (k % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(k / 28) % 12)).padStart(2, '0');
    rows.push(JSON.stringify({ title: `${k}. ${a.title}`, text, date: `20${10 + (k % 15)}-${month}-${day}` }));
    if (rows.length === PER_FILE) await flush();
  }
  if (rows.length) await flush();
  return paths;
}
