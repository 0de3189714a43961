#!/usr/bin/env bash
# The decoders' structural checks (PNG chunk CRCs, JPEG scan count) on a 36 MB PNG and a 7 MB JPEG, and what a
# progressive JPEG with its last scan repeated costs ImageIO to decode without the scan cap. Needs the bundles
# compiled (./mvnw -B -o compile) and a JDK 21+ as java.
#   bench/scripts/decoder-checks.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/bench/scripts/decoders"
cp="$top/bundles/org.gallerist.imaging/target/classes:$top/bundles/org.gallerist.api/target/classes"
out=$(mktemp -d)
trap 'rm -rf "$out" "${TMPDIR:-/tmp}"/gallerist-noise.png "${TMPDIR:-/tmp}"/gallerist-noise.jpg' EXIT
javac -cp "$cp" -d "$out" "$here/org/gallerist/imaging/internal/CheckBench.java"
java -cp "$out:$cp" org.gallerist.imaging.internal.CheckBench
for extra in 0 100 1000; do java "$here/ScanCost.java" 2000 "$extra"; done
