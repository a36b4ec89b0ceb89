#!/usr/bin/env bash
# Fetches axe-core (the accessibility checker the phone page's browser test runs) from the npm
# registry, checks its published sha512, and unpacks axe.min.js to target/axe-core/ (or to the
# folder given). The browser test reads it there, or from STRATBOARD_AXE.
#
#   scripts/axe-core.sh [DIR]        (default target/axe-core)
#
# Needs curl, tar and sha512sum. axe-core is MPL-2.0; it is used by the tests only, never shipped.
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.10.3
# The registry's dist.integrity (sha512-Xm7bpRXn…ideTcEg==) as hex.
sha512=5e6edba515e70d25f6604d9815f064d859c5d1ea7ab661bbc4f87c88779ef0c21cae0abbeb636471ef39e9d62d2582e4b88a1866f19f4ecfcf6d986275e4dc12
dir="${1:-target/axe-core}"
if [ -s "$dir/axe.min.js" ] && [ "$(cat "$dir/version" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
mkdir -p "$dir"
tarball="$(mktemp)"
trap 'rm -f "$tarball"' EXIT
curl -fsSL --retry 3 -o "$tarball" "https://registry.npmjs.org/axe-core/-/axe-core-$version.tgz"
got="$(sha512sum "$tarball" | cut -d' ' -f1)"
if [ "$got" != "$sha512" ]; then
  echo "axe-core $version: the download's sha512 is $got, not the registry's $sha512" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$dir" --strip-components=1 package/axe.min.js package/LICENSE
echo "$version" >"$dir/version"
echo "axe-core $version in $dir"
