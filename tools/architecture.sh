#!/usr/bin/env bash
# Draws docs/architecture.svg from the modules' CMake files (through check_boundaries.py):
# the picture is generated, never drawn by hand. tests/boundaries/run.sh fails when
# docs/architecture.dot no longer matches the CMake files.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tools/check_boundaries.py --dot > docs/architecture.dot
dot -Tsvg docs/architecture.dot > docs/architecture.svg
echo "wrote docs/architecture.dot and docs/architecture.svg"
