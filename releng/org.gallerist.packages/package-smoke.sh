#!/usr/bin/env bash
# Checks the built packages as a user gets them (run by `./mvnw verify` after build-packages.sh):
#   package-smoke.sh OUT_DIR
# Each .deb is unpacked with dpkg-deb -x (not installed: that would change this machine) and its control data, unit
# and desktop entry are checked; the server is then run from the unpacked tree with no Java on PATH and no JAVA_HOME,
# as an unprivileged user where this runs as root (so the installation is read-only to it, as under /opt), answers
# over stock OpenSSH, re-reads its settings on SIGHUP, and stops on SIGTERM; the client prints its version from its
# own runtime; the plain archives carry the same runtime. Everything runs on loopback; only the started pid is stopped.
set -euo pipefail

out="$1"
server_deb=$(ls "$out"/gallerist-server_*_amd64.deb 2>/dev/null | head -n 1 || true)
client_deb=$(ls "$out"/gallerist-client_*_amd64.deb 2>/dev/null | head -n 1 || true)
if [ -z "$server_deb" ] || [ -z "$client_deb" ]; then
  echo "[WARNING] no Debian packages in $out (build-packages.sh skipped them): package smoke test not run" >&2
  [ "${GALLERIST_REQUIRE_PACKAGES:-}" = true ] && exit 1
  exit 0
fi

work="$(mktemp -d)"
. "$(dirname "$0")/../org.gallerist.repository/smoke/lib.sh"
trap 'smoke_stop_all; rm -rf "$work"' EXIT
fail() { echo "package smoke test FAILED: $*" >&2; [ -f "$work/log" ] && { echo "--- server log ---" >&2; tail -50 "$work/log" >&2; }; exit 1; }

# --- the server package ---------------------------------------------------------------------------------------------
dpkg-deb --info "$server_deb" > "$work/info"
grep -q "^ Package: gallerist-server$" "$work/info" || fail "the server package is not named gallerist-server"
grep -q "^ Depends:.*adduser" "$work/info" || fail "the server package does not depend on adduser"
for script in postinst prerm postrm conffiles; do
  grep -Eq "lines( +\*)? +$script( |$)" "$work/info" || fail "the server package has no $script"
done
root="$work/server"
dpkg-deb -x "$server_deb" "$root"
app="$root/opt/gallerist-server"
[ -L "$root/usr/bin/gallerist-server" ] && [ "$(readlink "$root/usr/bin/gallerist-server")" = /opt/gallerist-server/gallerist-server ] \
  || fail "/usr/bin/gallerist-server is not a link to /opt/gallerist-server/gallerist-server"
unit="$root/lib/systemd/system/gallerist-server.service"
for directive in "User=gallerist" "NoNewPrivileges=yes" "ProtectSystem=strict" "PrivateTmp=yes" \
                 "ReadWritePaths=/var/lib/gallerist" "StateDirectory=gallerist" "ExecReload=/bin/kill -HUP \$MAINPID"; do
  grep -qF "$directive" "$unit" || fail "the unit lacks $directive"
done
grep -q "^/etc/gallerist/gallerist.properties$" <(dpkg-deb --ctrl-tarfile "$server_deb" | tar -xO ./conffiles) \
  || fail "gallerist.properties is not a conffile"
[ -x "$app/runtime/bin/java" ] || fail "no runtime in the server package"
djl=$(ls "$app"/plugins/org.gallerist.similarity.djl_*.jar)
(cd "$work" && unzip -q -o "$djl" lib/onnxruntime.jar -d ort)
natives=$(unzip -l "$work/ort/lib/onnxruntime.jar" | grep -Eo 'ai/onnxruntime/native/[^/]+/' | sort -u | tr '\n' ' ')
[ "$natives" = "ai/onnxruntime/native/linux-x64/ " ] || fail "natives of other platforms in the server package: $natives"

# The unpacked tree is root's; as root, run as nobody so that it is read-only to the server, as when installed.
run_as=()
if [ "$(id -u)" = 0 ]; then
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  home="$work/home-nobody"
else
  home="$work/home"
fi
mkdir -p "$home" "$work/etc"
cp -r "$root/etc/gallerist/." "$work/etc/"
[ "$(id -u)" = 0 ] && chown -R nobody:nogroup "$home" "$work/etc"
chmod 755 "$work"
clean_env=(env -i "HOME=$home" PATH=/usr/bin:/bin LANG=C.UTF-8)

"${clean_env[@]}" "${run_as[@]}" "$app/gallerist-server" --version > "$work/version" 2>&1 || fail "--version failed: $(cat "$work/version")"
grep -q "^Java 2[0-9].*, /.*/opt/gallerist-server/runtime$" "$work/version" \
  || fail "--version does not run on the package's own runtime: $(cat "$work/version")"
# p2 leaves a package's files alone: the package manager owns them.
if "${clean_env[@]}" "${run_as[@]}" "$app/gallerist-server" update --repository file:/nonexistent > "$work/update" 2>&1; then
  fail "update ran on a packaged installation"; fi
grep -q "installed by the package manager" "$work/update" || fail "update on a package says: $(cat "$work/update")"

"${clean_env[@]}" "${run_as[@]}" "$app/gallerist-server" --data "$home/data" --config "$work/etc" --host 127.0.0.1 --port 0 \
  > "$work/log" 2>&1 &
server_pid=$!
smoke_started "$server_pid"
port=$(smoke_ready_port "$work/log" "$server_pid") || fail "the packaged server did not start"
[ -d "$home/.cache/gallerist-server/osgi" ] || fail "the OSGi state is not in the user's cache folder"
[ ! -e "$app/configuration/org.eclipse.osgi" ] || fail "the server wrote into its installation"

ssh-keygen -q -t ed25519 -N '' -f "$work/key"
smoke_ssh_options "$port" "$work/known_hosts"
smoke_signup packaged 'correct horse battery' "$work/key" "$work/signup" || fail "signup over ssh failed: $(cat "$work/signup")"
timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" packaged@127.0.0.1 whoami > "$work/whoami" || fail "whoami failed"
grep -q '"user":"packaged"' "$work/whoami" || fail "whoami: $(cat "$work/whoami")"

# systemctl reload: SIGHUP re-reads gallerist.properties (here: sign-up switched off) and the server keeps running.
sed -i 's/^signupEnabled=true$/signupEnabled=false/' "$work/etc/gallerist.properties"
kill -HUP "$server_pid"
for _ in $(seq 1 80); do grep -q "Settings re-read" "$work/log" && break; sleep 0.25; done
grep -q "Settings re-read" "$work/log" || fail "SIGHUP did not re-read the settings"
kill -0 "$server_pid" 2>/dev/null || fail "the server died of SIGHUP"
# a changed SSH setting restarts the SSH endpoint; with --port 0 it listens on a new free port
sleep 1
port=$(sed -n 's/.*Gallerist SSH server listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log" | tail -n 1)
smoke_ssh_options "$port" "$work/known_hosts"
if printf 'correct horse battery\n' | timeout 60 ssh "${smoke_ssh[@]}" -o PubkeyAuthentication=no signup@127.0.0.1 signup late \
    > "$work/late-out" 2> "$work/late"; then fail "sign-up still open after the reload"; fi
grep -Eq '"error":"signup_disabled"|Permission denied' "$work/late" "$work/late-out" || fail "after the reload, sign-up answered: $(cat "$work/late" "$work/late-out")"

smoke_stop "$server_pid" 30 || fail "the packaged server did not stop on SIGTERM within 30 s"
if grep -E "^\s+at [a-z]" "$work/log" > /dev/null; then fail "a stack trace in the log"; fi

# --- the client package ---------------------------------------------------------------------------------------------
dpkg-deb --info "$client_deb" > "$work/client-info"
grep -q "^ Depends:.*libgtk-3-0" "$work/client-info" || fail "the client package does not depend on GTK 3"
croot="$work/client"
dpkg-deb -x "$client_deb" "$croot"
[ "$(readlink "$croot/usr/bin/gallerist")" = /opt/gallerist-client/gallerist-client ] || fail "no /usr/bin/gallerist"
desktop="$croot/usr/share/applications/org.gallerist.Client.desktop"
grep -q "^Exec=gallerist$" "$desktop" && grep -q "^Icon=org.gallerist.Client$" "$desktop" || fail "desktop entry"
[ -f "$croot/usr/share/icons/hicolor/scalable/apps/org.gallerist.Client.svg" ] || fail "no icon"
if command -v desktop-file-validate > /dev/null; then desktop-file-validate "$desktop" || fail "desktop entry invalid"; fi
if [ -n "${DISPLAY:-}" ]; then
  # as this user: the X server's authority is theirs; the client's state goes to GALLERIST_CLIENT_HOME, not /opt
  "${clean_env[@]}" "DISPLAY=$DISPLAY" "XAUTHORITY=${XAUTHORITY:-}" "GALLERIST_CLIENT_HOME=$work/client-home" \
    timeout 120 "$croot/opt/gallerist-client/gallerist-client" --version > "$work/client-version" 2>&1 \
    || fail "the client's --version failed: $(cat "$work/client-version")"
  grep -q "^Java 2[0-9].*, /.*/opt/gallerist-client/runtime$" "$work/client-version" \
    || fail "the client does not run on its own runtime: $(cat "$work/client-version")"
  if grep -E "Unable to create class|NoClassDefFoundError|ClassNotFoundException" "$work/client-version" >&2; then
    fail "a class of the packaged client cannot be loaded (a module missing from its runtime, or an import)"
  fi
  [ ! -e "$croot/opt/gallerist-client/configuration/org.eclipse.osgi" ] || fail "the client wrote into its installation"
fi

# --- the plain archives ---------------------------------------------------------------------------------------------
for name in gallerist-server gallerist-client; do
  archive=$(ls "$out"/$name-*-linux-x86_64.tar.gz)
  tar -tzf "$archive" > "$work/list"
  grep -q "^$name/runtime/bin/java$" "$work/list" || fail "$archive has no runtime"
  if grep -q "^$name/.packaged$" "$work/list"; then fail "$archive is marked as a package (it would not use its own folder)"; fi
done

echo "package smoke test passed: $(cat "$out/sizes.txt" | tr '\n' ';')"
