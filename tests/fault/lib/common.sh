# common.sh: shared by the fault tests: a scratch folder, failures, random delays, checks.
: "${CASEBOOK:?set CASEBOOK to the casebook binary}"
: "${SRC:?set SRC to the source tree}"
tmp=$(mktemp -d)
victim=""
trap '[ -z "$victim" ] || kill -9 "$victim" 2>/dev/null; rm -rf "$tmp"' EXIT
export CASEBOOK_FORMS="$SRC/forms"

fail() { echo "FAIL: $*" >&2; exit 1; }

expect_status() {
	status_want=$1
	shift
	set +e
	"$@" >"$tmp/out" 2>"$tmp/err"
	status_got=$?
	set -e
	[ "$status_got" -eq "$status_want" ] ||
		{ cat "$tmp/out" "$tmp/err" >&2; fail "$* exited $status_got, want $status_want"; }
}

# A random whole number from $1 to $2.
random_between() {
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	echo $(($1 + r % ($2 - $1 + 1)))
}

sleep_ms() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }

# Milliseconds since the epoch.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# kill_sometime MIN_MS MAX_MS CMD...: runs CMD in the background and kills it with SIGKILL
# after a random delay. Sets killed=1 if it was still running, else killed=0 (and fails the
# test if CMD failed on its own). CMD's error output is in $tmp/victim.err.
kill_sometime() {
	lo=$1 hi=$2
	shift 2
	"$@" >/dev/null 2>"$tmp/victim.err" &
	victim=$!
	sleep_ms "$(random_between "$lo" "$hi")"
	if kill -9 "$victim" 2>/dev/null; then
		killed=1
		wait "$victim" 2>/dev/null || true
	else
		killed=0
		wait "$victim" || { cat "$tmp/victim.err" >&2; fail "$* failed on its own"; }
	fi
	victim=""
}

# check_passes DB WHEN: `casebook check` must pass on DB.
check_passes() {
	"$CASEBOOK" --db "$1" check >"$tmp/check" 2>&1 || { cat "$tmp/check" >&2; fail "casebook check failed $2"; }
}

count() { sqlite3 "$1" "$2"; }
