#!/usr/bin/env bash
# Qarin's one entry point for people and CI.
#   ./qarin.sh serve [PORT]   install what is missing, build, serve www/ (default port 8080)
#   ./qarin.sh test           install what is missing, build, run every test
#   ./qarin.sh bench [--quick] benchmarks (not part of the tests)
#   ./qarin.sh build          build only (wasm into www/pkg and pkg-node, seeds into www/)
# Every install step is skipped when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

WASM_PACK_VERSION=0.15.1
log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

need_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
    log "installing wasm-pack $WASM_PACK_VERSION"
    cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
  fi
  # wasm-bindgen-cli must be the exact version of the wasm-bindgen crate in Cargo.lock.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    log "installing wasm-bindgen-cli $want"
    # --locked fails here (a locked dependency is missing from the registry).
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

setup_node() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm dev dependencies"
    npm ci --no-audit --no-fund
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing Debian chromium and chromium-driver"
    need_root apt-get update
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
}

build() {
  log "building the wasm core: the page's start-up build, its full build, and nodejs"
  # Debian's wasm-opt corrupts wasm-bindgen output; node_modules/.bin comes first on PATH.
  # www/pkg: plain text only, no regex, optimized for size (the app shell); www/pkg-full:
  # every format and regex, loaded by the worker the first time it needs them.
  wasm-pack build --mode no-install --profile wasm-small --target web --out-dir www/pkg --out-name qarin --no-pack \
    -- --no-default-features
  wasm-pack build --mode no-install --profile wasm-release --target web --out-dir www/pkg-full --out-name qarin --no-pack
  wasm-pack build --mode no-install --profile wasm-release --target nodejs --out-dir pkg-node --out-name qarin --no-pack
  rm -f www/pkg/.gitignore www/pkg-full/.gitignore pkg-node/.gitignore
  # The nodejs build is CommonJS; the repository root is an ES-module package.
  echo '{"type": "commonjs"}' > pkg-node/package.json
  log "the demo corpus: www/seeds (the seed files and their prebuilt corpus)"
  rm -rf www/seeds && mkdir -p www/seeds
  cp seeds/*.txt www/seeds/
  node scripts/demo-corpus.cjs
  log "the lexicon: www/pkg-lexicon/lexicon-v1.tsv (from data/lexicon/lexicon.tsv)"
  cp data/lexicon/lexicon.tsv www/pkg-lexicon/lexicon-v1.tsv
  log "listing the app shell for the service worker (www/sw-precache.js)"
  # Every file the app serves, and a hash of them all: the service worker caches the list
  # under "qarin-shell-<hash>", so any change to the shell installs a new cache.
  node --input-type=module -e '
    import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
    import { createHash } from "node:crypto";
    import { join, relative, sep } from "node:path";
    const www = "www";
    const skip = (p) => p === "sw-precache.js" || p === "sw.js" || p.endsWith(".d.ts") || /(^|\/)\./.test(p);
    const walk = (dir) => readdirSync(dir).sort().flatMap((n) => {
      const full = join(dir, n);
      return statSync(full).isDirectory() ? walk(full) : [relative(www, full).split(sep).join("/")];
    });
    const files = walk(www).filter((p) => !skip(p));
    const hash = createHash("sha256");
    for (const f of [...files, "sw.js"]) hash.update(f + "\0").update(readFileSync(join(www, f)));
    const version = hash.digest("hex").slice(0, 16);
    const list = ["./", ...files.filter((f) => f !== "index.html"), "index.html"];
    writeFileSync(join(www, "sw-precache.js"),
      "// Written by ./qarin.sh build: the app shell the service worker caches (see sw.js).\n" +
      "self.QARIN_PRECACHE = " + JSON.stringify({ version, files: list }, null, 1) + ";\n");
    console.error(`   ${files.length} files, version ${version}`);
  '
}

size_report() {
  node tests/size-report.js
}

cmd=${1:-}
shift || true
case "$cmd" in
  serve)
    setup_rust; setup_node; build
    port=${1:-${PORT:-8080}}
    log "serving www/ on http://localhost:$port (Ctrl-C stops)"
    exec python3 -m http.server "$port" --directory www
    ;;
  build)
    setup_rust; setup_node; build
    ;;
  test)
    setup_rust; setup_node; setup_browser; build
    log "rustfmt and clippy"
    cargo fmt --check
    cargo clippy --all-targets -- -D warnings
    # src/wasm.rs only compiles for wasm32: lint it there, in both builds the page uses.
    cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
    cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
    # The small build's tests run first: the full build's run then leaves the full CLI in
    # target/debug/qarin, which tests/node/intake.test.js compares with the wasm API.
    log "Rust tests of the small build (the page's start-up core: plain text, no regex)"
    cargo test --no-default-features --quiet
    log "Rust tests"
    cargo test --quiet
    log "Node tests of the nodejs wasm build and the page's modules"
    node --test tests/node/
    log "browser tests (Debian Chromium)"
    node --test --test-concurrency=1 tests/browser/
    log "size of the app shell"
    size_report
    ;;
  bench)
    setup_rust; setup_node; build
    node benches/run.js "$@"
    log "main-thread long tasks while the page indexes the shared corpus (Chromium)"
    setup_browser
    node benches/page_upload.js
    log "the corpus tools in the page over the shared corpus (Chromium)"
    node benches/page_tools.js
    log "Lighthouse (mobile) on the demo page, 3 runs: performance, CLS, LCP, TBT, accessibility"
    node benches/lighthouse.js 3
    # The issue's sizes: 4.4k and 100,000 grown articles (--quick: 20,000).
    grown=${PAGE_SEARCH_ARTICLES:-100000}
    [ "${1:-}" = --quick ] && grown=${PAGE_SEARCH_ARTICLES:-20000}
    log "search to screen in the page: the shared corpus (asked on Enter, then typed), then $grown grown articles (Chromium)"
    node benches/page_search.js shared
    node benches/page_search.js shared --typed
    node benches/page_search.js "$grown"
    node benches/page_search.js "$grown" --typed
    # The soak takes about 15 minutes on two cores: --quick runs it at 20,000 articles.
    soak=${SOAK_ARTICLES:-100000}
    [ "${1:-}" = --quick ] && soak=${SOAK_ARTICLES:-20000}
    log "soak: $soak grown articles in the page (upload, search, reload, remove, export)"
    node benches/soak.js "$soak"
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
