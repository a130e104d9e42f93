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
    if [[ ! -f "build/$preset/CMakeCache.txt" ]]; then
        cmake --preset "$preset" >/dev/null
    fi
    cmake --build --preset "$preset" -- -j"$(nproc)"
}
