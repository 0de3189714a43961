#!/usr/bin/env bash
# Two nodes of the materialised server product, as two processes on one PostgreSQL 15 (initdb into a temporary
# folder, a free loopback port) and one S3 bucket (S3Proxy, filesystem backend), sharing one host key: an account made
# on one node logs in on the other and OpenSSH sees one host; an image uploaded on A is listed, fetched and found by
# `images similar` on B (the time it took is printed); the last item bought on A and on B at once has exactly one
# buyer, three times over; A killed (SIGKILL) right after it acknowledged an upload, B serves that upload and goes on.
# Arguments: PRODUCT S3PROXY_JAR PHOTOS_DIR REQUIRE(true|false: fail instead of skip without PostgreSQL or photos).
set -euo pipefail

product="$1"
s3proxy_jar="$2"
photos="$3"
require="${4:-false}"
pg_bin=/usr/lib/postgresql/15/bin
. "$(dirname "$0")/lib.sh"

skip_or_fail() {
  if [ "$require" = true ]; then echo "two-node test FAILED: $*" >&2; exit 1; fi
  echo "two-node test skipped: $*" >&2; exit 0
}
[ -x "$pg_bin/postgres" ] || skip_or_fail "PostgreSQL 15 is not installed (postgresql-15)"
for photo in rocket.jpg coffee.png astronaut.png chelsea.png motorcycle_left.png; do
  [ -f "$photos/$photo" ] || skip_or_fail "no $photo in $photos"
done
[ -f "$s3proxy_jar" ] || skip_or_fail "no S3Proxy at $s3proxy_jar"
command -v ssh > /dev/null || skip_or_fail "no OpenSSH client"

work="$(mktemp -d)"
# PostgreSQL refuses to run as root: its folder belongs to nobody, under /tmp, which everyone may pass.
pg_dir="$(mktemp -d /tmp/gallerist-two-nodes-pg.XXXXXX)"
pg_pid="" s3_pid=""
cleanup() {
  smoke_stop_all # the nodes first: PostgreSQL's fast shutdown below would only cut them off
  [ -n "$s3_pid" ] && { smoke_stop "$s3_pid" 10 || kill -9 "$s3_pid" 2>/dev/null || true; }
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then # fast shutdown: what is still open is rolled back
    as_engine_user "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m fast -w -t 30 > /dev/null 2>&1 \
      || kill -9 "$pg_pid" 2>/dev/null || true
  fi
  rm -rf "$work" "$pg_dir"
}
trap cleanup EXIT
fail() {
  echo "two-node test FAILED: $*" >&2
  for log in "$work"/node-*.log; do [ -f "$log" ] && { echo "--- $log ---" >&2; tail -n 40 "$log" >&2; }; done
  exit 1
}
free_port() { # a port nothing listens on, from a range the kernel does not hand out as ephemeral
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 12000 ))
    (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null || { echo "$port"; return 0; }
  done
  return 1
}
as_engine_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env -- "$@"; else "$@"; fi; }

# --- PostgreSQL and S3Proxy, each on a free loopback port ---
pg_password="two nodes $RANDOM$RANDOM"
printf '%s\n' "$pg_password" > "$pg_dir/password"
[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$pg_dir"
as_engine_user "$pg_bin/initdb" -D "$pg_dir/data" -U gallerist --pwfile="$pg_dir/password" --auth=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 --no-sync > "$work/initdb.log" 2>&1 || fail "initdb: $(cat "$work/initdb.log")"
pg_port=$(free_port)
as_engine_user "$pg_bin/postgres" -D "$pg_dir/data" -p "$pg_port" -h 127.0.0.1 -k "$pg_dir" -c fsync=off \
  > "$work/postgres.log" 2>&1 &
pg_pid=$!
for _ in $(seq 1 120); do "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.25; done
PGPASSWORD="$pg_password" "$pg_bin/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U gallerist -d postgres \
  -c "CREATE DATABASE shop" > "$work/createdb.log" 2>&1 || fail "CREATE DATABASE: $(cat "$work/createdb.log")"

s3_port=$(free_port)
mkdir -p "$work/s3/buckets/shop"
cat > "$work/s3/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=two-nodes
s3proxy.credential=two-nodes-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3/buckets
EOF
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -Xmx256m -jar "$s3proxy_jar" --properties "$work/s3/s3proxy.properties" > "$work/s3proxy.log" 2>&1 &
s3_pid=$!
for _ in $(seq 1 120); do (exec 3<> "/dev/tcp/127.0.0.1/$s3_port") 2> /dev/null && break; sleep 0.25; done

# --- two nodes: separate data folders, one database, one bucket, one host key ---
ssh-keygen -q -t ed25519 -N '' -C shop -f "$work/host_key"
node_pids=()
start_node() { # NAME: starts node NAME, prints its port once it is ready
  mkdir -m 700 -p "$work/$1"
  PGUSER=gallerist PGPASSWORD="$pg_password" AWS_ACCESS_KEY_ID=two-nodes AWS_SECRET_ACCESS_KEY=two-nodes-secret \
    AWS_REGION=us-east-1 "$product/gallerist-server" --data "$work/$1" --port 0 --host-key "$work/host_key" \
    --database "jdbc:postgresql://127.0.0.1:$pg_port/shop" --blobs s3://shop/images \
    --s3-endpoint "http://127.0.0.1:$s3_port" > "$work/node-$1.log" 2>&1 &
  node_pids+=($!)
  smoke_started $!
}
start_node a
a_pid=${node_pids[0]}
a_port=$(smoke_ready_port "$work/node-a.log" "$a_pid" 90) || fail "node A not ready"
start_node b # after A has brought the schema up to date, as an operator upgrading node by node would
b_pid=${node_pids[1]}
b_port=$(smoke_ready_port "$work/node-b.log" "$b_pid" 90) || fail "node B not ready"
for node in a b; do
  for _ in $(seq 1 480); do grep -q "Image model onnx:.* ready" "$work/node-$node.log" && break; sleep 0.25; done
  grep -q "Image model onnx:.* ready" "$work/node-$node.log" || fail "the image model of node $node is not ready"
done

# OpenSSH knows the shop by one name (HostKeyAlias): node B's key is checked against the one recorded at node A.
on() { # NODE USER COMMAND...: runs a command on node a or b as USER with USER's key
  local port; [ "$1" = a ] && port=$a_port || port=$b_port
  timeout 60 ssh -F none -p "$port" -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o HostKeyAlias=shop \
    -o "UserKnownHostsFile=$work/known_hosts" -o LogLevel=ERROR -o ConnectTimeout=10 -o IdentitiesOnly=yes \
    -o IdentityAgent=none -i "$work/$2.key" "$2@127.0.0.1" "${@:3}"
}
signup_on() { # NODE USER
  local port; [ "$1" = a ] && port=$a_port || port=$b_port
  ssh-keygen -q -t ed25519 -N '' -f "$work/$2.key"
  smoke_ssh_options "$port" "$work/known_hosts"
  smoke_ssh+=(-o HostKeyAlias=shop)
  smoke_signup "$2" "password of $2" "$work/$2.key" "$work/signup-$2" || fail "sign-up of $2: $(cat "$work/signup-$2")"
}
signup_on a alice
signup_on b bob
signup_on a carol
on b alice whoami > "$work/whoami" || fail "alice, signed up on A, cannot log in on B (or B's host key differs)"
grep -q '"user":"alice"' "$work/whoami" || fail "whoami on B: $(cat "$work/whoami")"
grep -q "^shop " "$work/known_hosts" || fail "no host key recorded under the alias"
[ "$(wc -l < "$work/known_hosts")" -eq 1 ] || fail "the nodes showed different host keys: $(cat "$work/known_hosts")"

id_of() { sed -n 's/^{"id":\([0-9]*\),.*/\1/p' "$1" | head -n 1; }

# --- upload on A: listed, fetched and similar on B ---
on a alice images add --name rocket --price 1 --quantity 1 --tag launch < "$photos/rocket.jpg" > "$work/rocket" \
  || fail "upload on A: $(cat "$work/rocket")"
uploaded=$(date +%s%N)
rocket=$(id_of "$work/rocket")
[ -n "$rocket" ] || fail "no id in $(cat "$work/rocket")"
found=""
for _ in $(seq 1 100); do
  if on b bob images similar --limit 1 < "$photos/rocket.jpg" > "$work/similar" 2>&1 \
      && grep -q "\"id\":$rocket," "$work/similar"; then found=$(date +%s%N); break; fi
  sleep 0.1
done
[ -n "$found" ] || fail "node B's similar never found the image uploaded on A: $(cat "$work/similar")"
on b bob images list --tag launch > "$work/list" || fail "list on B"
grep -q "\"id\":$rocket," "$work/list" || fail "B does not list the image uploaded on A: $(cat "$work/list")"
on b bob images get "$rocket" --size preview > "$work/rocket.preview" || fail "B cannot fetch the preview"
[ -s "$work/rocket.preview" ] || fail "an empty preview from B"

# --- the last item, bought on A and on B at once: exactly one buyer, three times over ---
round=0
for photo in astronaut.png chelsea.png motorcycle_left.png; do
  round=$(( round + 1 ))
  on a alice images add --name "last-$round" --price 2 --quantity 1 < "$photos/$photo" > "$work/item" \
    || fail "upload of item $round: $(cat "$work/item")"
  item=$(id_of "$work/item")
  order="[{\"image\": $item, \"quantity\": 1}]"
  status_b=0 status_c=0
  (printf '%s' "$order" | on b bob orders place > "$work/order-b" 2>&1) & buyer_b=$!
  (printf '%s' "$order" | on a carol orders place > "$work/order-c" 2>&1) & buyer_c=$!
  wait "$buyer_b" || status_b=$?
  wait "$buyer_c" || status_c=$?
  if [ "$status_b" -eq 0 ] && [ "$status_c" -eq 0 ]; then fail "the last item $item was sold twice"; fi
  if [ "$status_b" -ne 0 ] && [ "$status_c" -ne 0 ]; then
    fail "nobody bought item $item: $(cat "$work/order-b") / $(cat "$work/order-c")"; fi
  loser="$work/order-b"; [ "$status_b" -eq 0 ] && loser="$work/order-c"
  grep -q '"error":"insufficient_stock"' "$loser" || fail "the loser of round $round was told: $(cat "$loser")"
done

# --- node A dies right after it acknowledged an upload; B has it and goes on serving ---
on a alice images add --name coffee --price 1 --quantity 5 < "$photos/coffee.png" > "$work/coffee" \
  || fail "upload on A: $(cat "$work/coffee")"
kill -9 "$a_pid"
coffee=$(id_of "$work/coffee")
on b alice images get "$coffee" --size original > "$work/coffee.original" || fail "B cannot fetch A's last upload"
cmp -s "$work/coffee.original" "$photos/coffee.png" || fail "B serves other bytes than A acknowledged"
on b bob images similar --limit 3 < "$photos/coffee.png" > "$work/similar-coffee" || fail "similar on B after A died"
grep -q "\"id\":$coffee," "$work/similar-coffee" || fail "B's similar lacks A's last upload: $(cat "$work/similar-coffee")"
printf '[{"image": %s, "quantity": 1}]' "$coffee" | on b bob orders place > "$work/order-after" \
  || fail "an order on B after A died: $(cat "$work/order-after")"

smoke_stop "$b_pid" 20 || fail "node B did not stop within 20 s of SIGTERM"
grep -q "Gallerist server stopped." "$work/node-b.log" || fail "node B did not shut down cleanly"
if grep -E -q "Exception|^!STACK|^\s+at [a-z]" "$work/node-b.log"; then fail "node B's log holds a stack trace"; fi
echo "two-node test passed: A on $a_port, B on $b_port; B's similar found A's upload $(( (found - uploaded) / 1000000 )) ms" \
  "after A acknowledged it (each try is an OpenSSH login of its own)"
