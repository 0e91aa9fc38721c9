#!/usr/bin/env bash
# Runs a command with a real Secret Service, so keychain tests exercise keytar for real. On Linux it starts a
# private D-Bus session and a throwaway, unlocked gnome-keyring whose files live in a temporary folder (never
# the user's own keyring). macOS and Windows use the OS keychain directly.
set -euo pipefail

if [[ "$(uname -s)" != "Linux" || -n "${SEEDREAM_KEYRING_READY:-}" ]]; then
  exec "$@"
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: $tool is missing. Install it with: sudo apt-get install gnome-keyring dbus-x11 libsecret-1-dev" >&2
    exit 1
  fi
done

keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export SEEDREAM_KEYRING_HOME="$keyring_home"

dbus-run-session -- bash -c '
  set -euo pipefail
  export XDG_DATA_HOME="$SEEDREAM_KEYRING_HOME/data" XDG_RUNTIME_DIR="$SEEDREAM_KEYRING_HOME/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets)"
  export SEEDREAM_KEYRING_READY=1
  exec "$@"
' bash "$@"
