#!/usr/bin/env bash
# Regenerates po/kartbok.pot from the app's sources and merges it into both
# catalogues. Run after changing UI strings; then translate the new entries in
# sv.po, or in the po/sv-<area>.po of the part of the app they belong to (the
# build merges them with msgcat --use-first, so an entry left empty in sv.po
# takes its translation from the area file). The last line counts what is still
# untranslated in the merged Swedish catalogue.
# Message ids are plain ASCII ("..." not "…"): _() converts them with the C
# library's charset, which is not UTF-8 under a "C" locale.
set -euo pipefail
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=wxPLURAL:1,2 \
    --keyword=wxTRANSLATE --add-comments=TRANSLATORS --package-name=kartbok \
    --package-version=0.1 --msgid-bugs-address=none --sort-by-file \
    -o po/kartbok.pot $(find src/app -name "*.cpp" | sort)
msgmerge --quiet --update --backup=none --no-fuzzy-matching po/sv.po po/kartbok.pot
msgattrib --no-obsolete -o po/sv.po po/sv.po
# English is the source language: its catalogue maps every message to itself.
msgmerge --quiet --update --backup=none --no-fuzzy-matching po/en.po po/kartbok.pot
msgen -o po/en.po po/en.po
msgattrib --no-obsolete -o po/en.po po/en.po
msgfmt --check -o /dev/null po/sv.po
msgfmt --check -o /dev/null po/en.po
shopt -s nullglob
msgcat --use-first po/sv.po po/sv-*.po | msgfmt --check --statistics -o /dev/null -
