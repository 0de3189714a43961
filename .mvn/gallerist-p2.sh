# Sourced by both launchers. `update` and `plugins` run p2's director against the installation's own profile, in a
# framework of its own (a temporary configuration area, so it works beside a running product), with p2's bundles started
# and Gallerist's left stopped. p2 commits a plan only when every phase succeeded, so a failure leaves the installation
# as it was. Needs: $here (installation), $JAVA_HOME, $gallerist_iu (the product's p2 id), $gallerist_name,
# $gallerist_package and $gallerist_feature. Exit codes: 0 done (with --check: an update is available), 1 failed,
# 2 bad usage, 3 nothing to do, 4 refused because the content is unsigned (--allow-unsigned overrides). The products run
# these commands with GALLERIST_LAUNCHER_ADVICE=off: they give their own advice, so only the facts are printed then.
# gallerist_run_restartable starts the product again after an update.

gallerist_p2_say() { printf '%s\n' "$*" >&2; }

# Advice for someone at a command line (what to run next), left out when a product runs the launcher.
gallerist_p2_advise() { [ "${GALLERIST_LAUNCHER_ADVICE:-on}" = off ] || printf '%s\n' "$*" >&2; }

# The director's first N lines (default 1) of "$1" on one line, without their final full stops.
gallerist_p2_first() { printf '%s\n' "$1" | head -n "${2:-1}" | sed 's/\.$//' | paste -s -d ';' - | sed 's/;/; /g'; }

gallerist_p2_director() {
  p2_work=$(mktemp -d "${TMPDIR:-/tmp}/gallerist-p2.XXXXXX") || return 1
  mkdir -p "$p2_work/configuration"
  sed -e '/^org.eclipse.equinox.simpleconfigurator.configUrl=/d' -e '/^eclipse.application=/d' \
    -e '/^eclipse.p2.data.area=/d' -e '/^osgi.framework.extensions=/d' "$here/configuration/config.ini" \
    > "$p2_work/configuration/config.ini"
  p2_state=$(ls "$here"/plugins/org.eclipse.osgi.compatibility.state_*.jar 2>/dev/null | head -n 1)
  echo "osgi.framework.extensions=reference\\:file\\:$p2_state" >> "$p2_work/configuration/config.ini"
  echo "org.eclipse.equinox.simpleconfigurator.configUrl=file\\:$p2_work/bundles.info" >> "$p2_work/configuration/config.ini"
  # Bundles with a lazy activation policy start only when marked so below (else Gallerist's components would start).
  echo "osgi.compatibility.eagerStart.LazyActivation=false" >> "$p2_work/configuration/config.ini"
  # p2 finds its services through DS only in started bundles; Gallerist's own components stay out of the way.
  sed -E -e "s#,plugins/#,file:$here/plugins/#" \
    -e '/^(org\.gallerist|ai\.djl|com\.microsoft\.onnxruntime)/s/,true$/,false/' \
    -e '/^(org\.eclipse\.(equinox|core|ecf)\.|org\.eclipse\.ecf,|org\.apache\.felix\.scr,)/s/,false$/,true/' \
    "$here/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" > "$p2_work/bundles.info"
  p2_launcher=$(ls "$here"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
  "$JAVA_HOME/bin/java" -Xmx512m -cp "$p2_launcher" org.eclipse.equinox.launcher.Main -install "$here" \
    -configuration "$p2_work/configuration" -application org.eclipse.equinox.p2.director -nosplash \
    -destination "$here" -profile DefaultProfile "$@" > "$p2_work/out" 2>&1
  p2_status=$?
  if [ $p2_status -eq 0 ]; then
    # The director's own lines, without the framework's and the JVM's log noise.
    grep -v -E '^(INFO|WARNING|SEVERE|FINE|[A-Z][a-z]{2} [0-9]{2}, [0-9]{4} )|^$' "$p2_work/out"
  else
    # p2's log names the cause first ("No repository found at ..."), its summary ("Installation failed.") last.
    cat "$p2_work"/configuration/*.log 2>/dev/null | sed -n 's/^!MESSAGE //p' | grep -v -E '^session context was|is satisfiable$|^Overall install request' | awk '!seen[$0]++'
  fi
  [ -n "${GALLERIST_P2_KEEP:-}" ] || rm -rf "$p2_work" # kept for a look at p2's log when set
  return $p2_status
}

# The installed version of an IU, from the profile's roots ("id/version").
gallerist_p2_installed() {
  gallerist_p2_director -listInstalledRoots 2>/dev/null | sed -n "s#^$1/\\(.*\\)\$#\\1#p" | head -n 1
}

# The exit code of a failed director run with output $1: 4 when it refused unsigned content (with advice), else 1.
gallerist_p2_failure() {
  if printf '%s' "$1" | grep -q -i -E 'unsigned|not signed|untrusted'; then
    gallerist_p2_advise "Its artifacts are not signed by a trusted key. Pass --allow-unsigned only for a repository you built yourself."
    return 4
  fi
  return 1
}

gallerist_p2_writable() {
  if [ -e "$here/.packaged" ]; then
    gallerist_p2_say "This $gallerist_name was installed by the package manager: update it the same way (apt install ./$2_VERSION_amd64.deb)$3. Nothing changed."
    return 1
  fi
  if [ ! -w "$here" ] || [ ! -w "$here/configuration" ] || [ ! -w "$here/plugins" ]; then
    gallerist_p2_say "$here is not writable for $(id -un): run this as the installation's owner. Nothing changed."
    return 1
  fi
}

gallerist_p2_repository() {
  case "$1" in
    file:/*|http://*|https://*) printf '%s' "$1" ;;
    /*) printf 'file:%s' "$1" ;;
    *) gallerist_p2_say "The repository must be a URL (file:/..., https://...) or an absolute path, not '$1'."; return 2 ;;
  esac
}

# The newest version of IU $2 in the director's -list output $1 ("id=version" lines).
gallerist_p2_newest() {
  printf '%s\n' "$1" | sed -n "s#^$2=\\(.*\\)\$#\\1#p" | sort -t. -k1,1n -k2,2n -k3,3n -k4,4 | tail -n 1
}

# "older" when $1 sorts before $2, "same" when equal, "newer" otherwise (p2's versions: major.minor.micro.qualifier).
gallerist_p2_compare() {
  [ "$1" = "$2" ] && { echo same; return; }
  first=$(printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n -k3,3n -k4,4 | head -n 1)
  if [ "$first" = "$1" ]; then echo older; else echo newer; fi
}

gallerist_p2_update() {
  repository="" check=false trust=-trustSignedContentOnly
  while [ $# -gt 0 ]; do
    case "$1" in
      --repository) [ $# -ge 2 ] || { gallerist_p2_say "--repository needs a URL."; return 2; }; repository=$2; shift 2 ;;
      --repository=*) repository=${1#--repository=}; shift ;;
      --check) check=true; shift ;;
      --allow-unsigned) trust=""; shift ;;
      *) gallerist_p2_say "Unknown option for update: '$1'. Usage: update --repository URL [--check] [--allow-unsigned]"; return 2 ;;
    esac
  done
  [ -n "$repository" ] || { gallerist_p2_say "Usage: update --repository URL [--check] [--allow-unsigned]"; return 2; }
  repository=$(gallerist_p2_repository "$repository") || return 2
  $check || gallerist_p2_writable update "$gallerist_package" "" || return 1
  installed=$(gallerist_p2_installed "$gallerist_iu")
  [ -n "$installed" ] || { gallerist_p2_say "This installation has no p2 profile naming $gallerist_iu: it cannot update itself."; return 1; }
  # The product and its feature are both roots of the profile (the feature's installMode is root): both move.
  feature_iu="$gallerist_feature.feature.group"
  listing=$(gallerist_p2_director -repository "$repository" -list "$gallerist_iu,$feature_iu")
  if [ $? -ne 0 ]; then
    gallerist_p2_say "Cannot read the p2 repository $repository: $(gallerist_p2_first "$listing"). Nothing changed."
    return 1
  fi
  available=$(gallerist_p2_newest "$listing" "$gallerist_iu")
  feature_available=$(gallerist_p2_newest "$listing" "$feature_iu")
  if [ -z "$available" ] || [ -z "$feature_available" ]; then
    gallerist_p2_say "The p2 repository $repository holds no $gallerist_name ($gallerist_iu). Nothing changed."
    return 1
  fi
  case $(gallerist_p2_compare "$available" "$installed") in
    same) echo "$gallerist_name $installed is up to date."; return 3 ;;
    older)
      gallerist_p2_say "The p2 repository holds $gallerist_name $available, older than the installed $installed: downgrades are refused (the data may already be in the newer format). Nothing changed."
      return 1 ;;
  esac
  if $check; then echo "$gallerist_name $available is available (installed: $installed)."; return 0; fi
  gallerist_p2_advise "Updating $gallerist_name $installed to $available from $repository ..."
  # shellcheck disable=SC2086
  result=$(gallerist_p2_director -repository "$repository" $trust -uninstallIU "$gallerist_iu,$feature_iu" \
    -installIU "$gallerist_iu/$available,$feature_iu/$feature_available")
  status=$?
  now=$(gallerist_p2_installed "$gallerist_iu")
  if [ $status -ne 0 ] || [ "$now" != "$available" ]; then
    gallerist_p2_say "The update failed: $(gallerist_p2_first "$result" 3)."
    gallerist_p2_failure "$result"
    failure=$?
    gallerist_p2_say "Nothing changed: the installation still runs ${now:-$installed}."
    return $failure
  fi
  echo "Updated $gallerist_name to $available."
  gallerist_p2_advise "Restart it to run the new version."
}

gallerist_p2_feature() {
  case "$1" in *.feature.group) printf '%s' "$1" ;; *) printf '%s.feature.group' "$1" ;; esac
}

gallerist_p2_plugins() {
  action=${1:-}
  [ $# -gt 0 ] && shift
  case "$action" in
    list)
      gallerist_p2_director -listInstalledRoots | grep '\.feature\.group/' | grep -v "^$gallerist_feature\\.feature\\.group/" \
        | sed 's#\.feature\.group/# #'
      return 0 ;;
    install)
      repository="" trust=-trustSignedContentOnly features=""
      while [ $# -gt 0 ]; do
        case "$1" in
          --repository) [ $# -ge 2 ] || { gallerist_p2_say "--repository needs a URL."; return 2; }; repository=$2; shift 2 ;;
          --repository=*) repository=${1#--repository=}; shift ;;
          --allow-unsigned) trust=""; shift ;;
          -*) gallerist_p2_say "Unknown option for plugins install: '$1'."; return 2 ;;
          *) features="$features${features:+,}$(gallerist_p2_feature "$1")"; shift ;;
        esac
      done
      if [ -z "$repository" ] || [ -z "$features" ]; then
        gallerist_p2_say "Usage: plugins install --repository URL [--allow-unsigned] FEATURE..."; return 2
      fi
      repository=$(gallerist_p2_repository "$repository") || return 2
      gallerist_p2_writable plugins "$gallerist_package" " or drop the plugin's jar into its plugins folder" || return 1
      # shellcheck disable=SC2086
      result=$(gallerist_p2_director -repository "$repository" $trust -installIU "$features")
      if [ $? -ne 0 ]; then
        gallerist_p2_say "Installing $features failed: $(gallerist_p2_first "$result" 3). Nothing changed."
        gallerist_p2_failure "$result"
        return $?
      fi
      echo "Installed $features."
      gallerist_p2_advise "Restart $gallerist_name to use it." ;;
    remove)
      [ $# -gt 0 ] || { gallerist_p2_say "Usage: plugins remove FEATURE..."; return 2; }
      features=""
      for feature in "$@"; do features="$features${features:+,}$(gallerist_p2_feature "$feature")"; done
      case ",$features," in *",$gallerist_feature.feature.group,"*) gallerist_p2_say "$gallerist_feature is $gallerist_name itself, not a plugin."; return 2 ;; esac
      gallerist_p2_writable plugins "$gallerist_package" "" || return 1
      result=$(gallerist_p2_director -uninstallIU "$features")
      [ $? -eq 0 ] || { gallerist_p2_say "Removing $features failed: $(gallerist_p2_first "$result" 3). Nothing changed."; return 1; }
      echo "Removed $features."
      gallerist_p2_advise "Restart $gallerist_name to stop using it." ;;
    *) gallerist_p2_say "Usage: plugins list | plugins install --repository URL [--allow-unsigned] FEATURE... | plugins remove FEATURE..."; return 2 ;;
  esac
}

# Runs the JVM command "$@" (its last ARGC words are the launcher's own arguments) and, when it exits with 23 (the
# program restarts after an update), runs the launcher script SELF again, so that it picks the updated jars. Signals for
# the script reach the JVM; the console keeps the terminal's standard input.
gallerist_run_restartable() {
  run_self=$1 run_argc=$2
  shift 2
  exec 3<&0
  "$@" <&3 3<&- &
  run_pid=$!
  trap 'kill -TERM "$run_pid" 2>/dev/null' TERM INT
  trap 'kill -HUP "$run_pid" 2>/dev/null' HUP
  run_status=0
  wait "$run_pid" || run_status=$?
  while kill -0 "$run_pid" 2>/dev/null; do run_status=0; wait "$run_pid" || run_status=$?; done
  [ "$run_status" -eq 23 ] || exit "$run_status"
  shift $(($# - run_argc))
  echo "Starting again after the update ..." >&2
  exec "$run_self" "$@"
}
