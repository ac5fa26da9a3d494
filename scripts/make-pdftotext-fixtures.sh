#!/usr/bin/env bash
# Text as reviewers get it from the published PDFs of test/fixtures/convert/ with poppler's pdftotext
# (Debian package poppler-utils): with `-layout` (space-aligned columns, labels wrapped) and without it
# (reading order). Written to test/fixtures/pdftotext/; test/unit/pdftotext.test.ts holds the engine to them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext is missing: apt-get install poppler-utils" >&2; exit 1; }
for f in test/fixtures/convert/*.pdf; do
  b=$(basename "$f" .pdf)
  pdftotext -layout "$f" "test/fixtures/pdftotext/$b.layout.txt"
  pdftotext "$f" "test/fixtures/pdftotext/$b.raw.txt"
done
