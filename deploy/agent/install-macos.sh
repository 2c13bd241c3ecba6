#!/bin/sh
# Installs the Steward agent as a launchd daemon:
#   sudo ./install-macos.sh --server https://steward.example.com:8080 --secret ENROLMENT-SECRET [--executable ./steward-agent]
# Run again to upgrade (the configuration is kept unless --server or --secret are given).
# --uninstall removes the daemon and the program, and keeps the agent's state.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
executable="$here/steward-agent"
server=""
secret=""
uninstall=""
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server=$2; shift 2 ;;
    --secret) secret=$2; shift 2 ;;
    --executable) executable=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
case "$server$secret" in *'"'*|*'\'*) echo "the server and secret cannot contain quotes or backslashes" >&2; exit 2 ;; esac
plist=/Library/LaunchDaemons/com.steward.agent.plist
launchctl bootout system "$plist" 2>/dev/null || true

if [ -n "$uninstall" ]; then
  rm -f "$plist" /usr/local/bin/steward-agent
  echo "Steward agent removed; its state stays in /Library/Application Support/Steward/agent"
  exit 0
fi

[ -x "$executable" ] || { echo "no agent executable at $executable (--executable PATH)" >&2; exit 1; }
install -d -m 0755 /usr/local/bin
install -m 0755 "$executable" /usr/local/bin/steward-agent
dir="/Library/Application Support/Steward/agent"
install -d -m 0700 "$dir"
install -d -m 0755 /Library/Logs/Steward
config="$dir/config.json"
if [ -n "$server" ] || [ ! -f "$config" ]; then
  [ -n "$server" ] && [ -n "$secret" ] || { echo "--server and --secret are needed for a first install" >&2; exit 1; }
  umask 077
  printf '{\n  "server": "%s",\n  "enrollSecret": "%s"\n}\n' "$server" "$secret" > "$config"
fi
install -m 0644 "$here/com.steward.agent.plist" "$plist"
launchctl bootstrap system "$plist"
echo "Steward agent $(/usr/local/bin/steward-agent --version) installed; logs: /Library/Logs/Steward/agent.log"
