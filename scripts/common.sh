# Shared by scripts/run, scripts/test and scripts/bench: install, configure and build a preset.
# shellcheck shell=bash
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build_preset() {
    local preset=$1
    "$root/scripts/deps"
    export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
    # Paths relative to the checkout, so every clone shares one cache.
    export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
    # Configure every time: quick when nothing changed, and a directory left half-configured by
    # an earlier failure (a cache without build.ninja) is configured again instead of a dead end.
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -- -j"$(nproc)"
}
