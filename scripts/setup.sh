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

# Python environment with reportgen and the test tools.
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,bench]'

if [ "${1:-}" != "--no-example" ]; then
  .venv/bin/reportgen build --pdf --text inputs/binh-dinh-2024-6thang.yaml
fi
