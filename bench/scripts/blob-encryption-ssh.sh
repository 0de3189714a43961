#!/usr/bin/env bash
# Upload and download throughput over SSH with and without encryption at rest, in one run: two servers of the built
# product (one plain, one --encrypt-at-rest, both --no-model, data folders on disk), stock OpenSSH with one multiplexed
# connection per server, the same COUNT noisy 8 MB PNGs uploaded (`images add`) and downloaded (`images get`) to each,
# taking turns file by file so that load from elsewhere falls on both alike. Prints a markdown table.
# Needs the products built (./gallerist build), ImageMagick's convert and jq.
#   bench/scripts/blob-encryption-ssh.sh [COUNT]      (default 20 files)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
server="$top/releng/org.gallerist.repository/target/products/gallerist.server/linux/gtk/x86_64/gallerist-server/gallerist-server"
count=${1:-20}
[ -x "$server" ] || { echo "build the products first: ./gallerist build" >&2; exit 1; }
mkdir -p "$top/bench/org.gallerist.storage.bench/target"
work=$(mktemp -d -p "$top/bench/org.gallerist.storage.bench/target" ssh-bench.XXXX) # on disk, like a data folder
pids=()
cleanup() {
  for name in plain encrypted; do
    [ -f "$work/$name.port" ] && ssh -F /dev/null -o ControlPath="$work/cm-alice-$(cat "$work/$name.port")" -O exit \
      alice@127.0.0.1 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

now_ns() { date +%s%N; }

# start NAME ARGS...: starts a server and writes its port to $work/NAME.port
start() {
  local name=$1; shift
  "$server" --data "$work/$name-data" --port 0 --no-model "$@" > "$work/$name.out" 2>&1 &
  pids+=($!)
  local deadline=$(( $(date +%s) + 60 ))
  until grep -q "Gallerist server ready on" "$work/$name.out"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$name server did not start:" >&2; cat "$work/$name.out" >&2; exit 1; }
    sleep 0.1
  done
  sed -n 's/.*Gallerist server ready on [^:]*:\([0-9]*\).*/\1/p' "$work/$name.out" | head -1 > "$work/$name.port"
}

ssh-keygen -q -t ed25519 -N "" -f "$work/key"
ssh_to() { # ssh_to PORT USER COMMAND...
  local port=$1 user=$2; shift 2
  ssh -F /dev/null -p "$port" -i "$work/key" -o IdentitiesOnly=yes -o BatchMode=yes \
    -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=accept-new \
    -o ControlMaster=auto -o ControlPath="$work/cm-%r-%p" -o ControlPersist=120 "$user@127.0.0.1" "$@"
}

echo "making $count noisy 8 MB PNGs..." >&2
for i in $(seq 1 "$count"); do
  convert -seed "$i" -size 1640x1640 xc: +noise Random -depth 8 "$work/image-$i.png"
done
start plain
start encrypted --encrypt-at-rest
for name in plain encrypted; do
  printf 'a long bench password\n%s\n' "$(cat "$work/key.pub")" | ssh_to "$(cat "$work/$name.port")" signup signup alice > /dev/null
done

declare -A up_ns=([plain]=0 [encrypted]=0) down_ns=([plain]=0 [encrypted]=0)
bytes=0
one() { # one NAME FILE: upload, then download and compare the size
  local name=$1 file=$2 port; port=$(cat "$work/$name.port")
  local t0; t0=$(now_ns)
  local id; id=$(ssh_to "$port" alice images add --name bench --price 1 --quantity 1 < "$file" | jq -r .id)
  local t1; t1=$(now_ns)
  local got; got=$(ssh_to "$port" alice images get "$id" | wc -c)
  local t2; t2=$(now_ns)
  [ "$got" -eq "$(stat -c %s "$file")" ] || { echo "$name: image $id came back with $got bytes" >&2; exit 1; }
  up_ns[$name]=$(( ${up_ns[$name]} + t1 - t0 ))
  down_ns[$name]=$(( ${down_ns[$name]} + t2 - t1 ))
}
one plain "$work/image-1.png" > /dev/null; one encrypted "$work/image-1.png" > /dev/null  # warm-up, not counted
up_ns=([plain]=0 [encrypted]=0); down_ns=([plain]=0 [encrypted]=0)
for i in $(seq 2 "$count"); do
  file="$work/image-$i.png"
  bytes=$(( bytes + $(stat -c %s "$file") ))
  if [ $(( i % 2 )) -eq 0 ]; then one plain "$file"; one encrypted "$file"; else one encrypted "$file"; one plain "$file"; fi
done

mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f", b / 1048576 / (ns / 1e9) }'; }
ratio() { awk -v p="$1" -v e="$2" 'BEGIN { printf "%.2f", p / e }'; }
echo "$(( count - 1 )) files, $(( bytes / 1048576 )) MB each way per server (the first file was a warm-up)"
echo
echo "| over SSH | plain (MB/s) | encrypted (MB/s) | encrypted / plain |"
echo "|---|---:|---:|---:|"
echo "| upload (images add) | $(mbps $bytes ${up_ns[plain]}) | $(mbps $bytes ${up_ns[encrypted]}) | $(ratio ${up_ns[plain]} ${up_ns[encrypted]}) |"
echo "| download (images get) | $(mbps $bytes ${down_ns[plain]}) | $(mbps $bytes ${down_ns[encrypted]}) | $(ratio ${down_ns[plain]} ${down_ns[encrypted]}) |"
total_p=$(( ${up_ns[plain]} + ${down_ns[plain]} )); total_e=$(( ${up_ns[encrypted]} + ${down_ns[encrypted]} ))
echo "| both | $(mbps $(( 2 * bytes )) $total_p) | $(mbps $(( 2 * bytes )) $total_e) | $(ratio $total_p $total_e) |"
