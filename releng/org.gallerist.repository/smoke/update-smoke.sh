#!/usr/bin/env bash
# Updates through p2, run by `./mvnw verify` after the products are built. Version N is this build's products; version
# N+1 is the same sources built again (offline, in a copy) with a later build qualifier, so that every bundle changes.
# Server: bad repositories (missing, unsigned, older) change nothing and the server still starts; `update` installs
# N+1, which then runs on N's data folder with the example server plugin installed by `plugins install`; the console's
# `update` installs N+1 into a running server and restarts it.
# Client: Help › Check for Updates installs N+1 and restarts the client (client-product-ui.sh drives the product under
# Xvfb; without a display the launcher's `update` does it); `plugins install` adds the example client plugin from the
# p2 repository, whose action then runs in the product (screenshots in SHOTS).
set -euo pipefail

server_product="$1"
client_product="$2"
repository_n="$3"
top="$(cd "$4" && pwd)"
shots="${5:-$(mktemp -d)}"
work="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'smoke_stop_all; rm -rf "$work"' EXIT
fail() { echo "update smoke test FAILED: $*" >&2; exit 1; }
say() { echo "update smoke test: $*" >&2; }

qualifier() { ls "$1/plugins/" | sed -n "s/^$2_0\.1\.0\.\([0-9]*\)\.jar$/\1/p" | head -n 1; }
build_n=$(qualifier "$server_product" org.gallerist.server)
[ -n "$build_n" ] || fail "no org.gallerist.server bundle in $server_product"
# Later than every qualifier of N (bundles, features and the product, which is never built after now).
build_next=$(( $( (ls "$server_product/plugins" "$server_product/features" "$client_product/plugins" \
  | sed -n 's/^org\.gallerist\..*_0\.1\.0\.\([0-9]\{12\}\)\(\.jar\)\{0,1\}$/\1/p'; date -u +%Y%m%d%H%M) | sort -n | tail -n 1) + 1 ))

say "building N+1 (qualifier $build_next) from a copy of the sources"
mkdir -p "$work/src"
(cd "$top" && tar --exclude=./.git --exclude='*/target' --exclude=./target -cf - .) | (cd "$work/src" && tar -xf -)
(cd "$work/src" && ./mvnw -B -o -q package -DskipTests -pl releng/org.gallerist.repository -am \
  "-DforceContextQualifier=$build_next" > "$work/build.log" 2>&1) || { tail -n 40 "$work/build.log" >&2; fail "N+1 did not build"; }
repository_next="file:$work/src/releng/org.gallerist.repository/target/repository"

# --- server ---
server="$work/server"
cp -r "$server_product" "$server"
start_server() { # LOG [ARGS...]: starts the copy on the data folder, waits for its port
  local log="$1"; shift
  "$server/gallerist-server" --data "$work/data" --port 0 "$@" > "$log" 2>&1 &
  server_pid=$!
  smoke_started "$server_pid"
  port=$(smoke_ready_port "$log" "$server_pid") || fail "the server did not start"
  smoke_ssh_options "$port" "$work/known_hosts"
}
stop_server() { smoke_stop "$server_pid" 20 || fail "did not stop within 20 s of SIGTERM"; }
server_build() { "$server/gallerist-server" --version 2>/dev/null | sed -n 's/^build \([0-9]*\),.*/\1/p'; }
expect() { # STATUS OUTPUT-FILE TEXT COMMAND...: runs COMMAND, expects the exit status and the text in its output
  local status=0 want="$1" out="$2" text="$3"; shift 3
  timeout 600 "$@" > "$out" 2>&1 || status=$?
  [ "$status" -eq "$want" ] || fail "'$*' exited with $status, not $want: $(cat "$out")"
  grep -q -F -- "$text" "$out" || fail "'$*' does not say '$text': $(cat "$out")"
}

ssh-keygen -q -t ed25519 -N '' -f "$work/key"
start_server "$work/n.log"
smoke_signup keeper 'correct horse' "$work/key" "$work/signup" || fail "signup on N failed: $(cat "$work/signup")"
stop_server

expect 1 "$work/missing" "No repository found at file:$work/nowhere" "$server/gallerist-server" update --repository "$work/nowhere"
grep -q "Nothing changed" "$work/missing" || fail "a missing repository does not say nothing changed: $(cat "$work/missing")"
expect 2 "$work/relative" "must be a URL" "$server/gallerist-server" update --repository some/where
expect 0 "$work/check" "is available (installed: 0.1.0." "$server/gallerist-server" update --repository "$repository_next" --check
expect 4 "$work/unsigned" "Unsigned content is rejected" "$server/gallerist-server" update --repository "$repository_next"
grep -q -- "--allow-unsigned" "$work/unsigned" || fail "the refusal of unsigned content names no way out: $(cat "$work/unsigned")"
[ "$(server_build)" = "$build_n" ] || fail "a refused update changed the installation: $(server_build)"
say "refusals left N in place; updating the server to N+1"
expect 0 "$work/updated" "Updated Gallerist server to 0.1.0.$build_next" \
  "$server/gallerist-server" update --repository "$repository_next" --allow-unsigned
[ "$(server_build)" = "$build_next" ] || fail "--version after the update names build $(server_build), not $build_next"
expect 3 "$work/again" "is up to date" "$server/gallerist-server" update --repository "$repository_next"
expect 1 "$work/older" "downgrades are refused" "$server/gallerist-server" update --repository "file:$repository_n"
# A server plugin from the p2 repository: the example embedder serves from the next start (without a model, which
# outranks it).
expect 4 "$work/server-plugin-unsigned" "Unsigned content is rejected" \
  "$server/gallerist-server" plugins install --repository "file:$repository_n" org.gallerist.examples.feature
expect 0 "$work/server-plugin" "Installed org.gallerist.examples.feature" \
  "$server/gallerist-server" plugins install --repository "file:$repository_n" --allow-unsigned org.gallerist.examples.feature
expect 0 "$work/server-plugins" "org.gallerist.examples.feature 0.1.0." "$server/gallerist-server" plugins list

start_server "$work/next.log" --no-model # with no model, the plugin's embedder outranks the built-in descriptor
timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" keeper@127.0.0.1 whoami > "$work/whoami" \
  || fail "N's account cannot log in to N+1: $(tail -n 20 "$work/next.log")"
grep -q '"user":"keeper"' "$work/whoami" || fail "unexpected whoami on N+1: $(cat "$work/whoami")"
timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" keeper@127.0.0.1 server info > "$work/info" || fail "server info failed"
grep -q '"embedder":"example:' "$work/info" || fail "the server plugin installed by p2 does not serve: $(cat "$work/info")"
stop_server

# The console: a running N is updated in place and starts again on N+1, its data folder and port settings kept.
say "updating a running server from its console"
rm -rf "$server" && cp -r "$server_product" "$server"
mkfifo "$work/console"
sleep 900 > "$work/console" & # holds the pipe open for writing: the console's input never ends between our lines
smoke_started $!
"$server/gallerist-server" --data "$work/data" --port 0 -console < "$work/console" > "$work/console.log" 2>&1 &
server_pid=$!
smoke_started "$server_pid"
exec 7> "$work/console" # opens once the server reads the pipe
smoke_ready_port "$work/console.log" "$server_pid" > /dev/null || fail "the server with a console did not start"
echo "gallerist:update --allow-unsigned $repository_next" >&7
for _ in $(seq 1 40); do # until the update has begun (or failed): it says so before p2 runs
  grep -q -E "Updating the installation from|Command not found" "$work/console.log" && break; sleep 0.25; done
grep -q "Command not found" "$work/console.log" && fail "the console has no update command: $(cat "$work/console.log")"
port=$(smoke_ready_port "$work/console.log" "$server_pid" 120 2) \
  || fail "the console's update did not restart the server: $(grep -v '^\s*at ' "$work/console.log" | tail -n 30)"
grep -q "Restarting on it now" "$work/console.log" || fail "the console did not say it restarts: $(cat "$work/console.log")"
[ "$(server_build)" = "$build_next" ] || fail "the console's update left build $(server_build)"
smoke_ssh_options "$port" "$work/known_hosts"
timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" keeper@127.0.0.1 whoami > "$work/whoami2" \
  || fail "no login after the console's update"
exec 7>&-
stop_server

# --- client ---
client="$work/client"
cp -r "$client_product" "$client"
expect 1 "$work/client-missing" "No repository found" "$client/gallerist-client" update --repository "$work/nowhere"
ui=false
if [ -n "${DISPLAY:-}" ] && command -v xdotool > /dev/null && command -v import > /dev/null; then ui=true
elif [ "${GALLERIST_REQUIRE_PACKAGES:-}" = true ]; then
  fail "xdotool and ImageMagick's import are needed to drive the client product (apt-get install xdotool imagemagick)"
else say "WARNING: no display, xdotool or import: the client's Check for Updates and the plugin's action are not checked"; fi
photos=("$top/docs/screenshots/about.png" "$top/docs/screenshots/plugin-details-section.png")
if $ui; then # Help › Check for Updates in the running client, then its restart
  "$(dirname "$0")/client-product-ui.sh" "$server" "$client" "$shots" "${photos[@]}" update "$repository_next" \
    || fail "Help › Check for Updates did not update the client"
else
  expect 0 "$work/client-updated" "Updated Gallerist client to 0.1.0.$build_next" \
    "$client/gallerist-client" update --repository "$repository_next" --allow-unsigned
fi
grep -q "org.gallerist.client.app,0.1.0.$build_next," "$client/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
  || fail "the client's configuration does not run N+1's bundles"
expect 4 "$work/plugin-unsigned" "Unsigned content is rejected" \
  "$client/gallerist-client" plugins install --repository "file:$repository_n" org.gallerist.examples.client.feature
expect 0 "$work/plugin" "Installed org.gallerist.examples.client.feature" \
  "$client/gallerist-client" plugins install --repository "file:$repository_n" --allow-unsigned org.gallerist.examples.client.feature
expect 0 "$work/plugin-list" "org.gallerist.examples.client.feature 0.1.0." "$client/gallerist-client" plugins list
grep -q "^org.gallerist.examples.contactsheet," "$client/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
  || fail "the example plugin's bundle is not in the client's configuration"
if [ -n "${DISPLAY:-}" ]; then # the updated client starts, runs N+1 and offers the plugin's ImageAction
  mkdir -p "$work/client-home"
  version=$(GALLERIST_CLIENT_HOME="$work/client-home" timeout 120 "$client/gallerist-client" --version 2>/dev/null) \
    || fail "the updated client's --version failed"
  grep -q "^build $build_next," <<< "$version" || fail "the updated client runs $version, not build $build_next"
  listed=$(GALLERIST_CLIENT_HOME="$work/client-home" timeout 120 "$client/gallerist-client" --plugins 2>/dev/null) || true
  grep -q -E "^org.gallerist.examples.contactsheet .* active( \(lazy\))?: ImageAction \(installed by p2\)" <<< "$listed" \
    || fail "the plugin installed by p2 does not run in the client: $listed"
fi
# The plugin in the running product: its menu item in the gallery, its dialog when chosen (screenshots in SHOTS).
if $ui; then
  "$(dirname "$0")/client-product-ui.sh" "$server" "$client" "$shots" "${photos[@]}" plugin \
    || fail "the plugin installed by p2 did not run in the product"
fi
expect 2 "$work/plugin-self" "not a plugin" "$client/gallerist-client" plugins remove org.gallerist.client.feature
expect 0 "$work/plugin-removed" "Removed org.gallerist.examples.client.feature" \
  "$client/gallerist-client" plugins remove org.gallerist.examples.client.feature
if grep -q "^org.gallerist.examples.contactsheet," "$client/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"; then
  fail "the removed plugin's bundle is still configured"; fi
say "passed (N $build_n -> N+1 $build_next: server by command and by console, client, client plugin)"
