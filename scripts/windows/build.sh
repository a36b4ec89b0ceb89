#!/usr/bin/env bash
# Builds stratboard for Windows (x86_64) on Linux, from the repository's root:
#   scripts/windows/build.sh
# writes
#   target/windows/stratboard-VERSION-windows-x64.zip  (portable: unzip anywhere and run)
#   target/windows/stratboard-VERSION-setup.exe        (the NSIS installer)
# VERSION is the crate's (Cargo.toml). Cargo builds into $CARGO_TARGET_DIR when it is set.
# What it needs is installed first where it is missing: the Rust target (rustup), mingw-w64
# (the linker and windres), NSIS (makensis) and zip (with apt-get, as root; otherwise it says
# which Debian packages to install).
set -euo pipefail
cd "$(dirname "$0")/../.."

target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
cargo_target=${CARGO_TARGET_DIR:-target}
out=target/windows
stage="$out/stratboard-$version-windows-x64"
zip_file="$out/stratboard-$version-windows-x64.zip"
setup="$out/stratboard-$version-setup.exe"

# --- what the build needs
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
command -v x86_64-w64-mingw32-windres >/dev/null || missing+=(binutils-mingw-w64-x86-64)
command -v makensis >/dev/null || missing+=(nsis)
command -v zip >/dev/null || missing+=(zip)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  else
    echo "install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

# --- the program: the packages' dist profile (LTO, stripped); build.rs embeds the icon, the
# manifest and the version information.
cargo build --locked --profile dist --target "$target" --bin stratboard
exe="$cargo_target/$target/dist/stratboard.exe"

# --- the files, laid out as installed: the program, the samples, the documentation (README
# and whatever docs/ holds: the user guide, this build's notes, the screenshots the README
# shows) and the licences (the program's, and the fonts' it embeds).
rm -rf "$stage"
mkdir -p "$stage/samples/forum" "$stage/licenses/fonts"
cp "$exe" "$stage/stratboard.exe"
cp sessions/*.ron "$stage/samples/"
cp sessions/forum/*.ron "$stage/samples/forum/"
cp README.md "$stage/"
cp -r docs "$stage/docs"
cp LICENSE-MIT LICENSE-APACHE "$stage/licenses/"
cp assets/fonts/LICENSE-*.txt "$stage/licenses/fonts/"
# The test-only stand-in for Wine's missing bcryptprimitives.dll (scripts/windows/test.sh)
# must never ship: Windows 10 and 11 have the real one.
if find "$stage" -iname '*.dll' | grep -q .; then
  echo "a DLL got into $stage; none may ship" >&2
  exit 1
fi

# --- the portable ZIP: one folder, so unpacking it does not scatter files.
rm -f "$zip_file"
(cd "$out" && zip -q -r -X "$(basename "$zip_file")" "$(basename "$stage")")

# --- the installer. The uninstaller deletes exactly the files installed (the folder may have
# been chosen by hand), deepest folders last.
uninstall_list="$out/uninstall-files.nsh"
{
  (cd "$stage" && find . -type f | LC_ALL=C sort) | while read -r file; do
    printf 'Delete "$INSTDIR\\%s"\n' "$(echo "${file#./}" | tr / '\\')"
  done
  (cd "$stage" && find . -mindepth 1 -type d | LC_ALL=C sort -r) | while read -r dir; do
    printf 'RMDir "$INSTDIR\\%s"\n' "$(echo "${dir#./}" | tr / '\\')"
  done
} >"$uninstall_list"
rm -f "$setup"
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" \
  -DSTAGE="$PWD/$stage" \
  -DOUTFILE="$PWD/$setup" \
  -DUNINSTALL_LIST="$PWD/$uninstall_list" \
  -DICON="$PWD/assets/windows/stratboard.ico" \
  scripts/windows/installer.nsi

ls -l "$exe" "$zip_file" "$setup"
