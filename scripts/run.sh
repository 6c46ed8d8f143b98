#!/usr/bin/env bash
# run.sh - the two commands of the README, on a fresh Debian 12 machine (as root) or a ready one.
#
#   bash scripts/run.sh example   install what is missing, build, scan the bundled example
#                                 repository, print a summary and write the BOM to out/
#   bash scripts/run.sh test      the same set-up, then the whole test suite, once plainly and
#                                 once under AddressSanitizer + UndefinedBehaviorSanitizer
#
# Idempotent: Debian packages are installed only when missing, npm ci runs only when the lock file
# changed, meson reconfigures only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(ca-certificates git gcc clang libclang-rt-14-dev libc6-dev pkg-config meson ninja-build python3 python3-pytest
	libtree-sitter-dev libgit2-dev libcjson-dev libsqlite3-dev check nodejs npm binutils
	libzip-dev zlib1g-dev liblzma-dev libbz2-dev libssl-dev libarchive-dev p7zip-full)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages() {
	local missing=() p
	for p in "${APT_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	# A machine may carry its own node/npm outside Debian's packages: keep them.
	if command -v node >/dev/null && command -v npm >/dev/null; then
		local kept=() m
		for m in "${missing[@]}"; do [[ $m == nodejs || $m == npm ]] || kept+=("$m"); done
		missing=("${kept[@]+"${kept[@]}"}")
	fi
	if [ ${#missing[@]} -gt 0 ]; then
		say "installing Debian packages: ${missing[*]}"
		if [ "$(id -u)" -ne 0 ]; then
			echo "run as root (or install: ${missing[*]})" >&2
			exit 3
		fi
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
}

install_npm() {
	local stamp=node_modules/.aibom-lock
	if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
		say "installing pinned grammars and the CycloneDX validator (npm ci)"
		npm ci --ignore-scripts --no-audit --no-fund >/dev/null
		cp package-lock.json "$stamp"
	fi
}

build() { # build DIR [meson options...] [-- ninja targets...]
	local dir=$1; shift
	local opts=() targets=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do opts+=("$1"); shift; done
	[ $# -gt 0 ] && shift && targets=("$@")
	if [ ! -f "$dir/build.ninja" ]; then
		say "configuring $dir"
		meson setup "$dir" "${opts[@]+"${opts[@]}"}" >"/tmp/aibom-meson-setup.log" 2>&1 ||
			{ cat /tmp/aibom-meson-setup.log >&2; exit 1; }
	fi
	say "building $dir"
	if ! ninja -C "$dir" "${targets[@]+"${targets[@]}"}" >"$dir/ninja.log" 2>&1; then
		tail -40 "$dir/ninja.log" >&2
		echo "build failed in $dir (full log: $dir/ninja.log)" >&2
		exit 1
	fi
}

setup() {
	install_packages
	install_npm
	build build
}

case "${1:-}" in
example)
	setup
	mkdir -p out
	say "scanning corpus/fastapi-rag-service"
	./build/aibom scan -q -f table corpus/fastapi-rag-service
	./build/aibom scan -q -o out/fastapi-rag-service.cdx.json --db out/fastapi-rag-service.db corpus/fastapi-rag-service
	say "which services reach which models"
	./build/aibom reach out/fastapi-rag-service.db
	node tests/validate-bom.cjs out/fastapi-rag-service.cdx.json
	say "BOM: out/fastapi-rag-service.cdx.json, database: out/fastapi-rag-service.db"
	;;
test)
	setup
	say "test suite"
	meson test -C build --print-errorlogs
	build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
	say "test suite under AddressSanitizer + UndefinedBehaviorSanitizer"
	meson test -C build-asan --setup=asan --print-errorlogs --suite unit --suite cli
	say "fuzzing smoke run: the model-artifact inspector, seeded with the generated samples"
	CC=clang build build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
		-- fuzz-artifact fuzz-source
	rm -rf build-fuzz/seeds build-fuzz/source-seeds
	mkdir -p build-fuzz/seeds build-fuzz/corpus build-fuzz/source-seeds build-fuzz/source-corpus
	python3 tests/gen-artifacts.py build-fuzz/seeds >/dev/null
	./build-fuzz/fuzz-artifact -max_total_time=30 -rss_limit_mb=2048 -print_final_stats=1 \
		build-fuzz/corpus build-fuzz/seeds 2>&1 | tail -6
	say "fuzzing smoke run: extraction and matching of every language, manifests, configuration"
	python3 fuzz/source-seeds.py build-fuzz/source-seeds >/dev/null
	./build-fuzz/fuzz-source -max_total_time=30 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
		build-fuzz/source-corpus build-fuzz/source-seeds 2>&1 | tail -6
	say "summary"
	python3 scripts/test-summary.py build/meson-logs/testlog.json build-asan/meson-logs/testlog-asan.json
	;;
*)
	echo "usage: bash scripts/run.sh example|test" >&2
	exit 2
	;;
esac
