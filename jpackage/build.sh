#!/usr/bin/env bash
# Builds the Linux desktop packages of Collapse Lab into target/dist/:
#   target/dist/collapse-lab/          app-image (run bin/collapse-lab)
#   target/dist/collapse-lab_<v>_amd64.deb
# Usage: jpackage/build.sh [--skip-build] [--app-image-only] [--cuda | --cuda-only] [--avx512]
# Needs JDK 17 (jpackage, jdeps, jlink) and, for the .deb, fakeroot and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."

skip_build=false; app_image_only=false; profile_args=(); avx512_args=(); suffix=""
for arg in "$@"; do
  case "$arg" in
    --skip-build) skip_build=true ;;
    --app-image-only) app_image_only=true ;;
    --cuda) profile_args=(-Pcuda); suffix="-cuda" ;;
    --cuda-only) profile_args=(-Pcuda-only); suffix="-cuda-only" ;;
    --avx512) avx512_args=(-Pavx512) ;;  # adds the oneDNN AVX-512 binary (docs/decisions/00NN-speed-binaries.md)
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

# The project's own <version> is the first one in the POM (it has no parent).
version=$(sed -n 's:^    <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
if ! $skip_build; then
  mvn -B -q "${profile_args[@]}" "${avx512_args[@]}" package -DskipTests
fi

input=target/jpackage-input
dist=target/dist
rm -rf "$input" "$dist/collapse-lab$suffix"
mkdir -p "$input/lib" "$dist"
cp target/collapse-lab.jar "$input/"
cp target/lib/*.jar "$input/lib/"
# The bundled sample data, so the app opens on it (Launcher looks next to the app first).
cp -r sample-data "$input/sample-data" 2>/dev/null || true

# Modules of the trimmed runtime: what jdeps finds, plus those only reached by reflection or
# service loading (zip file systems for model files, TLS/EC and locale data for dependencies).
deps=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps \
        --class-path "$input/lib/*" "$input/collapse-lab.jar" 2>/dev/null || true)
modules="${deps:-java.base,java.desktop,java.sql,java.naming,java.management}"
modules="$modules,java.compiler,java.rmi,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.zipfs,java.net.http"
echo "runtime modules: $modules"

common=(
  --name "collapse-lab$suffix"
  --app-version "$version"
  --vendor "Collapse Lab"
  --description "Find out why your image classifier predicts one class for everything."
  --icon jpackage/collapse-lab.png
  --resource-dir jpackage/resources
  --input "$input"
  --main-jar collapse-lab.jar
  --main-class org.collapselab.ui.Launcher
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands"
  --java-options "-Xmx4g"
  # C1 only: on two cores C2's compiler thread slowed the first load and the first epochs (README, Measured).
  --java-options "-XX:TieredStopAtLevel=1"
  --java-options "-Dcollapselab.packaged=true"
  --dest "$dist"
)

start=$(date +%s)
jpackage --type app-image "${common[@]}"
echo "app-image: $dist/collapse-lab$suffix ($(du -sh "$dist/collapse-lab$suffix" | cut -f1)) in $(( $(date +%s) - start )) s"

if ! $app_image_only; then
  start=$(date +%s)
  jpackage --type deb "${common[@]}" \
    --linux-package-name "collapse-lab$suffix" \
    --linux-app-category "Science" \
    --linux-menu-group "Science;Education;" \
    --linux-shortcut \
    --linux-deb-maintainer "maintainers@collapselab.invalid" \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6, libxxf86vm1, libasound2 | libasound2t64, libfreetype6, libfontconfig1"
  deb=$(ls -1 "$dist"/collapse-lab${suffix}_*.deb | head -1)
  echo "deb: $deb ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s"
fi
