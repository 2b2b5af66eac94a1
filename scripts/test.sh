#!/usr/bin/env bash
# Run the test suite (sets the machine up first when needed).
set -uo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import reportgen, pytest" 2>/dev/null \
   || ! command -v soffice >/dev/null 2>&1; then
  bash scripts/setup.sh --no-example || exit 1
fi
.venv/bin/python -m pytest -q "$@"
status=$?
# pytest exits 5 when it collected no test: that is a failure of the suite, say so.
if [ $status -eq 5 ]; then
  echo "no tests collected" >&2
  exit 1
fi
exit $status
