# Sourced by the scripts: tools installed by scripts/setup on PATH.
QUARRY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$QUARRY_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$QUARRY_ROOT"
