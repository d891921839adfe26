#!/usr/bin/env bash
# Make sure the Debian packages kotacerdas needs are present.
#   scripts/system-deps.sh run    what `make demo` needs (Python's venv module)
#   scripts/system-deps.sh test   what `make test` needs as well (PostgreSQL, Chromium, poppler-utils, gettext)
# As root it installs what is missing with apt-get; otherwise it prints the exact command and fails,
# because a test suite that silently skips its browser or PostgreSQL half proves nothing.
set -euo pipefail
profile=${1:-run}

missing=()
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ "$profile" = test ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  dpkg -s shared-mime-info >/dev/null 2>&1 || missing+=(shared-mime-info)
  fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "kotacerdas needs these Debian packages, which are missing: ${missing[*]}" >&2
echo "Install them as root, then run make again:" >&2
echo "    sudo sh -c '$cmd'" >&2
exit 1
