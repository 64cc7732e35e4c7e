# lib.sh: shared helpers for the end-to-end tests (sourced, not run): a private tmux
# server per test, keys sent as a user would type them, and polling for the screen.
: "${CASEBOOK:?set CASEBOOK to the casebook binary}"
: "${SRC:?set SRC to the source folder}"
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
export CASEBOOK_FORMS="$SRC/forms"
unset NO_COLOR CASEBOOK_DB CASEBOOK_USER

E2E_TMP=$(mktemp -d)
E2E_STARTS=0
E2E_SOCKET="cb-e2e-$$-0"
trap 'tmux -L "$E2E_SOCKET" kill-server 2>/dev/null || true; [ -n "${E2E_KEEP:-}" ] || rm -rf "$E2E_TMP"' EXIT

fail() {
	echo "FAIL: $*" >&2
	if tmux -L "$E2E_SOCKET" has-session -t app 2>/dev/null; then
		echo "--- screen ---" >&2
		tmux -L "$E2E_SOCKET" capture-pane -p -t app >&2
	fi
	exit 1
}

# app_start COLS LINES ARGS...: runs casebook in a new tmux session "app".
# The variables tests change are passed on the command line: a tmux server that is still
# running from an earlier start would otherwise hand on its own, older environment.
# Every start gets a tmux server of its own: a server whose last session has just been
# killed shuts down in the background, and a new session sent to it in that moment fails
# with "server exited unexpectedly".
app_start() {
	cols=$1 lines=$2
	shift 2
	app_stop
	envs="CASEBOOK_NOW=${CASEBOOK_NOW:-} CASEBOOK_FORMS=$CASEBOOK_FORMS"
	envs="$envs XDG_DATA_HOME=${XDG_DATA_HOME:-$E2E_TMP/xdg}"
	if [ -n "${NO_COLOR:-}" ]; then envs="$envs NO_COLOR=$NO_COLOR"; else envs="-u NO_COLOR $envs"; fi
	tmux -L "$E2E_SOCKET" -f /dev/null new-session -d -s app -x "$cols" -y "$lines" \
		"env $envs $CASEBOOK $*; echo \"[exited \$?]\"; sleep 600"
}

# app_stop: ends the app's tmux server (if any) and moves on to a fresh socket name.
app_stop() {
	tmux -L "$E2E_SOCKET" kill-server 2>/dev/null || true
	E2E_STARTS=$((E2E_STARTS + 1))
	E2E_SOCKET="cb-e2e-$$-$E2E_STARTS"
}

# keys ARGS...: tmux send-keys (names like Enter, Tab, Down, C-q, or literal text with -l).
keys() { tmux -L "$E2E_SOCKET" send-keys -t app "$@"; }

screen() { tmux -L "$E2E_SOCKET" capture-pane -p -t app; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT (fixed string) appears.
wait_for() {
	text=$1 limit=${2:-10}
	tries=$((limit * 20))
	while [ "$tries" -gt 0 ]; do
		screen | grep -qF -- "$text" && return 0
		tries=$((tries - 1))
		sleep 0.05
	done
	fail "timed out waiting for: $text"
}

# wait_gone TEXT [SECONDS]: polls until TEXT is no longer on the screen.
wait_gone() {
	text=$1 limit=${2:-10}
	tries=$((limit * 20))
	while [ "$tries" -gt 0 ]; do
		screen | grep -qF -- "$text" || return 0
		tries=$((tries - 1))
		sleep 0.05
	done
	fail "timed out waiting for this to go: $text"
}

resize() { tmux -L "$E2E_SOCKET" resize-window -t app -x "$1" -y "$2"; }
