#!/bin/sh
# Installs the Steward agent as a systemd service:
#   sudo ./install-linux.sh --server https://steward.example.com:8080 --secret ENROLMENT-SECRET [--executable ./steward-agent]
# Run again to upgrade (the configuration is kept unless --server or --secret are given).
# --uninstall removes the service and the program, and keeps /var/lib/steward-agent.
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

if [ -n "$uninstall" ]; then
  systemctl disable --now steward-agent 2>/dev/null || true
  rm -f /etc/systemd/system/steward-agent.service /usr/local/bin/steward-agent
  systemctl daemon-reload
  echo "Steward agent removed; its state stays in /var/lib/steward-agent"
  exit 0
fi

[ -x "$executable" ] || { echo "no agent executable at $executable (--executable PATH)" >&2; exit 1; }
install -m 0755 "$executable" /usr/local/bin/steward-agent
install -d -m 0700 /etc/steward-agent
config=/etc/steward-agent/config.json
if [ -n "$server" ] || [ ! -f "$config" ]; then
  [ -n "$server" ] && [ -n "$secret" ] || { echo "--server and --secret are needed for a first install" >&2; exit 1; }
  umask 077
  printf '{\n  "server": "%s",\n  "enrollSecret": "%s"\n}\n' "$server" "$secret" > "$config"
fi
install -m 0644 "$here/steward-agent.service" /etc/systemd/system/steward-agent.service
systemctl daemon-reload
systemctl enable steward-agent
systemctl restart steward-agent
echo "Steward agent $(/usr/local/bin/steward-agent --version) installed; logs: journalctl -u steward-agent"
