#!/usr/bin/env bash
# Builds the real-data scorecard's datasets (docs/real-data-scorecard.md) under a cache folder, from two Debian
# packages fetched with apt-get (no other network access), and checks them against the committed SHA-256 sums.
#
#   docs/scripts/build-real-scorecard.sh [CACHE]      default CACHE: ~/.cache/collapse-lab/real-scorecard
#
# Then: mvn -o -q test -Dtest=RealDataScorecardTest -Dexcluded.test.groups=none -Dsurefire.failIfNoSpecifiedTests=false
# The data is never committed: only the builder, its recipes and the checksums are.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cache="${1:-${HOME}/.cache/collapse-lab/real-scorecard}"
debs="$cache/debs"
src="$cache/src"
data="$cache/data"
mkdir -p "$debs"

# Pinned versions: Debian 12 (bookworm). The .deb files' checksums are in real-scorecard-sources.sha256.
packages=(python3-sklearn=1.2.1+dfsg-1 python3-skimage=0.19.3-8)

if ! /usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null; then
    echo "The builder needs numpy and PIL: apt-get install python3-numpy python3-pil" >&2
    exit 2
fi

cd "$debs"
if ! sha256sum --quiet -c "$here/real-scorecard-sources.sha256" 2>/dev/null; then
    echo "Fetching ${packages[*]} with apt-get download (into $debs)"
    apt-get download "${packages[@]}"
    if ! sha256sum -c "$here/real-scorecard-sources.sha256"; then
        echo "The downloaded packages differ from the ones the scorecard was built from (see the sums above)." >&2
        exit 1
    fi
fi

rm -rf "$src"
mkdir -p "$src"
for deb in python3-sklearn_*.deb python3-skimage_*.deb; do
    dpkg -x "$deb" "$src"
done

rm -rf "$data.tmp"
/usr/bin/python3 "$here/real_scorecard_build.py" "$src" "$data.tmp"
if ! diff -u "$here/real-scorecard-datasets.sha256" "$data.tmp/DATASETS.sha256"; then
    echo "The built datasets differ from the committed checksums (lines above; another numpy/PIL version?)." >&2
    echo "They are left in $data.tmp for inspection." >&2
    exit 1
fi
rm -rf "$data"
mv "$data.tmp" "$data"
rm -rf "$src"
echo "Real-data scorecard datasets ready in $data ($(du -sh "$data" | cut -f1)); checksums match."
