// Where the Node tests that compare the CLI with the wasm API find both: the repository,
// ../shared/corpus, the nodejs build and the newest CLI binary (`./qarin.sh test` runs the
// full build's `cargo test` last, so target/debug/qarin is the full CLI). `missing` names
// what is not there, for a test's skip note; `walk` lists a folder as the CLI reads it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const shared = join(root, '..', 'shared', 'corpus');
export const pkg = join(root, 'pkg-node', 'qarin.js');
export const cli = ['release', 'debug']
  .map((p) => join(root, 'target', p, 'qarin'))
  .filter(existsSync)
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
export const missing = [
  !existsSync(shared) && '../shared/corpus',
  !existsSync(pkg) && 'pkg-node (./qarin.sh build)',
  !cli && 'the CLI binary (cargo build)',
].filter(Boolean);

/** Every file under `dir`, named as the CLI names them (sorted, hidden ones skipped). */
export function walk(dir) {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .flatMap((n) => {
      const path = `${dir}/${n}`;
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}
