#!/usr/bin/env bash
# Installs what the integration tests and the benchmark use besides Julia, from Debian's
# packages: OpenSSH's server (the SSH worker test starts its own sshd on 127.0.0.1; the
# package's own service is not started), SLURM 22.05 and MUNGE (the SLURM worker tests start a
# one-node cluster of their own, controller, node daemon and munged, with a configuration and
# key in a temporary directory; the packages' services are not started), GNU time, strace and
# hyperfine. Idempotent: a no-op when all are present.
set -euo pipefail

need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null 2>&1 || need+=(openssh-client)
[ -x /usr/sbin/slurmctld ] || need+=(slurmctld)
[ -x /usr/sbin/slurmd ] || need+=(slurmd)
command -v srun >/dev/null 2>&1 || need+=(slurm-client)
[ -x /usr/sbin/munged ] || need+=(munge)
[ -x /usr/bin/time ] || need+=(time)
command -v strace >/dev/null 2>&1 || need+=(strace)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-test-tools: all present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

# Keep the packages' own services from starting (invoke-rc.d asks policy-rc.d first).
policy=/usr/sbin/policy-rc.d
created_policy=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=1
fi
trap '[ -n "$created_policy" ] && $SUDO rm -f "$policy"' EXIT

echo "install-test-tools: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install-test-tools: ok"
