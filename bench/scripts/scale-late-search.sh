#!/usr/bin/env bash
# The server product started on a fresh copy of the catalogue ScaleBench leaves (with its vector snapshot); WAIT
# seconds after "Gallerist server ready" (default 10), one OpenSSH connection asks whoami and a second one a search by
# content (images similar --to ID). Prints both times in ms, or the search's error: what a user who searches a few
# seconds after the server came up sees. Needs what scale-start.sh needs.
#   bench/scripts/scale-late-search.sh [WAIT]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
server="$top/releng/org.gallerist.repository/target/products/gallerist.server/linux/gtk/x86_64/gallerist-server/gallerist-server"
catalogue="${GALLERIST_SCALE_CATALOGUE:-$top/bench/org.gallerist.transport.bench/target/scale-catalogue}"
wait_s=${1:-10}
[ -x "$server" ] || { echo "build the products first: ./gallerist build" >&2; exit 1; }
[ -d "$catalogue/data" ] || { echo "run ScaleBench first (see bench/scripts/scale-start.sh)" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$catalogue/data" "$work/data"
cp "$catalogue/owner0-key" "$work/key" && chmod 600 "$work/key"
probe=$(cat "$catalogue/probe-id")
now_ms() { date +%s%3N; }

"$server" --data "$work/data" --port 0 > "$work/out" 2>&1 &
pid=$!
deadline=$(( $(now_ms) + 120000 ))
until grep -q "^Gallerist server ready on" "$work/out"; do
  [ "$(now_ms)" -lt "$deadline" ] || { echo "the server did not get ready in 120 s" >&2; exit 1; }
  sleep 0.05
done
port=$(sed -n 's/^Gallerist server ready on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/out" | head -1)
sleep "$wait_s"
ssh=(ssh -F none -i "$work/key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no
  -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=10 -p "$port" owner0@127.0.0.1)
t0=$(now_ms)
timeout 60 "${ssh[@]}" whoami > /dev/null
t1=$(now_ms)
answer=$(timeout 60 "${ssh[@]}" images similar --to "$probe" --limit 10 2>&1 || true)
t2=$(now_ms)
if grep -q '"score"' <<< "$answer"; then
  echo "whoami $((t1 - t0)) ms, search by content $((t2 - t1)) ms (each with its connection), ${wait_s} s after ready"
else
  echo "whoami $((t1 - t0)) ms, search by content refused ${wait_s} s after ready: $(head -c 300 <<< "$answer")"
fi
