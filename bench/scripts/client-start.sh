#!/usr/bin/env bash
# Client start to first window: the desktop client from the Debian package (unpacked with dpkg-deb -x, run on its own
# runtime), started RUNS times under Xvfb, alternating with the floor (the same runtime's `java -version`) and with the
# package's earlier JVM settings (C2 JIT, no CDS archive: -XX:TieredStopAtLevel=4 -Xshare:off); milliseconds from exec
# until X maps the client's first window (the log-in dialog), taken from the MapNotify event (xev on the root window).
# Usage: bench/scripts/client-start.sh [RUNS]  (after ./mvnw -B install -DskipTests; needs xvfb-run and xdotool)
set -euo pipefail
runs="${1:-5}"
top="$(cd "$(dirname "$0")/../.." && pwd)"
deb=$(ls "$top"/releng/org.gallerist.packages/target/gallerist-client_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "no client package: build first (./mvnw -B install -DskipTests)" >&2; exit 1; }
command -v xdotool > /dev/null && command -v xev > /dev/null || { echo "needs xdotool and xev (apt-get install xdotool x11-utils)" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"; fi
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
dpkg-deb -x "$deb" "$work/root"
app="$work/root/opt/gallerist-client"
now_ms() { date +%s%3N; }
# The time each top-level window is mapped, one line per MapNotify (xev flushes every event).
mkfifo "$work/events"
xev -root -event substructure > "$work/events" &
pids+=($!)
while IFS= read -r line; do case "$line" in MapNotify*) now_ms >> "$work/mapped" ;; esac; done < "$work/events" &
pids+=($!)
sleep 0.5

first_window() { # VM-ARGS: prints the milliseconds from exec until the client's first window is mapped
  : > "$work/mapped"
  local start client_pid
  start=$(now_ms)
  GALLERIST_CLIENT_VM_ARGS="$1" GALLERIST_CLIENT_HOME="$work/home" "$app/gallerist-client" --host 127.0.0.1 --port 9 \
    > "$work/client.log" 2>&1 &
  client_pid=$!
  timeout 60 xdotool search --sync --onlyvisible --name '^Gallerist *$' > /dev/null \
    || { echo "no window within 60 s: $(tail -n 5 "$work/client.log")" >&2; exit 1; }
  echo $(( $(head -n 1 "$work/mapped") - start ))
  kill "$client_pid"; wait "$client_pid" 2>/dev/null || true
}

first_window "" > /dev/null # a first start fills the OSGi cache; the runs below are like every later start
echo "| run | floor: java -version (ms) | client as packaged: C1, CDS (ms) | earlier settings: C2, no CDS (ms) |"
echo "|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  start=$(now_ms)
  "$app/runtime/bin/java" -version > /dev/null 2>&1
  floor=$(( $(now_ms) - start ))
  packaged=$(first_window "")
  earlier=$(first_window "-XX:TieredStopAtLevel=4 -Xshare:off")
  echo "| $run | $floor | $packaged | $earlier |"
done
echo
echo "Package: $(basename "$deb") ($(du -m "$deb" | cut -f1) MB); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
