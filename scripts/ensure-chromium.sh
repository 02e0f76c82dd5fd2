#!/usr/bin/env bash
# Makes sure Chromium is installed for the browser tests (test/e2e) and the
# web benchmark: Debian's /usr/bin/chromium, installed with apt-get when
# missing (`npx playwright install` needs a download site CI cannot reach).
# GOTRACE_CHROMIUM names another binary to use instead.
set -uo pipefail

CHROMIUM="${GOTRACE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | head -n1))"
  exit 0
fi
if [ -n "${GOTRACE_CHROMIUM:-}" ]; then
  echo "ensure-chromium: GOTRACE_CHROMIUM=$GOTRACE_CHROMIUM is not an executable file" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: /usr/bin/chromium is missing and installing it needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing and there is no apt-get to install it; install Chromium and set GOTRACE_CHROMIUM to its path" >&2
  exit 1
fi

echo "ensure-chromium: installing chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
# Install from the current package lists; refresh them first if that fails (a fresh image has none).
if ! $SUDO apt-get install -y chromium; then
  $SUDO apt-get update || { echo "ensure-chromium: apt-get update failed" >&2; exit 1; }
  $SUDO apt-get install -y chromium || { echo "ensure-chromium: apt-get install chromium failed" >&2; exit 1; }
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: apt-get finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
echo "chromium: /usr/bin/chromium ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
