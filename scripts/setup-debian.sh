#!/usr/bin/env bash
# Install the Debian packages the edition needs, only those that are missing.
#   scripts/setup-debian.sh pdf     TeX Live (XeLaTeX, latexmk), fonts, pdftotext
#   scripts/setup-debian.sh browser Chromium for the browser tests (only if /usr/bin/chromium is missing)
# Never downloads toolchains from anywhere but Debian's own archive.
set -euo pipefail
want=()
need() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed" || want+=("$1"); }
for what in "$@"; do
  case "$what" in
    pdf)
      for p in make texlive-xetex texlive-latex-extra latexmk texlive-fonts-recommended \
               fonts-freefont-otf fonts-symbola fonts-wqy-microhei poppler-utils xindy; do need "$p"; done ;;
    browser)
      [ -x /usr/bin/chromium ] || need chromium ;;
    *) echo "setup-debian.sh: unknown part '$what' (known: pdf, browser)" >&2; exit 2 ;;
  esac
done
if [ "${#want[@]}" -eq 0 ]; then exit 0; fi
echo "Installing Debian packages: ${want[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
