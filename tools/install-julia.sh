#!/usr/bin/env bash
# Installs a working Julia 1.5.3 on Debian 12 (bookworm) from Debian 11 (bullseye),
# as ../shared/julia-on-debian.md describes. Idempotent: a no-op when a working julia
# is already on PATH. Does not install libjulia-dev (the tools do not need it).
set -euo pipefail

smoke_test() {
  julia --startup-file=no -e 'try run(`false`) catch; end; println("ok")' 2>/dev/null | grep -qx ok
}

if command -v julia >/dev/null 2>&1 && smoke_test; then
  echo "install-julia: a working julia is already on PATH: $(command -v julia) ($(julia --version))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

echo "install-julia: adding bullseye (pinned at priority 100) from $mirror"
$SUDO tee /etc/apt/sources.list.d/julia-net-bullseye.sources >/dev/null <<SRC
Types: deb
URIs: $mirror
Suites: bullseye
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
$SUDO tee /etc/apt/preferences.d/julia-net-bullseye >/dev/null <<PIN
Package: *
Pin: release n=bullseye
Pin-Priority: 100
PIN

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq -t bullseye julia >/dev/null

# Julia 1.5.3 segfaults with bookworm's libunwind when an exception crosses a task
# switch. libjulia's RUNPATH searches its private directory first: put bullseye's there.
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
private_dir=/usr/lib/$arch/julia
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -qq libunwind8=1.3.2-2 >/dev/null)
dpkg -x "$work"/libunwind8_*.deb "$work/x"
$SUDO cp -a "$work"/x/usr/lib/"$arch"/libunwind.so.8* "$work"/x/usr/lib/"$arch"/libunwind-*.so.8* "$private_dir"/

if smoke_test; then
  echo "install-julia: ok: $(command -v julia) ($(julia --version))"
else
  echo "install-julia: error: julia installed but the smoke test failed" >&2
  exit 1
fi
