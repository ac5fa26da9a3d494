# Sourced by test/e2e/setup.sh: waits while another process (apt, unattended-upgrades, another e2e setup) holds
# one of apt's locks, instead of letting apt-get fail at once. A lock shows in /proc/locks by its file's inode;
# reading /proc/locks takes no lock itself, so waiting never gets in the other process's way.
#
#   wait_for_apt SECONDS     0 once no lock is held; 1 (with a message) when SECONDS pass first
#   XXGK_APT_LOCKS           the lock files (default: dpkg's, the package lists' and the archives')
apt_lock_holder() {
  local f ino
  for f in ${XXGK_APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}; do
    [ -e "$f" ] || continue
    ino="$(stat -c %i "$f")"
    # /proc/locks: "1: POSIX  ADVISORY  WRITE 1234 fd:01:402117 0 EOF": the holder's pid, then dev:inode.
    if awk -v ino="$ino" '{ split($6, d, ":"); if (d[3] == ino) { print $5; found = 1; exit } } END { exit !found }' /proc/locks 2>/dev/null; then
      return 0
    fi
  done
  return 1
}

wait_for_apt() {
  local limit="$1" waited=0 holder said=""
  while holder="$(apt_lock_holder)"; do
    if [ "$waited" -ge "$limit" ]; then
      echo "e2e setup: apt is still locked by process $holder after ${limit} s (XXGK_APT_LOCK_WAIT)" >&2
      return 1
    fi
    if [ -z "$said" ]; then
      echo "e2e setup: waiting for apt's lock (held by process $holder; up to ${limit} s)" >&2
      said=1
    fi
    sleep 2
    waited=$((waited + 2))
  done
  return 0
}
