#!/usr/bin/env bash
# Tests the Windows build (scripts/windows/build.sh's ZIP and installer) under Wine on Linux,
# from the repository's root:
#   scripts/windows/test.sh LINUX_BINARY
# LINUX_BINARY (a Linux stratboard of the same source) gives the expected outputs: tally and
# convergence JSON must be the same bytes, the PDF the same text, a re-saved session the same
# bytes. Needs Debian's wine64, xvfb, x11-utils, poppler-utils, unzip, p7zip-full and mingw-w64
# (.ci/run installs them).
#
# Wine 8.0 lacks bcryptprimitives.dll, which Rust's standard library asks for ProcessPrng. A
# stand-in built here from scripts/windows/bcryptprimitives.c goes beside the .exe under test
# only; the ZIP and the installer are checked to hold no DLL.
set -euo pipefail
cd "$(dirname "$0")/../.."

linux=$(realpath "${1:?usage: scripts/windows/test.sh LINUX_BINARY}")
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
out=target/windows
zip_file="$out/stratboard-$version-windows-x64.zip"
setup="$out/stratboard-$version-setup.exe"
work=$(mktemp -d)
xvfb=""
# Ends Wine and the virtual display, removes the scratch folder, and keeps the exit status.
cleanup() {
  local status=$?
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi
  rm -rf "$work" 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT

fail() {
  echo "windows: $*" >&2
  exit 1
}

echo "-- the ZIP and the installer: contents"
unzip -l "$zip_file"
# 7z reads NSIS installers: the name starts at column 54. $PLUGINSDIR holds the installer's own
# plugins (unpacked into a temporary folder while it runs), not installed files.
7z l -ba "$setup" >"$work/setup-list"
if grep -qi bcryptprimitives "$work/setup-list"; then fail "the stand-in is in the installer"; fi
cut -c54- "$work/setup-list" | grep -v '^\$PLUGINSDIR/' | LC_ALL=C sort >"$work/setup-files"
cat "$work/setup-files"
root="stratboard-$version-windows-x64"
for file in stratboard.exe README.md samples/tos-support.ron licenses/LICENSE-MIT \
  licenses/LICENSE-APACHE licenses/fonts/LICENSE-PTSans.txt; do
  unzip -l "$zip_file" "$root/$file" >/dev/null || fail "the ZIP has no $file"
  grep -qxF "$file" "$work/setup-files" || fail "the installer has no $file"
done
if unzip -l "$zip_file" | grep -qi '\.dll'; then fail "a DLL is in the ZIP"; fi
if grep -qi '\.dll$' "$work/setup-files"; then fail "a DLL is in the installer"; fi

echo "-- a Wine prefix"
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LC_ALL=C.UTF-8
wineboot -i >/dev/null 2>&1
wineserver -w

# The portable folder, unpacked, with the stand-in beside the .exe.
unzip -q "$zip_file" -d "$work/portable"
app="$work/portable/$root"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$app/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c scripts/windows/bcryptprimitives.def
exe="$app/stratboard.exe"
win() { wine "$exe" "$@"; }
winpath() { winepath -w "$1" 2>/dev/null; }

echo "-- stratboard.exe --version"
[ "$(win --version | tr -d '\r')" = "stratboard $version" ] || fail "--version: $(win --version)"

echo "-- check, tally --json and convergence --json on the samples, as on Linux"
for sample in sessions/*.ron; do
  name=$(basename "$sample")
  win check "$(winpath "$app/samples/$name")"
  win convergence --json "$(winpath "$app/samples/$name")" >"$work/w.json"
  "$linux" convergence --json "$sample" >"$work/l.json"
  cmp "$work/w.json" "$work/l.json" || fail "convergence --json differs on $name"
  for vote in $(grep -A1 '^        Vote($' "$sample" | sed -n 's/^ *id: \([0-9]*\),$/\1/p'); do
    win tally --json "$(winpath "$app/samples/$name")" --vote "$vote" >"$work/w.json"
    "$linux" tally --json "$sample" --vote "$vote" >"$work/l.json"
    cmp "$work/w.json" "$work/l.json" || fail "tally --json differs on $name, vote $vote"
    echo "   $name: vote $vote, $(wc -c <"$work/w.json") bytes alike"
  done
done

echo "-- merge: the forum's three sections brought into its plenary, the same bytes as on Linux"
mkdir -p "$work/forum"
cp "$app/samples/forum/"*.ron "$work/forum/"
win merge "$(winpath "$work/forum/plenary.ron")" "$(winpath "$work/forum/section-trust.ron")" \
  "$(winpath "$work/forum/section-roads.ron")" "$(winpath "$work/forum/section-waste.ron")" \
  --top 3 --json | tr -d '\r' >"$work/w.json"
grep -q '^{"added":16,"sections":\[' "$work/w.json" || fail "merge --json: $(cat "$work/w.json")"
cmp "$work/forum/plenary.ron" sessions/forum/plenary-merged.ron \
  || fail "merge under Windows made another plenary than sessions/forum/plenary-merged.ron"
[ -f "$work/forum/plenary.ron.bak" ] || fail "merge kept no .bak of the plenary"

echo "-- 777 ranked paper ballots: Schulze, IRV and Borda, as on Linux"
awk 'BEGIN {
  print "Субсидии,Выезды,Конференции,Гранты"; s = 2026
  for (i = 0; i < 777; i++) {
    s = (s * 1103515245 + 12345) % 2147483648; p = int(s / 65536) % 24
    a[1] = 1; a[2] = 2; a[3] = 3; a[4] = 4
    for (k = 4; k > 1; k--) { j = p % k + 1; p = int(p / k); t = a[k]; a[k] = a[j]; a[j] = t }
    print a[1] "," a[2] "," a[3] "," a[4]
  }
}' >"$work/ballots.csv"
for method in schulze irv borda; do
  win tally --json --ballots "$(winpath "$work/ballots.csv")" --method "$method" >"$work/w.json"
  "$linux" tally --json --ballots "$work/ballots.csv" --method "$method" >"$work/l.json"
  cmp "$work/w.json" "$work/l.json" || fail "tally --ballots --method $method differs"
done

echo "-- export --format pdf and docx; the PDF's text as on Linux"
win export "$(winpath "$app/samples/tos-support.ron")" --format pdf --lang ru \
  -o "$(winpath "$work/w.pdf")"
"$linux" export sessions/tos-support.ron --format pdf --lang ru -o "$work/l.pdf"
pdftotext -enc UTF-8 "$work/w.pdf" "$work/w.txt"
pdftotext -enc UTF-8 "$work/l.pdf" "$work/l.txt"
[ -s "$work/w.txt" ] || fail "the PDF has no text"
diff "$work/w.txt" "$work/l.txt" || fail "the PDF's text differs"
win export "$(winpath "$app/samples/tos-support.ron")" --format docx --lang ru \
  -o "$(winpath "$work/w.docx")"
unzip -p "$work/w.docx" word/document.xml | grep -q 'ТОС' || fail "the DOCX has no text"

echo "-- a session at a Cyrillic path with spaces: checked, exported beside itself, re-saved"
docs="$work/Мои документы"
mkdir -p "$docs"
cp sessions/tos-support.ron "$docs/сессия 2026.ron"
cp sessions/tos-support.ron "$work/linux-copy.ron"
session=$(winpath "$docs/сессия 2026.ron")
win check "$session"
win export "$session" --format pdf
win export "$session" --format docx
[ -s "$docs/сессия 2026.pdf" ] && [ -s "$docs/сессия 2026.docx" ] ||
  fail "no export beside $docs/сессия 2026.ron"
printf 'ФИО;Должность;Группа\nИванова Анна Петровна;Глава поселения;Администрация\n' \
  >"$docs/участники.csv"
win import-participants "$session" "$(winpath "$docs/участники.csv")"
"$linux" import-participants "$work/linux-copy.ron" "$docs/участники.csv" >/dev/null
cmp "$docs/сессия 2026.ron" "$work/linux-copy.ron" || fail "the re-saved session differs"
if grep -q $'\r' "$docs/сессия 2026.ron"; then fail "the re-saved session has \\r\\n"; fi
grep -q 'Иванова Анна Петровна' "$docs/сессия 2026.ron" || fail "the import was not saved"
[ -f "$docs/сессия 2026.ron.bak" ] || fail "no .bak beside the re-saved session"

echo "-- a session with \\r\\n line ends loads"
sed 's/$/\r/' sessions/ngo-offsite.ron >"$work/crlf.ron"
grep -q $'\r' "$work/crlf.ron"
win check "$(winpath "$work/crlf.ron")"
win convergence --json "$(winpath "$work/crlf.ron")" >"$work/w.json"
"$linux" convergence --json sessions/ngo-offsite.ron >"$work/l.json"
cmp "$work/w.json" "$work/l.json" || fail "the \\r\\n session counts differently"

# The installer, silently, in one mode; then the uninstaller, silently (in English: the
# shortcut of either language is removed).
# $1: /AllUsers or /CurrentUser; $2: the folder it must install into; $3: the registry root;
# $4: the Start-menu shortcut's name, which follows the language of the environment after $4.
install_and_remove() {
  local mode=$1 dir=$2 root=$3 shortcut=$4
  shift 4
  local key="$root\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\stratboard"
  echo "-- the installer, $mode /S ($*), into $dir"
  env "$@" wine "$setup" /S "$mode"
  wineserver -w
  for file in stratboard.exe uninstall.exe samples/tos-support.ron README.md \
    licenses/LICENSE-MIT; do
    [ -f "$dir/$file" ] || fail "$mode: no $dir/$file after installing"
  done
  wine reg query "$key" /v UninstallString | grep -q 'uninstall.exe' ||
    fail "$mode: no uninstall entry under $key"
  wine reg query "$root\\Software\\Classes\\.ron\\OpenWithProgids" /v stratboard.session \
    >/dev/null || fail "$mode: .ron has no Open with entry"
  if wine reg query "$root\\Software\\Classes\\.ron" /ve 2>/dev/null | grep -q stratboard; then
    fail "$mode: the installer made stratboard .ron's default program"
  fi
  find "$WINEPREFIX/drive_c" -path '*Start Menu/Programs/*' -name "$shortcut.lnk" | grep -q . ||
    fail "$mode: no Start-menu shortcut $shortcut.lnk"
  echo "   installed: $(find "$dir" -type f | wc -l) files, «$shortcut», the uninstaller registered"
  wine "$dir/uninstall.exe" /S "$mode"
  wineserver -w
  [ ! -e "$dir" ] || fail "$mode: $dir is still there after uninstalling: $(ls -R "$dir")"
  if wine reg query "$key" >/dev/null 2>&1; then fail "$mode: the uninstall entry stayed"; fi
  if find "$WINEPREFIX/drive_c" -name '*.lnk' -path '*Start Menu/Programs/*' | grep -q .; then
    fail "$mode: the Start-menu shortcut stayed"
  fi
  echo "   uninstalled: folder, shortcut and entry removed"
}
install_and_remove /AllUsers "$WINEPREFIX/drive_c/Program Files/stratboard" HKLM stratboard \
  LC_ALL=C.UTF-8
# A Russian Windows: the installer's Russian strings (a locale made here, for Wine to take
# Russian as the system's language).
mkdir -p "$work/locale"
localedef -i ru_RU -f UTF-8 "$work/locale/ru_RU.UTF-8" 2>/dev/null ||
  [ -f "$work/locale/ru_RU.UTF-8/LC_CTYPE" ] || fail "localedef made no Russian locale"
install_and_remove /CurrentUser \
  "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/Programs/stratboard" HKCU \
  "Доска стратегической сессии" LOCPATH="$work/locale" LC_ALL=ru_RU.UTF-8

echo "-- the window on a virtual display: it opens, then stays up for 10 s"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
sample=$(winpath "$app/samples/tos-support.ron")
# A fresh wineserver, started by the window: one still running from the commands above (or
# started by winepath) has its desktop on no display.
wineserver -k 2>/dev/null || true
wineserver -w
export DISPLAY=$display
# The window's title ends with "stratboard"; its class is stratboard.exe.
shown() { xwininfo -root -tree | grep -q 'stratboard": ("stratboard.exe"'; }
started=$SECONDS
wine "$exe" "$sample" >/dev/null 2>&1 &
window=$!
until shown; do
  kill -0 "$window" 2>/dev/null || fail "stratboard.exe exited before its window opened"
  [ $((SECONDS - started)) -lt 90 ] || fail "no window within 90 s"
  sleep 0.5
done
echo "   the window opened after $((SECONDS - started)) s"
sleep 10
kill -0 "$window" 2>/dev/null && shown || fail "the window closed within 10 s"
wineserver -k
wait "$window" 2>/dev/null || true
echo "   and stayed up for 10 s"
echo "windows: all checks passed"
