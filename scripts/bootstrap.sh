#!/usr/bin/env bash
# Installs everything Draftroom needs on a fresh machine of this kind (Debian, Node 20, root):
# pnpm 10, the workspace's packages (better-sqlite3 compiles from source against the Node
# headers in /usr/include/node), Debian's Chromium and Noto fonts (PDF exports are printed by
# Chromium, in fonts that cover Latin and Arabic script) and, with --with-browser, the independent
# readers the tests check exports with (poppler-utils: pdftotext, pdfinfo, pdftoppm; LibreOffice
# Writer, headless, for DOCX).
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=false
for argument in "$@"; do
  case "$argument" in
    --with-browser) with_browser=true ;;
    *) echo "bootstrap.sh: unknown option '$argument' (the only option is --with-browser)" >&2; exit 2 ;;
  esac
done

if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  echo "==> installing pnpm 10"
  npm install -g pnpm@10 >/dev/null
fi

debian_packages=()
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || debian_packages+=(chromium)
[[ -d /usr/share/fonts/truetype/noto ]] || debian_packages+=(fonts-noto-core)
if $with_browser; then
  command -v pdftotext >/dev/null 2>&1 || debian_packages+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || debian_packages+=(libreoffice-writer-nogui)
fi
if [[ ${#debian_packages[@]} -gt 0 ]]; then
  echo "==> installing from Debian: ${debian_packages[*]}"
  if [[ "$(id -u)" -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${debian_packages[@]}" >/dev/null
fi

echo "==> installing packages"
# No prebuilt better-sqlite3 can be downloaded here; node-gyp builds it with the system headers.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
pnpm install --frozen-lockfile
