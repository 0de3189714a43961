#!/usr/bin/env bash
# Checks the materialised desktop client product, run by `./mvnw verify` after the products are built: the client
# ships no server code, and (with a display) its --help works. What both sides need lives in api, rules and protocol; a server bundle in the client's
# plugins/ folder means a dependency crept back in (a client import of a server package drags its bundle along).
set -euo pipefail

product="$1"
example_dir="${2:-}"
plugins="$product/plugins"
[ -d "$plugins" ] || { echo "client contents check FAILED: no plugins folder in $product" >&2; exit 1; }

server_only='^org\.gallerist\.(core|storage(\..*)?|commands|server|similarity(\..*)?|imaging(\..*)?|transport\.ssh\.server|blobs(\..*)?)(_|$)'
found=$(ls "$plugins" | grep -E "$server_only" || true)
if [ -n "$found" ]; then
  echo "client contents check FAILED: the client product ships server bundles:" >&2
  echo "$found" >&2
  exit 1
fi
for needed in org.gallerist.api_ org.gallerist.rules_ org.gallerist.transport.ssh.client_ org.gallerist.client.ui_; do
  compgen -G "$plugins/$needed*" > /dev/null || { echo "client contents check FAILED: $needed* is missing" >&2; exit 1; }
done
# The launcher's options come from picocli: --help prints them and exits without opening a window.
if [ -n "${DISPLAY:-}" ]; then
  help=$(timeout 120 "$product/gallerist-client" --help 2>/dev/null) || { echo "client check FAILED: --help did not exit 0" >&2; exit 1; }
  grep -q -- "--host=HOST" <<< "$help" || { echo "client check FAILED: --help does not list the options: $help" >&2; exit 1; }
  version=$(timeout 120 "$product/gallerist-client" --version 2> "$product/../version-stderr.txt") || { echo "client check FAILED: --version did not exit 0" >&2; exit 1; }
  # the workbench makes every handler of the model at start: one that cannot load names its class here
  if grep -E "Unable to create class|NoClassDefFoundError|ClassNotFoundException" "$product/../version-stderr.txt" >&2; then
    echo "client check FAILED: a class of the client cannot be loaded (see above)" >&2; exit 1
  fi
  # The example client plugin dropped into a user's plugins folder is installed at start and offers its ImageAction.
  example=$(ls "$example_dir"/org.gallerist.examples.contactsheet-*.jar 2>/dev/null | head -n 1 || true)
  if [ -n "$example" ]; then
    plugin_home=$(mktemp -d)
    mkdir -p "$plugin_home/plugins" && cp "$example" "$plugin_home/plugins/"
    listed=$(GALLERIST_CLIENT_HOME="$plugin_home" timeout 120 "$product/gallerist-client" --plugins 2>/dev/null) || true
    rm -rf "$plugin_home"
    grep -q "^org.gallerist.examples.contactsheet .* active: ImageAction" <<< "$listed" \
      || { echo "client check FAILED: the example plugin was not installed from the plugins folder: $listed" >&2; exit 1; }
  fi
  grep -Eq "^build [0-9]{12}, commit ([0-9a-f]{12}|unknown)$" <<< "$version" && grep -q "^Java [0-9]" <<< "$version" \
    || { echo "client check FAILED: --version lacks the build, commit or Java runtime: $version" >&2; exit 1; }
fi
echo "client contents check passed: $(ls "$plugins" | grep -c '^org\.gallerist\.') Gallerist bundles, none of the server's"
