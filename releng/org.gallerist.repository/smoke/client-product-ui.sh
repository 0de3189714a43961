#!/usr/bin/env bash
# The installed client product, driven as a user would under Xvfb (xdotool, keyboard and mouse): it logs in to a server
# of the same build with two uploaded images, then
#   plugin          selects the gallery's first image, opens its context menu and chooses the p2-installed example
#                   plugin's "Contact Sheet…" (the menu's last item): the plugin's dialog must open;
#   update URL      Help › Check for Updates…, enters URL, says yes to the update, to the unsigned update and to the
#                   restart: the client must start again (on the updated installation).
# Screenshots go to SHOTS. Usage: client-product-ui.sh SERVER CLIENT SHOTS PHOTO PHOTO (plugin | update URL)
set -euo pipefail

server_product="$1"
client="$2"
shots="$3"
photos=("$4" "$5")
mode="$6"
repository="${7:-}"
work="$(mktemp -d)"
. "$(dirname "$0")/lib.sh"
trap 'smoke_stop_all; rm -rf "$work"' EXIT
fail() {
  echo "client plugin UI test FAILED: $*" >&2
  [ -f "$work/client.log" ] && grep -v -E '^\s+at ' "$work/client.log" | tail -n 20 >&2
  import -window root "$shots/product-plugin-failure.png" 2>/dev/null || true
  exit 1
}
mkdir -p "$shots"

"$server_product/gallerist-server" --data "$work/data" --port 0 > "$work/server.log" 2>&1 &
smoke_started $!
port=$(smoke_ready_port "$work/server.log" $!) || fail "the server did not start"
smoke_ssh_options "$port" "$work/known_hosts"
ssh-keygen -q -t ed25519 -N '' -f "$work/key"
smoke_signup sheet 'correct horse' "$work/key" "$work/signup" || fail "signup failed: $(cat "$work/signup")"
n=0
for photo in "${photos[@]}"; do
  n=$((n + 1))
  timeout 60 ssh "${smoke_ssh[@]}" -i "$work/key" sheet@127.0.0.1 images add --name "photo-$n" --price 1 --quantity 1 \
    < "$photo" > /dev/null || fail "uploading $photo failed"
done

# The client trusts the server's host key as the user would have after the first log-in.
home="$work/client-home"
mkdir -p "$home"
ssh-keyscan -p "$port" -t ed25519 127.0.0.1 2>/dev/null > "$home/known_hosts"
[ -s "$home/known_hosts" ] || fail "ssh-keyscan found no host key"
GALLERIST_CLIENT_HOME="$home" "$client/gallerist-client" --host 127.0.0.1 --port "$port" --user sheet \
  > "$work/client.log" 2>&1 &
client_pid=$!
smoke_started "$client_pid"
login=$(timeout 90 xdotool search --sync --onlyvisible --name '^Gallerist *$' | head -n 1) || fail "no log-in dialog"
xdotool windowfocus --sync "$login"
sleep 1
xdotool type --delay 30 'correct horse'
xdotool key Return
main=$(timeout 90 xdotool search --sync --onlyvisible --name '^Gallerist — sheet@' | head -n 1) \
  || fail "no main window after the log-in"
sleep 4 # the first page of thumbnails

# Waits for a visible window titled "Check for Updates" other than the one named, and names it.
next_update_dialog() {
  local seen="$1" found
  for _ in $(seq 1 240); do
    found=$(xdotool search --onlyvisible --name '^Check for Updates *$' 2>/dev/null | grep -v -x -- "$seen" | tail -n 1 || true)
    [ -n "$found" ] && { echo "$found"; return 0; }
    kill -0 "$client_pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}
answer() { # DIALOG SHOT: shows the dialog in SHOT (if given) and presses its default button (Yes, OK)
  xdotool windowfocus --sync "$1"
  sleep 1
  [ -n "$2" ] && import -window root "$shots/$2.png"
  xdotool key Return
}

case "$mode" in
  plugin)
    eval "$(xdotool getwindowgeometry --shell "$main")"
    # The default layout: Tags left (a fifth of the width), the gallery in the middle, its first thumbnail at the grid's
    # top left, at about 30 % of the window's width and height.
    x=$((WIDTH * 30 / 100)) y=$((HEIGHT * 30 / 100))
    xdotool windowfocus --sync "$main" # no window manager under Xvfb gives the main window the keyboard
    xdotool mousemove --window "$main" "$x" "$y" click 1
    sleep 0.5
    xdotool mousemove --window "$main" "$x" "$y" click 3
    sleep 1.5
    import -window root "$shots/product-plugin-menu.png"
    xdotool key Up Return # the plugins' actions come last in the menu
    sheet=$(timeout 30 xdotool search --sync --onlyvisible --name '^Contact Sheet \(1 image\) *$' | head -n 1) \
      || fail "the plugin's Contact Sheet dialog did not open for the selected image"
    sleep 1.5
    import -window root "$shots/product-plugin-contact-sheet.png"
    echo "client product UI check passed: the p2-installed plugin's Contact Sheet ran in the product"
    ;;
  update)
    xdotool windowfocus --sync "$main"
    xdotool key alt+h
    sleep 1
    xdotool key u # Check for &Updates…
    asked=$(next_update_dialog none) || fail "Help › Check for Updates… opened no dialog"
    xdotool windowfocus --sync "$asked"
    xdotool type --delay 10 "$repository"
    answer "$asked" update-site
    available=$(next_update_dialog "$asked") || fail "no answer to the check"
    answer "$available" update-available
    unsigned=$(next_update_dialog "$available") || fail "no answer to the installation"
    answer "$unsigned" update-unsigned
    restart=$(next_update_dialog "$unsigned") || fail "no answer to the unsigned installation"
    answer "$restart" update-restart
    # The launcher starts the client again in the same process (exit code 23, then exec): a new log-in dialog.
    for _ in $(seq 1 240); do
      grep -q "Starting again after the update" "$work/client.log" && break
      kill -0 "$client_pid" 2>/dev/null || fail "the client ended instead of restarting"
      sleep 0.5
    done
    grep -q "Starting again after the update" "$work/client.log" || fail "the client did not restart"
    timeout 90 xdotool search --sync --onlyvisible --name '^Gallerist *$' > /dev/null || fail "no log-in after the restart"
    echo "client product UI check passed: Help › Check for Updates installed the update and restarted the client"
    ;;
  *) fail "unknown mode $mode" ;;
esac
