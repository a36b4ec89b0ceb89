#!/usr/bin/env bash
# Screenshots of the phone page (crates/stratboard-room/assets/phone.html) in headless Chromium, to look at it.
#
#   scripts/phone-shots.sh [OUTDIR]          (default /tmp/phone-shots)
#
# Builds nothing: it runs an already built stratboard (STRATBOARD_BIN, else target/debug, else
# target/release; `cargo build` first). For each language it serves a copy of a checked-in
# session with an OPEN vote of every ballot kind (consent, plurality, approval, dot, score,
# majority judgment, Schulze, matrix) on 127.0.0.1, opens the participant's /join/CODE link in
# headless Chromium and saves:
#   OUTDIR/LANG-join-360x740.png    the join page before a code is typed
#   OUTDIR/LANG-360x740.png         a phone's first screen after joining (and LANG-320x568.png,
#                                   LANG-320-full.png: a small phone)
#   OUTDIR/LANG-360-full.png        the whole page on a phone
#   OUTDIR/LANG-1280x800.png        a laptop's first screen
#   OUTDIR/LANG-1280-full.png       the whole page on a laptop
#   OUTDIR/LANG-voteN-320x568.png   open vote N (0–7: consent, plurality, approval, dot, score,
#   OUTDIR/LANG-voteN-360x740.png   majority judgment with 7 grades, ranked, matrix) drawn whole
#   OUTDIR/LANG-voted-360x740.png   a phone after answering the first vote (folded into the
#                                   overview, the next vote up)
# LANG is ru (tests/fixtures/room-every-ballot.ron: Cyrillic text, so the page speaks Russian)
# and en (tests/fixtures/room-every-ballot-en.ron).
#
# Needs Debian's `chromium` and `chromium-driver`, and curl. Chromium is driven through
# chromedriver (WebDriver over loopback) rather than `chromium --screenshot`: the page keeps a
# server-sent-events stream open, and `--virtual-time-budget` never ends while a fetch is
# pending; WebDriver waits for the votes to be drawn instead. The viewport is set exactly with
# the DevTools Emulation.setDeviceMetricsOverride (a phone at 360 px is emulated as mobile);
# a full-page shot sets the viewport to the page's whole height.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-/tmp/phone-shots}"
mkdir -p "$out"

bin="${STRATBOARD_BIN:-}"
if [ -z "$bin" ]; then
  for candidate in target/debug/stratboard target/release/stratboard; do
    if [ -x "$candidate" ]; then bin="$candidate"; break; fi
  done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "phone-shots: no stratboard binary; run \`cargo build\` first (or set STRATBOARD_BIN)" >&2
  exit 1
fi
chromium=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null; then chromium="$(command -v "$candidate")"; break; fi
done
if [ -z "$chromium" ] || ! command -v chromedriver >/dev/null || ! command -v curl >/dev/null; then
  echo "phone-shots: needs chromium, chromedriver and curl (apt-get install chromium chromium-driver curl)" >&2
  exit 1
fi

work="$(mktemp -d)"
server=""
driver=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$driver" ]; then kill -TERM "$driver" 2>/dev/null || true; wait "$driver" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# chromedriver on a free port (one picked by the kernel, then given to chromedriver).
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 9515)"
chromedriver --port="$port" >"$work/chromedriver.log" 2>&1 &
driver=$!
wd="http://127.0.0.1:$port"
for _ in $(seq 100); do
  curl -fsS "$wd/status" >/dev/null 2>&1 && break
  sleep 0.1
done

# WebDriver calls: post PATH JSON, get PATH; print the answer.
post() { curl -fsS -X POST "$wd$1" -H 'Content-Type: application/json' -d "$2"; }
get() { curl -fsS "$wd$1"; }
# The "value" of a WebDriver answer when it is a number or a string without quotes in it.
value() { sed -n 's/.*"value":"\{0,1\}\([^",}]*\)"\{0,1\}.*/\1/p'; }

# script SESSION JS: the result of `return (JS);` in the page.
script() {
  local body
  body="$(printf '{"script":"return (%s);","args":[]}' "$2")"
  post "/session/$1/execute/sync" "$body" | value
}
viewport() { # viewport SESSION WIDTH HEIGHT
  local mobile=false
  [ "$2" -lt 600 ] && mobile=true
  post "/session/$1/goog/cdp/execute" \
    "{\"cmd\":\"Emulation.setDeviceMetricsOverride\",\"params\":{\"width\":$2,\"height\":$3,\"deviceScaleFactor\":1,\"mobile\":$mobile}}" >/dev/null
}
screenshot() { # screenshot SESSION OUT.png
  get "/session/$1/screenshot" | sed -n 's/.*"value":"\([^"]*\)".*/\1/p' | base64 -d >"$2"
  [ -s "$2" ] || { echo "phone-shots: no picture for $2" >&2; exit 1; }
  echo "$2"
}
# until SESSION JS: waits (at most 15 s) until JS is true in the page.
until_true() {
  for _ in $(seq 150); do
    [ "$(script "$1" "$2")" = true ] && return 0
    sleep 0.1
  done
  echo "phone-shots: the page never showed: $2" >&2
  exit 1
}

# shots LANG URL WIDTH HEIGHT NAME READY [ACT DONE]: a fresh browser (a fresh profile: no token
# left in localStorage) speaking LANG opens URL, waits until READY, then (if given) runs ACT and
# waits until DONE; saves NAME-WIDTHxHEIGHT.png and, unless NAME ends in "join",
# NAME-WIDTH-full.png.
shots() {
  local lang="$1" url="$2" width="$3" height="$4" name="$5" ready="$6" act="${7:-}" done="${8:-}"
  local profile answer session full
  profile="$(mktemp -d "$work/profile.XXXXXX")"
  answer="$(post /session "{\"capabilities\":{\"alwaysMatch\":{\"goog:chromeOptions\":{\
\"binary\":\"$chromium\",\"prefs\":{\"intl.accept_languages\":\"$lang\"},\
\"args\":[\"--headless=new\",\"--no-sandbox\",\"--disable-gpu\",\"--hide-scrollbars\",\
\"--lang=$lang\",\"--user-data-dir=$profile\"]}}}}")"
  session="$(printf '%s' "$answer" | sed -n 's/.*"sessionId":"\([^"]*\)".*/\1/p')"
  [ -n "$session" ] || { echo "phone-shots: chromedriver: $answer" >&2; exit 1; }
  viewport "$session" "$width" "$height"
  post "/session/$session/url" "{\"url\":\"$url\"}" >/dev/null
  until_true "$session" "$ready"
  if [ -n "$act" ]; then
    script "$session" "$act" >/dev/null
    until_true "$session" "$done"
  fi
  sleep 0.3 # fonts and the last paint
  screenshot "$session" "$out/$name-${width}x$height.png"
  if [ "${name%join}" = "$name" ]; then
    full="$(script "$session" "document.documentElement.scrollHeight")"
    viewport "$session" "$width" "$full"
    sleep 0.3
    screenshot "$session" "$out/$name-$width-full.png"
  fi
  curl -fsS -X DELETE "$wd/session/$session" >/dev/null
}

for lang in ru en; do
  fixture=tests/fixtures/room-every-ballot.ron
  [ "$lang" = en ] && fixture=tests/fixtures/room-every-ballot-en.ron
  # A copy: serve saves the codes it gives into the session file.
  cp "$fixture" "$work/$lang.ron"
  "$bin" serve "$work/$lang.ron" --bind 127.0.0.1:0 --codes "$work/$lang.csv" \
    >"$work/$lang.out" 2>"$work/$lang.err" &
  server=$!
  for _ in $(seq 100); do
    [ -s "$work/$lang.out" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/$lang.err" >&2; exit 1; }
    sleep 0.1
  done
  url="$(head -n 1 "$work/$lang.out")"
  url="${url%/}"
  # participant,name,code: the first participant's code.
  code="$(sed -n 2p "$work/$lang.csv" | awk -F, '{print $NF}')"
  [ -n "$url" ] && [ -n "$code" ] || { echo "phone-shots: serve gave no address or code" >&2; exit 1; }

  shots "$lang" "$url/" 360 740 "$lang-join" \
    "!document.getElementById('join').hidden && document.getElementById('join-heading').textContent !== ''"
  ready="!!document.querySelector('#votes fieldset') && document.querySelectorAll('#votes nav li').length >= 7"
  shots "$lang" "$url/join/$code" 360 740 "$lang" "$ready"
  shots "$lang" "$url/join/$code" 320 568 "$lang" "$ready"
  shots "$lang" "$url/join/$code" 1280 800 "$lang" "$ready"
  # Each open vote drawn whole, as if its line in the overview were tapped: every ballot kind.
  for i in 0 1 2 3 4 5 6 7; do
    for size in "320 568" "360 740"; do
      set -- $size
      shots "$lang" "$url/join/$code" "$1" "$2" "$lang-vote$i" "$ready" \
        "(function () { picked = shown.votes[$i].id; redraw(); window.scrollTo(0, 0); return true; })()" \
        "document.querySelector('#votes fieldset legend').textContent === shown.votes[$i].question"
    done
  done
  # The same phone after answering the first vote: it folds into the overview with the answer
  # and the time it was accepted, and the next vote comes up.
  shots "$lang" "$url/join/$code" 360 740 "$lang-voted" "$ready" \
    "(function () { var c = document.querySelector('#votes fieldset');
       c.querySelector('.choices button').click(); c.querySelector('button.primary').click();
       return true; })()" \
    "!!document.querySelector('#votes nav .message.ok')"

  kill -TERM "$server"
  wait "$server" || true
  server=""
done
