#!/usr/bin/env bash
# Set up reportgen on a fresh machine and build the example report.
#   bash scripts/setup.sh            # everything, then builds outputs/binh-dinh-2024-6thang.{docx,pdf}
#   bash scripts/setup.sh --no-example
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages for PDF output: LibreOffice (headless) and fonts metric-compatible with
# Times New Roman that include Vietnamese (fonts-liberation2; fonts-liberation 1.x lacks them).
need_system=()
command -v soffice >/dev/null 2>&1 || need_system+=(libreoffice-writer-nogui)
if command -v dpkg >/dev/null 2>&1; then
  dpkg -s fonts-liberation2 >/dev/null 2>&1 || need_system+=(fonts-liberation2)
fi
command -v pdftoppm >/dev/null 2>&1 || need_system+=(poppler-utils)
if [ ${#need_system[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Cài gói hệ thống: ${need_system[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_system[@]}" >/dev/null
  else
    echo "Cảnh báo: không có apt-get; hãy tự cài LibreOffice và phông Liberation Serif 2 để xuất PDF." >&2
  fi
fi

# Python environment with reportgen and the test tools. Only real errors are shown: pip's notes
# about its configured locations and setuptools' banners (PYTHONWARNINGS reaches the build backend)
# are not problems, and a clerk reads them as one.
quiet_pip() {
  PYTHONWARNINGS=ignore .venv/bin/python -m pip --disable-pip-version-check "$@" 2>&1 \
    | { grep -v -E '^(WARNING: Location .* is ignored|Looking in (indexes|links):)' || true; }
}
echo "Cài môi trường Python (.venv) và reportgen..."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
quiet_pip install -q --upgrade pip
quiet_pip install -q -e '.[test,bench]'

# The YAML language server (what VS Code's YAML extension runs), for the editor tests; only when
# Node is there, into the project's own .tools/ (git-ignored).
if command -v npm >/dev/null 2>&1 && [ ! -x .tools/node_modules/.bin/yaml-language-server ]; then
  echo "Cài yaml-language-server (kiểm thử hỗ trợ trình soạn thảo) vào .tools/..."
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent --no-save yaml-language-server@1.19.2 >/dev/null \
    || echo "Cảnh báo: không cài được yaml-language-server; bỏ qua kiểm thử trình soạn thảo." >&2
fi

if [ "${1:-}" != "--no-example" ]; then
  .venv/bin/reportgen build --pdf --text inputs/binh-dinh-2024-6thang.yaml
fi
