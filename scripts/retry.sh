# Sourced by .ci/run and test/e2e/setup.sh: network installs (apt, npm) are retried, and a failure names
# the step and shows the failing command's own output.
#
#   retry "<step name>" cmd args...     up to XXGK_RETRIES (3) attempts, XXGK_RETRY_PAUSE (10 s) apart
retry() {
  local step="$1"; shift
  local attempts="${XXGK_RETRIES:-3}" pause="${XXGK_RETRY_PAUSE:-10}" n=1 log rc
  log="$(mktemp "${TMPDIR:-/tmp}/xxgk-retry.XXXXXX")"
  while :; do
    if "$@" >"$log" 2>&1; then
      cat "$log"
      rm -f "$log"
      return 0
    else
      rc=$?
    fi
    echo "[$step] attempt $n/$attempts failed (exit $rc): $*" >&2
    echo "----- output of the failed attempt (last 40 lines) -----" >&2
    tail -40 "$log" >&2
    echo "---------------------------------------------------------" >&2
    if [ "$n" -ge "$attempts" ]; then
      rm -f "$log"
      echo "[$step] FAILED after $attempts attempts" >&2
      return "$rc"
    fi
    n=$((n + 1))
    sleep "$pause"
  done
}
