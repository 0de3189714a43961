#!/usr/bin/env bash
# The server product started on the catalogue ScaleBench leaves (100,000 images by default), each run on a fresh copy
# of it: ms from exec to "Gallerist server ready", to the first answer over OpenSSH (whoami, with owner0's key), and
# to the first search by content answered (images similar --to ID, which needs the vector index loaded), and the
# server's resident memory then. Runs alternate between a copy with the vector snapshot the catalogue's last start
# wrote (data/vectors) and one without it (the vectors read out of Derby, as before the snapshot existed). Prints a
# markdown table.
# Needs the products built (./gallerist build) and the bench run first:
#   ./mvnw -B -Pbench verify -pl features/org.gallerist.server.feature,bundles/org.gallerist.transport.ssh.client,bench/org.gallerist.transport.bench -am -Dtest=ScaleBench
#   bench/scripts/scale-start.sh [RUNS]      (default 3)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
server="$top/releng/org.gallerist.repository/target/products/gallerist.server/linux/gtk/x86_64/gallerist-server/gallerist-server"
catalogue="${GALLERIST_SCALE_CATALOGUE:-$top/bench/org.gallerist.transport.bench/target/scale-catalogue}"
runs=${1:-3}
[ -x "$server" ] || { echo "build the products first: ./gallerist build" >&2; exit 1; }
[ -d "$catalogue/data" ] || { echo "run ScaleBench first (see the head of this script)" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
probe=$(cat "$catalogue/probe-id")
cp "$catalogue/owner0-key" "$work/key" && chmod 600 "$work/key"

now_ms() { date +%s%3N; }
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# one_run with|without: prints "ready_ms answered_ms searched_ms rss_mb"
one_run() {
  local data="$work/data" out="$work/server.out"
  rm -rf "$data" && cp -r "$catalogue/data" "$data"
  [ "$1" = with ] || rm -rf "$data/vectors"
  : > "$work/known_hosts"
  local ssh=(ssh -F none -i "$work/key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=accept-new
    -o UserKnownHostsFile="$work/known_hosts" -o ControlMaster=auto -o ControlPath="$work/control-%r@%h:%p"
    -o ControlPersist=30)
  local start; start=$(now_ms)
  "$server" --data "$data" --port 0 > "$out" 2>&1 &
  pid=$!
  local ready="" answered="" searched="" port="" deadline=$(( $(now_ms) + 120000 ))
  while [ -z "$searched" ] && [ "$(now_ms)" -lt "$deadline" ]; do
    if [ -z "$ready" ] && grep -q "^Gallerist server ready on" "$out"; then
      ready=$(( $(now_ms) - start ))
      port=$(sed -n 's/^Gallerist server ready on 127.0.0.1:\([0-9]*\).*/\1/p' "$out" | head -1)
    fi
    if [ -n "$port" ] && [ -z "$answered" ] && "${ssh[@]}" -p "$port" owner0@127.0.0.1 whoami > /dev/null 2>&1; then
      answered=$(( $(now_ms) - start ))
    fi
    if [ -n "$answered" ] && "${ssh[@]}" -p "$port" owner0@127.0.0.1 images similar --to "$probe" --limit 10 \
        2> /dev/null | grep -q '"score"'; then
      searched=$(( $(now_ms) - start ))
    fi
    [ -z "$searched" ] && sleep 0.02
  done
  local rss; rss=$(rss_mb "$pid")
  "${ssh[@]}" -p "$port" -O exit owner0@127.0.0.1 2> /dev/null || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
  echo "${ready:-timeout} ${answered:-timeout} ${searched:-timeout} $rss"
}

[ -d "$catalogue/data/vectors" ] || echo "(the catalogue has no vector snapshot yet: both kinds of run read Derby)" >&2
echo "| run | vectors from | ready (ms) | first answer over OpenSSH (ms) | first search by content answered (ms) | RSS then (MB) |"
echo "|---|---|---:|---:|---:|---:|"
for i in $(seq 1 "$runs"); do
  for kind in with without; do
    read -r ready answered searched rss < <(one_run "$kind")
    [ "$kind" = with ] && from="snapshot" || from="database"
    echo "| $i | $from | $ready | $answered | $searched | $rss |"
  done
done
echo
echo "Server product on a copy of $catalogue/data, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end."
