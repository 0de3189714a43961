# Sourced by ./mvnw and ./gallerist: Tycho 5 needs a JDK 21 or newer, the libvips bundle 22 (the FFM API): 22+.
# Keeps JAVA_HOME when it is new enough, otherwise picks the newest JDK 22+ found in the usual places.
gallerist_jdk_major() {
  [ -x "$1/bin/java" ] || return 1
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

gallerist_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(gallerist_jdk_major "$JAVA_HOME")
    [ "${major:-0}" -ge 22 ] 2>/dev/null && return 0
  fi
  best="" best_major=0
  case $- in *f*) noglob=1; set +f ;; *) noglob=0 ;; esac
  path_java=$(command -v java 2>/dev/null) && path_java=$(readlink -f "$path_java") && path_java=${path_java%/bin/java}
  for candidate in $path_java /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* /usr/java/* \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    major=$(gallerist_jdk_major "$candidate") || continue
    if [ "${major:-0}" -ge 22 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  [ "$noglob" = 1 ] && set -f
  if [ -z "$best" ]; then
    echo "Gallerist needs a JDK 22 or newer, and none was found." >&2
    echo "JAVA_HOME=${JAVA_HOME:-<unset>}; also looked on PATH and under /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks." >&2
    echo "Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

gallerist_find_jdk || exit 1
