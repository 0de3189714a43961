#!/usr/bin/env bash
# Start-up of the built server product with the built-in model against --no-model (the floor), alternating runs so
# that load from elsewhere falls on both alike. Prints a markdown table: ms from exec to "Gallerist server ready"
# and, with the model, to the "Image model ... ready" log line. Needs the products built (./gallerist build).
#   bench/scripts/start-to-ready.sh [RUNS]      (default 5 runs per side)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
server="$top/releng/org.gallerist.repository/target/products/gallerist.server/linux/gtk/x86_64/gallerist-server/gallerist-server"
runs=${1:-5}
[ -x "$server" ] || { echo "build the products first: ./gallerist build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# one_run NAME ARGS...: prints "ready_ms model_ms" (model_ms "-" when no model runs)
one_run() {
  local name=$1; shift
  local data="$work/$name-data" out="$work/$name.out"
  rm -rf "$data"
  local start; start=$(now_ms)
  "$server" --data "$data" --port 0 "$@" > "$out" 2>&1 &
  local pid=$! ready="" model="-" deadline=$(( $(now_ms) + 60000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if [ -z "$ready" ] && grep -q "Gallerist server ready" "$out"; then ready=$(( $(now_ms) - start )); fi
    if [ "$model" = "-" ] && [ "$name" = model ] && grep -q "Image model .* ready" "$data/logs/gallerist.log" 2>/dev/null; then
      model=$(( $(now_ms) - start ))
    fi
    if [ -n "$ready" ] && { [ "$name" != model ] || [ "$model" != "-" ]; }; then break; fi
    sleep 0.02
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "${ready:-timeout} $model"
}

echo "| run | --no-model: ready (ms) | built-in model: ready (ms) | built-in model: model ready (ms) |"
echo "|---|---|---|---|"
for i in $(seq 1 "$runs"); do
  read -r floor _ < <(one_run floor --no-model)
  read -r ready model < <(one_run model)
  echo "| $i | $floor | $ready | $model |"
done
