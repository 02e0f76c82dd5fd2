#!/usr/bin/env bash
# Regenerate the fixture traces in fixtures/traces/ from the programs in
# fixtures/programs/, once per Go toolchain:
#
#   fixtures/traces/<program>-go<minor>.trace      e.g. mutex-go1.22.trace
#
# usage: scripts/gen-fixtures.sh
#
# Environment (all optional):
#   VERSIONS="1.19 1.22"   only these Go versions (default: all below)
#   PROGRAMS="mutex tcp"   only these programs (default: all)
#   GO119=/path/to/go      the Go 1.19 toolchain (default: Debian's golang-1.19)
#   GOMAXPROCS             passed to the programs (default 2, the machine the
#                          committed fixtures were made on)
#
# Go 1.19 comes from Debian (apt-get install golang-1.19); 1.21-1.25 are
# fetched by the go command itself (GOTOOLCHAIN=go1.X.Y, through the module
# proxy); 1.26 is the local toolchain (GOTOOLCHAIN=local).
#
# Each program is built with a go.mod whose go line is the toolchain's own
# version (passed with -modfile), as a project maintained on that Go would
# be: the committed go.mod says "go 1.19" so that every toolchain can build
# it, but that line would also switch newer toolchains to old GODEBUG
# defaults (e.g. asynctimerchan=1 for timers on 1.23+).
#
# The script is re-runnable: traces are overwritten. It fails if a program
# fails, if a trace is larger than 2 MB, or if Go's reader (the oracle, built
# from fixtures/oracle) cannot read a trace.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
programs_dir=$root/fixtures/programs
traces_dir=$root/fixtures/traces
cache=$root/.cache/gen-fixtures
oracle=$root/.cache/oracle
max_bytes=$((2 * 1024 * 1024))

# Go minor version -> toolchain (a GOTOOLCHAIN value, or a go binary path).
declare -A toolchain=(
	[1.19]=${GO119:-/usr/lib/go-1.19/bin/go}
	[1.21]=go1.21.13
	[1.22]=go1.22.12
	[1.23]=go1.23.12
	[1.24]=go1.24.13
	[1.25]=go1.25.14
	[1.26]=local
)
all_versions="1.19 1.21 1.22 1.23 1.24 1.25 1.26"
all_programs="mutex tcp fileio gcheavy chansel annotations cpuprofile httppprof gotest iterpull cgocallback"
versions=${VERSIONS:-$all_versions}
programs=${PROGRAMS:-$all_programs}

export GOMAXPROCS=${GOMAXPROCS:-2}
export GOFLAGS=-buildvcs=false
export CGO_ENABLED=${CGO_ENABLED:-1}

die() {
	echo "gen-fixtures: $*" >&2
	exit 1
}

# gocmd VERSION ARGS...: run the go command of that toolchain.
gocmd() {
	local tc=${toolchain[$1]}
	shift
	if [[ $tc == /* ]]; then
		GOTOOLCHAIN=local "$tc" "$@"
	else
		GOTOOLCHAIN=$tc go "$@"
	fi
}

# applies PROGRAM VERSION: whether the program makes sense for that Go.
applies() {
	case $1 in
	iterpull) [[ $2 != 1.19 && $2 != 1.21 && $2 != 1.22 ]] ;; # iter.Pull: Go 1.23+
	# cgocallback needs cgo and a C compiler. Go 1.19 and 1.21 (the old
	# trace format) write traces of C-thread callbacks that neither Go's
	# current reader nor their own go tool trace can order ("no consistent
	# ordering of events possible", golang/go#29707), so it starts at 1.22.
	cgocallback)
		[[ $2 != 1.19 && $2 != 1.21 ]] &&
			[[ $(gocmd "$2" env CGO_ENABLED) == 1 ]] && command -v gcc >/dev/null
		;;
	*) true ;;
	esac
}

# header FILE: the trace header without its NUL padding, e.g. "go 1.23 trace".
header() { head -c 16 "$1" | tr -d '\0'; }

mkdir -p "$traces_dir" "$cache"
(cd "$root/fixtures/oracle" && go build -o "$oracle" .) || die "cannot build the oracle"

for v in $versions; do
	[[ -n ${toolchain[$v]:-} ]] || die "unknown Go version $v"
	got=$(gocmd "$v" env GOVERSION) || die "Go $v toolchain (${toolchain[$v]}) not available"
	[[ $got == go$v || $got == go$v.* ]] || die "Go $v toolchain reports $got"
	echo "== $got"

	# A go.mod for this version, used through -modfile.
	modfile=$cache/go$v.mod
	printf 'module gotrace-view/fixtures/programs\n\ngo %s\n' "$v" >"$modfile"
	bindir=$cache/bin/go$v
	mkdir -p "$bindir"

	for p in $programs; do
		[[ -d $programs_dir/$p ]] || die "no program $p"
		if ! applies "$p" "$v"; then
			echo "   $p: skipped (not applicable to Go $v)"
			continue
		fi
		out=$traces_dir/$p-go$v.trace
		tmp=$cache/$p-go$v.trace.tmp
		rm -f "$tmp"
		if [[ $p == gotest ]]; then
			# The trace is taken by the go command: go test -trace.
			(cd "$programs_dir" && gocmd "$v" test -modfile="$modfile" -count=1 \
				-run . -bench . -benchtime 2000x -trace="$tmp" ./gotest >/dev/null) ||
				die "$p with Go $v: go test failed"
		else
			(cd "$programs_dir" && gocmd "$v" build -modfile="$modfile" -o "$bindir/$p" "./$p") ||
				die "$p with Go $v: build failed"
			timeout 60 "$bindir/$p" "$tmp" >/dev/null || die "$p with Go $v: run failed"
		fi
		size=$(stat -c %s "$tmp")
		if ((size > max_bytes)); then
			die "$p with Go $v: trace is $size bytes, over the 2 MB limit (left in $tmp)"
		fi
		if ! stats=$("$oracle" stats "$tmp"); then
			die "$p with Go $v: Go's reader rejects the trace: $stats (left in $tmp)"
		fi
		mv "$tmp" "$out"
		events=$(sed -E 's/.*"events": ([0-9]+).*/\1/' <<<"$stats")
		printf '   %-12s %-14s %8d bytes %8d events\n' "$p" "$(header "$out")" "$size" "$events"
	done
done
