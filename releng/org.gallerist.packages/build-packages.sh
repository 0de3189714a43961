#!/usr/bin/env bash
# Builds the Debian packages and the plain archives of both products, each with its own trimmed Java runtime:
#   build-packages.sh PRODUCTS_DIR OUT_DIR JDK_HOME
# PRODUCTS_DIR holds the materialised products (gallerist.server/..., gallerist.client/...); OUT_DIR receives
# gallerist-server_VERSION_amd64.deb, gallerist-client_VERSION_amd64.deb, gallerist-{server,client}-VERSION-linux-x86_64.tar.gz
# and sizes.txt. JDK_HOME is a JDK 22+ with jlink (the one running Maven).
# Without jlink, dpkg-deb or zip it warns and builds nothing, unless GALLERIST_REQUIRE_PACKAGES=true.
set -euo pipefail

products="$1"
out="$2"
jdk="$3"
here="$(cd "$(dirname "$0")" && pwd)"

missing=()
[ -x "$jdk/bin/jlink" ] || missing+=("jlink (a JDK 22+ as JAVA_HOME)")
command -v dpkg-deb > /dev/null || missing+=("dpkg-deb (apt-get install dpkg)")
command -v zip > /dev/null || missing+=("zip (apt-get install zip)")
command -v unzip > /dev/null || missing+=("unzip (apt-get install unzip)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "[WARNING] Debian packages and archives with a runtime were NOT built; missing: ${missing[*]}" >&2
  [ "${GALLERIST_REQUIRE_PACKAGES:-}" = true ] && { echo "GALLERIST_REQUIRE_PACKAGES=true: failing" >&2; exit 1; }
  exit 0
fi

server_product="$products/gallerist.server/linux/gtk/x86_64/gallerist-server"
client_product="$products/gallerist.client/linux/gtk/x86_64/gallerist-client"
[ -d "$server_product" ] && [ -d "$client_product" ] || { echo "No materialised products under $products" >&2; exit 1; }

# The version: the server bundle's, e.g. 0.1.0.202612071233 -> 0.1.0~202612071233 (a snapshot sorts before 0.1.0).
server_jar=$(ls "$server_product"/plugins/org.gallerist.server_*.jar | head -n 1)
bundle_version=$(basename "$server_jar" .jar); bundle_version=${bundle_version#org.gallerist.server_}
release=${bundle_version%.*}
qualifier=${bundle_version##*.}
deb_version="$release~$qualifier"

stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage" "$out"
rm -f "$out"/gallerist-*.deb "$out"/gallerist-*-linux-x86_64.tar.gz "$out/sizes.txt" # only this build's packages

# One runtime for both: the modules jdeps finds in the products' jars (see docs/packaging.md), plus what is reached by
# reflection or service loading (jdk.unsupported, charsets, EC, zip file systems, management), and java.sql.rowset,
# which HikariCP imports (not optionally) though the server never uses it.
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.rmi,java.security.jgss
modules=$modules,java.sql,java.sql.rowset,java.xml,jdk.xml.dom,jdk.unsupported,jdk.charsets,jdk.crypto.ec,jdk.zipfs,jdk.management
echo "Linking the Java runtime ($modules)"
# The CDS archives of the JDK's own classes (28 MB unpacked) save about 0.15 s of every start (docs/benchmarks.md).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --generate-cds-archive --output "$stage/runtime"

# A product, its runtime and nothing else: ONNX Runtime's jar keeps only the Linux x86-64 natives.
stage_product() {
  local product="$1" target="$2"
  cp -a "$product" "$target"
  # only what the build made: a run of the product (its smoke test) leaves the framework's state and logs behind
  (cd "$target/configuration" && find . -mindepth 1 -maxdepth 1 ! -name config.ini \
    ! -name org.eclipse.equinox.simpleconfigurator ! -name org.eclipse.update -exec rm -rf {} +)
  cp -a "$stage/runtime" "$target/runtime"
  local djl
  for djl in "$target"/plugins/org.gallerist.similarity.djl_*.jar; do
    [ -f "$djl" ] || continue
    local nested="$stage/nested"
    rm -rf "$nested" && mkdir -p "$nested"
    (cd "$nested" && unzip -q "$djl" lib/onnxruntime.jar \
      && zip -q -d lib/onnxruntime.jar 'ai/onnxruntime/native/osx-*' 'ai/onnxruntime/native/win-*' \
           'ai/onnxruntime/native/linux-aarch64/*' \
      && zip -q "$djl" lib/onnxruntime.jar)
    rm -rf "$nested"
  done
}

archive() {
  local name="$1" product="$2"
  local tree="$stage/archive/$name"
  mkdir -p "$stage/archive"
  stage_product "$product" "$tree"
  tar -C "$stage/archive" -czf "$out/$name-$release-linux-x86_64.tar.gz" "$name"
}

# The files every package has: its product under /opt, a command in /usr/bin, the copyright, and the control file.
deb_tree() {
  local name="$1" product="$2" command="$3" launcher="$4"
  local root="$stage/deb/$name"
  mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/doc/$name" "$root/DEBIAN"
  stage_product "$product" "$root/opt/$name"
  touch "$root/opt/$name/.packaged"
  ln -s "/opt/$name/$launcher" "$root/usr/bin/$command"
  install -m 0644 "$here/debian/copyright" "$root/usr/share/doc/$name/copyright"
  chmod -R u+w,go-w "$root/opt/$name"
}

control() {
  local name="$1" root="$stage/deb/$1"
  local size
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/@VERSION@/$deb_version/" -e "s/@SIZE@/$size/" "$here/debian/$2/control" > "$root/DEBIAN/control"
}

build_deb() {
  local name="$1"
  local file="$out/${name}_${deb_version}_amd64.deb"
  dpkg-deb --root-owner-group -Zxz -z6 --build "$stage/deb/$name" "$file" > /dev/null
  echo "Built $file"
}

echo "Packaging gallerist-server $deb_version"
deb_tree gallerist-server "$server_product" gallerist-server gallerist-server
root="$stage/deb/gallerist-server"
install -D -m 0644 "$here/debian/server/gallerist-server.service" "$root/lib/systemd/system/gallerist-server.service"
install -D -m 0644 "$here/debian/server/gallerist.properties" "$root/etc/gallerist/gallerist.properties"
install -d -m 0755 "$root/etc/gallerist/config"
for script in postinst prerm postrm; do install -m 0755 "$here/debian/server/$script" "$root/DEBIAN/$script"; done
install -m 0644 "$here/debian/server/conffiles" "$root/DEBIAN/conffiles"
control gallerist-server server
build_deb gallerist-server
archive gallerist-server "$server_product"

echo "Packaging gallerist-client $deb_version"
deb_tree gallerist-client "$client_product" gallerist gallerist-client
root="$stage/deb/gallerist-client"
install -D -m 0644 "$here/debian/client/org.gallerist.Client.desktop" \
  "$root/usr/share/applications/org.gallerist.Client.desktop"
install -D -m 0644 "$here/debian/client/org.gallerist.Client.svg" \
  "$root/usr/share/icons/hicolor/scalable/apps/org.gallerist.Client.svg"
control gallerist-client client
build_deb gallerist-client
archive gallerist-client "$client_product"

rm -rf "$stage"
{
  echo "version $deb_version"
  for file in "$out"/*.deb "$out"/*.tar.gz; do
    printf '%s %s\n' "$(basename "$file")" "$(du -m "$file" | cut -f1) MB"
  done
} | tee "$out/sizes.txt"
