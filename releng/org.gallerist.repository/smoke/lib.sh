# Sourced by the product and package smoke tests: starting and stopping the servers they run (by pid only), waiting for
# readiness, and signing up over stock OpenSSH on loopback.

smoke_pids=()

# Remembers PID as started by this test, so smoke_stop_all stops it at exit.
smoke_started() { smoke_pids+=("$1"); }

# Stops PID with SIGTERM and waits up to SECONDS (default 20) for it to end; returns 1 if it is still running then.
smoke_stop() {
  local pid="$1" tries=$(( ${2:-20} * 4 ))
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 "$tries"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  return 1
}

# For the EXIT trap: every started process that still runs is stopped, killed if it ignores SIGTERM for 20 s.
smoke_stop_all() {
  local pid
  for pid in "${smoke_pids[@]}"; do smoke_stop "$pid" || kill -9 "$pid" 2>/dev/null || true; done
}

# Prints the loopback port of the last "ready" line in LOG once the server with PID wrote it; returns 1 (with the
# reason on standard error) if PID ends first or SECONDS (default 60) pass. MIN_READY counts restarts (default 1).
smoke_ready_port() {
  local log="$1" pid="$2" tries=$(( ${3:-60} * 4 )) min_ready="${4:-1}" port
  for _ in $(seq 1 "$tries"); do
    if [ "$(grep -c '^Gallerist server ready on ' "$log" 2>/dev/null)" -ge "$min_ready" ]; then
      port="$(sed -n 's/^Gallerist server ready on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$log" | tail -n 1)"
      [ -n "$port" ] && { printf '%s\n' "$port"; return 0; }
    fi
    kill -0 "$pid" 2>/dev/null || { echo "the server exited before it was ready: $(tail -n 20 "$log")" >&2; return 1; }
    sleep 0.25
  done
  echo "the server was not ready within $(( tries / 4 )) s: $(tail -n 20 "$log")" >&2
  return 1
}

# Sets the array smoke_ssh to the options of a batch OpenSSH client for the server on PORT, which records the host
# key in KNOWN_HOSTS at the first connection and checks it at every later one.
smoke_ssh_options() {
  smoke_ssh=(-F none -p "$1" -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o "UserKnownHostsFile=$2"
             -o LogLevel=ERROR -o ConnectTimeout=10 -o IdentitiesOnly=yes -o IdentityAgent=none)
}

# Signs USER up with PASSWORD and the public key KEY.pub (through smoke_ssh); the server's answer goes to OUT.
smoke_signup() {
  local user="$1" password="$2" key="$3" out="$4"
  printf '%s\n%s\n' "$password" "$(cat "$key.pub")" \
    | timeout 60 ssh "${smoke_ssh[@]}" -o PubkeyAuthentication=no signup@127.0.0.1 signup "$user" > "$out" 2>&1
}
