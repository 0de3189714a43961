#!/usr/bin/env bash
# Client start to first window: the desktop client from the Debian package (unpacked with dpkg-deb -x, run on its own
# runtime), started RUNS times under Xvfb, alternating with the floor (the same runtime's `java -version`); milliseconds
# from exec until X maps the client's first window (the log-in dialog, titled "Gallerist"), as xdotool sees it.
# Usage: bench/scripts/client-start.sh [RUNS]  (after ./mvnw -B install -DskipTests; needs xvfb-run and xdotool)
set -euo pipefail
runs="${1:-5}"
top="$(cd "$(dirname "$0")/../.." && pwd)"
deb=$(ls "$top"/releng/org.gallerist.packages/target/gallerist-client_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "no client package: build first (./mvnw -B install -DskipTests)" >&2; exit 1; }
command -v xdotool > /dev/null || { echo "needs xdotool (apt-get install xdotool)" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"; fi
work=$(mktemp -d)
client_pid=""
cleanup() { [ -n "$client_pid" ] && kill "$client_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
dpkg-deb -x "$deb" "$work/root"
app="$work/root/opt/gallerist-client"
now_ms() { date +%s%3N; }

echo "| run | floor: java -version (ms) | client: first window (ms) |"
echo "|---|---|---|"
for run in $(seq 1 "$runs"); do
  start=$(now_ms)
  "$app/runtime/bin/java" -version > /dev/null 2>&1
  floor=$(( $(now_ms) - start ))
  home="$work/home" # run 1 is a first start (no OSGi cache yet), the others are like every later start
  start=$(now_ms)
  GALLERIST_CLIENT_HOME="$home" "$app/gallerist-client" --host 127.0.0.1 --port 9 > "$work/client-$run.log" 2>&1 &
  client_pid=$!
  if ! timeout 60 xdotool search --sync --onlyvisible --name '^Gallerist *$' > /dev/null; then # xdotool polls: ±0.5 s
    echo "no window within 60 s: $(tail -n 5 "$work/client-$run.log")" >&2; exit 1
  fi
  window=$(( $(now_ms) - start ))
  kill "$client_pid"; wait "$client_pid" 2>/dev/null || true; client_pid=""
  echo "| $run | $floor | $window |"
done
echo
echo "Package: $(basename "$deb") ($(du -m "$deb" | cut -f1) MB); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
