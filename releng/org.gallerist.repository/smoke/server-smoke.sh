#!/usr/bin/env bash
# Smoke test of the materialised server product, run by `./mvnw verify` after the products are built:
# it starts the real launch script on a free loopback port with a fresh data folder, signs up and asks
# whoami over stock OpenSSH, claims the admin role with the one-time token from the log, uploads, stops the server it
# started by pid (SIGTERM), and checks the log holds no stack trace, the log file is written (the shutdown's lines
# included), every folder and file in the data folder is its owner's only (0700/0600), and that the launcher refuses to
# start on a data folder, plugin folder, encryption key or shared host key (--host-key) with loose modes (StrictModes).
# With an ONNX model as the second argument (where the file exists) it also checks that the model serves.
set -euo pipefail

product="$1"
model="${2:-}"
model_args=()
[ -n "$model" ] && [ -f "$model" ] && model_args=(--model "$model")
work="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'smoke_stop_all; rm -rf "$work"' EXIT
fail() { echo "server smoke test FAILED: $*" >&2; echo "--- server log ---" >&2; cat "$work/log" >&2 || true; exit 1; }

"$product/gallerist-server" --help > "$work/help" 2>&1 || fail "--help did not exit 0"
grep -q -- "--data=DIR" "$work/help" || fail "--help does not describe the options"
"$product/gallerist-server" --version > "$work/version" 2>&1 || fail "--version did not exit 0"
grep -q "^gallerist-server [0-9]" "$work/version" || fail "--version does not name the version: $(cat "$work/version")"
grep -Eq "^build [0-9]{12}, commit ([0-9a-f]{12}|unknown)$" "$work/version" || fail "--version has no build and commit: $(cat "$work/version")"
grep -q "^Java [0-9]" "$work/version" || fail "--version does not name the Java runtime: $(cat "$work/version")"
if "$product/gallerist-server" --bogus > "$work/bogus" 2>&1; then fail "an unknown option was accepted"; else
  [ $? -eq 2 ] || fail "an unknown option did not exit with 2"; fi
grep -q "Unknown option: '--bogus'" "$work/bogus" || fail "an unknown option is not named: $(cat "$work/bogus")"

# A component configured by a file in DATA/config (read and watched by Felix FileInstall): uploads limited to 1000 bytes.
mkdir -p "$work/data/config"
printf 'maxImageBytes=1000\n' > "$work/data/config/org.gallerist.images.cfg"

"$product/gallerist-server" --data "$work/data" --port 0 "${model_args[@]}" > "$work/log" 2>&1 &
server_pid=$!
smoke_started "$server_pid"
port=$(smoke_ready_port "$work/log" "$server_pid") || fail "not ready"

if command -v ssh >/dev/null && command -v ssh-keygen >/dev/null; then
  ssh-keygen -q -t ed25519 -N '' -f "$work/key"
  smoke_ssh_options "$port" "$work/known_hosts"
  smoke_signup smoke 'correct horse' "$work/key" "$work/signup" || fail "signup over ssh failed: $(cat "$work/signup")"
  timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 whoami > "$work/whoami" || fail "whoami failed"
  grep -q '"user":"smoke","role":"user"' "$work/whoami" || fail "a sign-up made an admin: $(cat "$work/whoami")"
  # The first admin: the one-time token the server logged because it has none, redeemed by the account over SSH.
  token="$(sed -n 's/.*users claim-admin \([0-9a-f]\{32\}\).*/\1/p' "$work/log" | head -n 1)"
  [ -n "$token" ] || fail "no admin token in the log"
  grep -q "users claim-admin $token" "$work/data/logs/gallerist.log" || fail "the admin token is not in the log file"
  timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 users claim-admin "$token" > "$work/claim" \
    || fail "claiming the admin role failed: $(cat "$work/claim")"
  grep -q '"user":"smoke","role":"admin"' "$work/claim" || fail "unexpected claim answer: $(cat "$work/claim")"
  if timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 users claim-admin "$token" 2> "$work/claim.err"; then
    fail "the admin token worked twice"; fi
  grep -q '"error":"forbidden"' "$work/claim.err" || fail "unexpected second claim: $(cat "$work/claim.err")"
  timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 tags list > /dev/null || fail "tags list failed"
  photo="$(dirname "${model:-/nonexistent}")/../photos/coffee.png"
  if [ -f "$photo" ]; then
    add=(timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 images add --name coffee --price 1 --quantity 1)
    if "${add[@]}" < "$photo" > "$work/add" 2> "$work/add.err"; then fail "the file's 1000-byte limit was not applied"; fi
    grep -q '"error":"too_large"' "$work/add.err" || fail "unexpected answer to a large upload: $(cat "$work/add.err")"
    printf 'maxImageBytes=52428800\n' > "$work/data/config/org.gallerist.images.cfg"
    added=""
    for _ in $(seq 1 60); do
      if "${add[@]}" < "$photo" > "$work/add" 2> "$work/add.err"; then added=yes; break; fi
      sleep 0.5
    done
    [ -n "$added" ] || fail "an edit of DATA/config/org.gallerist.images.cfg did not apply: $(cat "$work/add.err")"
  fi
  # Uploads, so that the walk of the data folder below sees image files, their folders and a written database.
  printf 'maxImageBytes=52428800\n' > "$work/data/config/org.gallerist.images.cfg"
  screenshot="$(dirname "$0")/../../../docs/screenshots/connect-dialog.png"
  added=""
  for _ in $(seq 1 60); do
    if timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 images add --name dialog --price 1 --quantity 1 \
        < "$screenshot" > "$work/add" 2> "$work/add.err"; then added=yes; break; fi
    sleep 0.5
  done
  [ -n "$added" ] || fail "uploading $screenshot failed: $(cat "$work/add.err")"
  if [ ${#model_args[@]} -gt 0 ]; then
    for _ in $(seq 1 240); do grep -q "Image model onnx:.* ready" "$work/log" && break; sleep 0.25; done
    timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" smoke@127.0.0.1 server info > "$work/info" || fail "server info failed"
    grep -q '"embedder":"onnx:' "$work/info" || fail "the model does not serve: $(cat "$work/info")"
  fi
else
  echo "server smoke test: no OpenSSH client, only start and stop are checked" >&2
fi

smoke_stop "$server_pid" 20 || fail "did not stop within 20 s of SIGTERM"
grep -q "Gallerist server stopped." "$work/log" || fail "no clean shutdown message"
if grep -E -q "Exception|^!STACK|^\s+at [a-z]" "$work/log"; then
  fail "the log holds a stack trace"
fi
# Besides the console, the server logs to <data>/logs/gallerist.log (a private folder), Mina's and our lines alike.
logfile="$work/data/logs/gallerist.log"
[ -f "$logfile" ] || fail "no log file $logfile"
[ "$(stat -c %a "$work/data/logs")" = 700 ] || fail "the log folder is not private: $(stat -c %a "$work/data/logs")"
grep -q "Gallerist server ready on 127\.0\.0\.1:$port" "$logfile" || fail "the log file lacks the ready line: $(cat "$logfile")"
grep -q "Gallerist SSH server listening on 127\.0\.0\.1:$port" "$logfile" \
  || fail "the log file lacks the transport's start-up line: $(cat "$logfile")"
# What is logged while SIGTERM stops the framework reaches the file too: JUL's own shutdown hook would close the
# handlers first, unless the launch script's ShutdownLogManager defers that until the framework has stopped.
grep -q "Gallerist server stopping: the JVM is shutting down" "$logfile" \
  || fail "the log file lacks the shutdown's first line: $(cat "$logfile")"
grep -q "Gallerist SSH server stopped" "$logfile" \
  || fail "the log file lacks the transport's shutdown line (logged while the framework stops): $(cat "$logfile")"

# Files: the data folder was started with a config folder and file the script made with its umask (0755/0644): they
# were tightened at start and said so; everything the server wrote is its user's only.
grep -q "Tightened the permissions of" "$logfile" || fail "the loose config folder was not tightened: $(cat "$logfile")"
loose="$(find "$work/data" ! -type l \( \( -type d ! -perm 700 \) -o \( ! -type d -perm /077 \) \) -printf '%m %p\n')"
[ -z "$loose" ] || fail "folders not 0700 or files others may use in the data folder: $loose"

# StrictModes: each loose mode below refuses the start with exit status 1 and a message naming the path and the fix.
refused() { # WHAT EXPECTED-TEXT...: starts the server on the data folder and expects a refusal saying each text
  local what="$1" status=0; shift
  timeout 120 "$product/gallerist-server" --data "$work/data" --port 0 > "$work/refused" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "exit status $status, not 1, although $what: $(cat "$work/refused")"
  for text in "$@"; do
    grep -q -F -- "$text" "$work/refused" || fail "the refusal ($what) does not say '$text': $(cat "$work/refused")"
  done
  grep -q "Gallerist server ready" "$work/refused" && fail "ready although $what"
  return 0
}
chmod 777 "$work/data"
refused "the data folder is world-writable" "cannot start: the data folder $work/data is writable" "chmod 700 $work/data"
chmod 700 "$work/data"
chmod 775 "$work/data/plugins"
refused "the plugin folder is group-writable" "$work/data/plugins is writable by its group" "run code" \
  "chmod 700 $work/data/plugins"
chmod 700 "$work/data/plugins"
head -c 32 /dev/urandom > "$work/data/blob.key"
chmod 644 "$work/data/blob.key"
refused "blob.key is readable by others" "the encryption key $work/data/blob.key can be read" "chmod 600 $work/data/blob.key"
rm "$work/data/blob.key"
if [ "$(id -u)" = 0 ] && id nobody > /dev/null 2>&1; then
  chown nobody "$work/data/plugins"
  refused "the plugin folder belongs to someone else" "$work/data/plugins is owned by nobody" "chown -R root"
  chown root "$work/data/plugins"
fi
if command -v ssh-keygen > /dev/null; then # a shared host key (--host-key) that others can read
  ssh-keygen -q -t ed25519 -N '' -f "$work/shared_host_key"
  chmod 644 "$work/shared_host_key"
  status=0
  timeout 120 "$product/gallerist-server" --data "$work/data" --port 0 --host-key "$work/shared_host_key" \
    > "$work/refused" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "exit status $status, not 1, for a host key others can read: $(cat "$work/refused")"
  grep -q -F "the host key file $work/shared_host_key can be read by its group or others" "$work/refused" \
    || fail "the refusal of a readable host key says: $(cat "$work/refused")"
fi
# --database: a PostgreSQL that cannot be reached stops the start at once, in one line; a URL of another kind is a
# usage error. Neither leaves an embedded database behind.
rm -rf "$work/pgdata" && mkdir -m 700 "$work/pgdata"
status=0
started=$(date +%s)
timeout 120 "$product/gallerist-server" --data "$work/pgdata" --port 0 --database jdbc:postgresql://127.0.0.1:1/shop \
  > "$work/refused" 2>&1 || status=$?
[ "$status" -eq 1 ] || fail "exit status $status, not 1, for a database that is down: $(cat "$work/refused")"
grep -q -F "Gallerist server cannot start: Cannot open PostgreSQL at 127.0.0.1:1/shop: " "$work/refused" \
  || fail "the refusal of a database that is down says: $(cat "$work/refused")"
[ $(( $(date +%s) - started )) -lt 40 ] || fail "a database that is down took $(( $(date +%s) - started )) s to refuse"
[ -e "$work/pgdata/db" ] && fail "an embedded database was made although --database was given"
status=0
timeout 120 "$product/gallerist-server" --data "$work/pgdata" --port 0 --database jdbc:mysql://127.0.0.1/shop \
  > "$work/refused" 2>&1 || status=$?
[ "$status" -eq 2 ] || fail "exit status $status, not 2, for a database URL of another kind: $(cat "$work/refused")"
grep -q -F "jdbc:postgresql://HOST[:PORT]/DATABASE" "$work/refused" \
  || fail "the refusal of a MySQL URL says: $(cat "$work/refused")"
echo "server smoke test passed (port $port)"
