#!/usr/bin/env bash
# The .deb as a clinic gets it: built with CPack from BUILD_DIR (or the DEB
# given), unpacked into a scratch root with `dpkg-deb -x` (no root rights, no
# dpkg database), then run from there. Fails on the first thing that is not as
# a user needs it. ctest runs it (packaging/CMakeLists.txt); so does
# `./kartbok.sh package` on the package it made.
#   packaging/test-package.sh BUILD_DIR VERSION [DEB]
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
source=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.kartbok.Kartbok
scratch=$(mktemp -d "${TMPDIR:-/tmp}/kartbok-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() {
    echo "package test: $*" >&2
    exit 1
}
unset KARTBOK_TEMPLATES # the installed binaries must find their own

if [ $# -ge 3 ]; then
    deb=$3
else
    # Build the package into the scratch folder (never over build/package).
    if ! (cd "$build" && cpack --config CPackConfig.cmake -B "$scratch/out" >"$scratch/cpack.log" 2>&1); then
        cat "$scratch/cpack.log" >&2
        fail "cpack failed"
    fi
    debs=("$scratch"/out/kartbok_*.deb)
    [ -f "${debs[0]}" ] || fail "cpack made no kartbok_*.deb in $scratch/out"
    deb=${debs[0]}
fi
echo "testing $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# Control fields: name, version, and the libraries dpkg-shlibdeps found.
[ "$(dpkg-deb -f "$deb" Package)" = kartbok ] || fail "Package is not kartbok"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libwxgtk3.2 libsodium libgvc libcgraph libcairo2 libpango libyaml-cpp \
    libboost-serialization fonts-dejavu-core; do
    grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

root=$scratch/root
dpkg-deb -x "$deb" "$root"
for f in usr/bin/kartbok usr/bin/kartbok-cli \
    usr/share/kartbok/templates/note-soap.yaml usr/share/kartbok/templates/common-passwords.txt \
    usr/share/kartbok/guide/en.html \
    usr/share/kartbok/guide/sv.html usr/share/locale/sv/LC_MESSAGES/kartbok.mo \
    usr/share/locale/en/LC_MESSAGES/kartbok.mo \
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "usr/share/applications/$app_id.desktop" "usr/share/metainfo/$app_id.metainfo.xml"; do
    [ -f "$root/$f" ] || fail "the package lacks /$f"
done
# Nothing may lead back into the source or build tree the package came from.
for exe in kartbok kartbok-cli; do
    for tree in "$source/templates" "$build/share"; do
        if grep -qaF "$tree" "$root/usr/bin/$exe"; then
            fail "/usr/bin/$exe holds the path $tree"
        fi
    done
done

# The installed CLI, run from the scratch root.
cli=$root/usr/bin/kartbok-cli
[ "$("$cli" --version)" = "kartbok-cli $version" ] || fail "kartbok-cli --version: $("$cli" --version 2>&1)"
list=$("$cli" templates list) || fail "kartbok-cli templates list failed"
grep -q "^note-soap	" <<<"$list" || fail "templates list lacks note-soap: $list"
"$cli" templates check >/dev/null || fail "kartbok-cli templates check failed on the shipped templates"
# The list of common passwords comes from the root too: one on it is refused,
# the demo's is taken (a missing list would refuse every new password).
if printf 'password123\n' | KARTBOK_TEST_KDF=1 "$cli" --kdf minimum --password-stdin \
    vault init "$scratch/weak" >/dev/null 2>"$scratch/err"; then
    fail "vault init took a password from the list of common passwords"
fi
grep -q "list of common passwords" "$scratch/err" || fail "vault init: $(cat "$scratch/err")"
printf 'kartbok-demo\n' | KARTBOK_TEST_KDF=1 "$cli" --kdf minimum --password-stdin \
    vault init "$scratch/strong" >/dev/null 2>"$scratch/err" || fail "vault init: $(cat "$scratch/err")"
# ... and it really reads the root's templates: hide them and it must say so.
mv "$root/usr/share/kartbok/templates" "$root/usr/share/kartbok/templates.away"
if "$cli" templates list >/dev/null 2>"$scratch/err"; then
    fail "templates list succeeded without the installed templates"
fi
grep -qF "$root/usr/share/kartbok/templates" "$scratch/err" ||
    fail "templates list did not name the missing folder: $(cat "$scratch/err")"
mv "$root/usr/share/kartbok/templates.away" "$root/usr/share/kartbok/templates"

# The installed app, on a display (ctest runs under xvfb-run): it opens the demo
# vault made by the installed CLI, paints a client's map in Swedish and saves
# a screenshot (packaging-installed-sv.png in the build's screenshots folder).
if [ -n "${DISPLAY:-}" ]; then
    printf 'kartbok-demo\n' | KARTBOK_TEST_KDF=1 "$cli" --kdf minimum --password-stdin demo "$scratch/demo" >/dev/null ||
        fail "kartbok-cli demo failed"
    mkdir -p "$build/screenshots"
    shot=$build/screenshots/packaging-installed-sv.png
    rm -f "$shot"
    # A home of its own: the app must not write its preferences into the tester's.
    mkdir -p "$scratch/home"
    HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config KARTBOK_PACKAGE_TEST_PW=kartbok-demo \
        GDK_BACKEND=x11 "$root/usr/bin/kartbok" --vault "$scratch/demo" \
        --password-env KARTBOK_PACKAGE_TEST_PW --case GBG-2025-017 --lang sv --screenshot "$shot" \
        >/dev/null 2>"$scratch/app.err" || { cat "$scratch/app.err" >&2; fail "the installed kartbok failed"; }
    [ -s "$shot" ] || fail "the installed kartbok saved no screenshot"
fi

# Desktop entry and AppStream metainfo, offline.
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" ||
    fail "desktop-file-validate rejected $app_id.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli rejected $app_id.metainfo.xml"

echo "package ok: $(basename "$deb") runs from an unpacked root"
