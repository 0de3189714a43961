#!/usr/bin/env bash
# Encryption at rest, measured: FileBlobStore stores (stage + commit: fsync, rename) and reads back 20 x 8 MB and one
# 200 MB file, plain and encrypted, alternating, in one JVM with a 64 MB heap (so the 200 MB file cannot be held in
# memory). Prints the throughput table and writes it to bench/org.gallerist.storage.bench/target/blob-encryption.md.
#   bench/scripts/blob-encryption.sh [ROUNDS] [DATA_FOLDER]   (default 3 rounds; data under the module's target/,
#                                                              which must be on disk, not a tmpfs)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
args=(-Dbench.rounds="$rounds")
[ $# -ge 2 ] && args+=(-Dbench.dir="$2")
cd "$top"
exec ./mvnw -B -q -Pbench verify -pl bench/org.gallerist.storage.bench -am "${args[@]}"
