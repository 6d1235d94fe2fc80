#!/usr/bin/env bash
# Kartbok set-up, build, test and demo in one place.
#   ./kartbok.sh demo     install deps, build, create the demo vault, open it
#   ./kartbok.sh test     install deps, build, run every test (GUI tests under xvfb-run)
#   ./kartbok.sh deps     install the Debian packages only
#   ./kartbok.sh build    configure + build only
#   ./kartbok.sh fuzz [SECONDS]  build the libFuzzer targets with clang, run each SECONDS (default 60)
#   ./kartbok.sh format [--check]  clang-format every C++ file (--check: list what differs, fail)
#   ./kartbok.sh package  build, take the user guide's screenshots, make build/package/kartbok_*.deb
# Options: --werror (warnings are errors), --sanitize (ASan+UBSan build of tests_core)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
BUILD=${KARTBOK_BUILD_DIR:-$ROOT/build}
DEMO_VAULT=${KARTBOK_DEMO_VAULT:-$ROOT/demo-vault}
DEMO_PASSWORD="kartbok-demo"

PACKAGES=(
    build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev
    libwxgtk3.2-dev libgtk-3-dev libgraphviz-dev graphviz libboost-serialization-dev catch2
    libsodium-dev libcairo2-dev libpango1.0-dev libyaml-cpp-dev libcli11-dev
    nlohmann-json3-dev gettext xvfb xauth x11-apps imagemagick poppler-utils
    fonts-dejavu-core clang-format openssh-server sshfs wx3.2-i18n
    dpkg-dev file desktop-file-utils appstream
)

log() { printf '[kartbok] %s\n' "$*" >&2; }

deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "all Debian packages present"
        return
    fi
    log "installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

WERROR=OFF
SANITIZE=0
FUZZ_SECONDS=0
parse_opts() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --werror) WERROR=ON ;;
            --sanitize) SANITIZE=1 ;;
            --fuzz) FUZZ_SECONDS=${2:?--fuzz needs SECONDS}; shift ;;
            *) log "unknown option: $1"; exit 2 ;;
        esac
        shift
    done
}

# ccache, when a developer has it, makes rebuilds in several work trees cheap;
# CI does not need it.
LAUNCHER=()
command -v ccache >/dev/null 2>&1 && LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)

build() {
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DKARTBOK_WERROR=$WERROR "${LAUNCHER[@]}" >/dev/null
    cmake --build "$BUILD"
}

build_sanitized() {
    local dir="$ROOT/build-sanitize"
    cmake -S "$ROOT" -B "$dir" -G Ninja -DKARTBOK_SANITIZE=ON -DKARTBOK_APP=OFF \
        -DKARTBOK_WERROR=$WERROR "${LAUNCHER[@]}" >/dev/null
    cmake --build "$dir" --target tests_core
    log "running tests_core under ASan+UBSan"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        LSAN_OPTIONS=suppressions="$ROOT/tests/lsan.supp":print_suppressions=0 \
        "$dir/bin/tests_core"
}

run_tests() {
    log "running the test suite"
    (cd "$BUILD" && xvfb-run -a -s "-screen 0 1920x1200x24" ctest --output-on-failure --timeout 600)
    if [ $SANITIZE -eq 1 ]; then
        build_sanitized
    fi
    if [ "$FUZZ_SECONDS" -gt 0 ]; then
        fuzz "$FUZZ_SECONDS"
    fi
}

# Builds every tests/fuzz/fuzz_*.cpp with clang + libFuzzer and runs each for
# $1 seconds on a corpus seeded from tests/fuzz/seeds plus the kept crashes in
# tests/fuzz/regressions; a finding fails the run and
# leaves the crashing input in build-fuzz/findings/.
# Waits for the fuzzers in pids/names; prints the log tail of any finding.
fuzz_wait() {
    local ok=0 i
    for i in "${!pids[@]}"; do
        if ! wait "${pids[$i]}"; then
            log "FINDING in ${names[$i]}: see $dir/findings/${names[$i]}.log"
            tail -n 40 "$dir/findings/${names[$i]}.log" >&2
            ok=1
        else
            log "${names[$i]}: no finding"
        fi
    done
    pids=()
    names=()
    return $ok
}

fuzz() {
    local seconds=${1:-60}
    local dir="$ROOT/build-fuzz"
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DKARTBOK_FUZZ=ON -DKARTBOK_APP=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$dir" --target fuzz_all -j2
    mkdir -p "$dir/findings"
    local failed=0
    # Two targets at a time: the machines have two cores.
    local pids=() names=()
    for target in "$dir"/bin/fuzz_*; do
        local name corpus
        name=$(basename "$target")
        corpus="$dir/corpus/$name"
        mkdir -p "$corpus"
        if [ -d "$ROOT/tests/fuzz/seeds/$name" ]; then
            cp -n "$ROOT/tests/fuzz/seeds/$name"/* "$corpus"/ 2>/dev/null || true
        fi
        local regressions=()
        [ -d "$ROOT/tests/fuzz/regressions/$name" ] && regressions=("$ROOT/tests/fuzz/regressions/$name")
        log "fuzzing $name for ${seconds}s"
        "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$dir/findings/$name-" -print_final_stats=0 "$corpus" "${regressions[@]}" \
            >"$dir/findings/$name.log" 2>&1 &
        pids+=($!)
        names+=("$name")
        if [ ${#pids[@]} -eq 2 ]; then
            fuzz_wait || failed=1
        fi
    done
    fuzz_wait || failed=1
    return $failed
}

# Every tracked C++ file through the root .clang-format; --check changes
# nothing and fails listing the files that differ (CI runs it).
format() {
    local files bad=()
    mapfile -t files < <(git -C "$ROOT" ls-files '*.cpp' '*.h')
    if [ "${1:-}" = --check ]; then
        for f in "${files[@]}"; do
            clang-format "$ROOT/$f" | cmp -s - "$ROOT/$f" || bad+=("$f")
        done
        if [ ${#bad[@]} -gt 0 ]; then
            log "not formatted (run ./kartbok.sh format): ${bad[*]}"
            return 1
        fi
        log "formatting: every file matches .clang-format"
        return 0
    fi
    (cd "$ROOT" && clang-format -i "${files[@]}")
}

# The .deb (CPack, packaging/CMakeLists.txt): the guide's screenshots are taken
# first by the GUI tests, so the package carries them, then the package is
# checked the way ctest checks it (unpacked into a scratch root and run).
package() {
    log "taking the user guide's screenshots (tests_gui \"[guide]\")"
    xvfb-run -a -s "-screen 0 1600x1200x24" env GDK_BACKEND=x11 "$BUILD/bin/tests_gui" "[guide]"
    log "building the package"
    rm -f "$BUILD"/package/kartbok_*.deb
    (cd "$BUILD" && cpack --config CPackConfig.cmake -B "$BUILD/package" >/dev/null)
    local deb
    deb=$(ls "$BUILD"/package/kartbok_*.deb)
    "$ROOT/packaging/test-package.sh" "$BUILD" "$(dpkg-deb -f "$deb" Version)" "$deb" >/dev/null
    # Every picture the guide pages show must be in the package.
    local listing missing=()
    listing=$(dpkg-deb -c "$deb")
    for img in $(grep -ho 'img/[a-z]*/[a-z0-9-]*\.png' "$ROOT"/guide/*.html | sort -u); do
        grep -q "/usr/share/kartbok/guide/$img\$" <<<"$listing" || missing+=("$img")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "the guide's screenshots missing from the package: ${missing[*]}"
        return 1
    fi
    log "package: $deb"
}

demo() {
    if [ ! -f "$DEMO_VAULT/vault.key" ]; then
        log "creating the demo vault in $DEMO_VAULT"
        printf '%s\n' "$DEMO_PASSWORD" | "$BUILD/bin/kartbok-cli" demo "$DEMO_VAULT" --password-stdin
    fi
    log "demo vault: $DEMO_VAULT  password: $DEMO_PASSWORD"
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        exec "$BUILD/bin/kartbok" --vault "$DEMO_VAULT" --case GBG-2025-017
    fi
    local shot="$BUILD/screenshots/demo.png"
    mkdir -p "$(dirname "$shot")"
    log "no display: running under xvfb-run and saving a screenshot"
    KARTBOK_DEMO_PASSWORD="$DEMO_PASSWORD" xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$BUILD/bin/kartbok" --vault "$DEMO_VAULT" --password-env KARTBOK_DEMO_PASSWORD \
        --case GBG-2025-017 --screenshot "$shot"
    log "screenshot of the demo window: $shot"
}

cmd=${1:-}
shift || true
if [ "$cmd" = format ]; then
    deps
    format "$@"
    exit $?
fi
if [ "$cmd" = fuzz ]; then
    deps
    fuzz "${1:-60}"
    exit $?
fi
parse_opts "$@"
case "$cmd" in
    deps) deps ;;
    build) deps; build ;;
    test) deps; build; run_tests ;;
    demo) deps; build; demo ;;
    package) deps; build; package ;;
    *) sed -n '2,10p' "$0"; exit 2 ;;
esac
