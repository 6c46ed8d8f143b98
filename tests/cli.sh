#!/usr/bin/env bash
# cli.sh - the aibom command end to end: usage errors (exit 2), unreadable input (exit 3) with a
# message naming the path, a scan of the bundled example writing a valid CycloneDX BOM, the
# database kept with --db and queried read-only, and --rules with a bad file.
set -u
AIBOM=$1
ROOT=${MESON_SOURCE_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

check() { # check NAME EXPECTED_RC CMD...
	local name=$1 want=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ "$rc" -eq "$want" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $name: exit $rc, want $want"; sed 's/^/  stderr: /' "$tmp/err" | head -5
	fi
}
contains() { # contains NAME FILE TEXT
	if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $1: '$3' not in $2"; head -5 "$2" | sed 's/^/  /'
	fi
}

check "no args" 2 "$AIBOM"
check "unknown command" 2 "$AIBOM" frobnicate
check "help" 0 "$AIBOM" --help
contains "help text" "$tmp/out" "exit codes"
check "scan help" 0 "$AIBOM" scan --help
contains "scan help text" "$tmp/out" "--rev REV"
check "scan no path" 2 "$AIBOM" scan
check "bad format" 2 "$AIBOM" scan -f xml "$ROOT/corpus/flask-classifier"
contains "bad format message" "$tmp/err" "unknown format 'xml'"
check "bad jobs" 2 "$AIBOM" scan -j 0 "$ROOT/corpus/flask-classifier"
check "missing path" 3 "$AIBOM" scan /nonexistent/repo
contains "missing path message" "$tmp/err" "/nonexistent/repo"
check "rev on a folder" 2 "$AIBOM" scan --rev HEAD "$tmp"
contains "rev message" "$tmp/err" "not a git repository"
echo '{"aibom_rules": 2}' >"$tmp/bad-rules.json"
check "bad rules" 3 "$AIBOM" scan --rules "$tmp/bad-rules.json" "$ROOT/corpus/flask-classifier"
contains "bad rules message" "$tmp/err" "bad-rules.json"

check "scan example" 0 "$AIBOM" scan -o "$tmp/bom.json" --db "$tmp/scan.db" "$ROOT/corpus/fastapi-rag-service"
contains "summary on stderr" "$tmp/err" "findings"
contains "bom written" "$tmp/bom.json" '"bomFormat"'
check "bom valid" 0 node "$ROOT/tests/validate-bom.cjs" "$tmp/bom.json"
check "table" 0 "$AIBOM" scan -q -f table "$ROOT/corpus/fastapi-rag-service"
contains "table row" "$tmp/out" "openai.OpenAI.chat.completions.create"
check "query" 0 "$AIBOM" query "$tmp/scan.db" "SELECT count(*) AS n FROM v_findings"
contains "query rows" "$tmp/out" '[{"n":3}]'
check "query write refused" 2 "$AIBOM" query "$tmp/scan.db" "DROP TABLE findings"
contains "query refusal" "$tmp/err" "read-only"
check "reach" 0 "$AIBOM" reach "$tmp/scan.db"
contains "reach row" "$tmp/out" "app.main:ask"
contains "reach path" "$tmp/out" "ask (app/main.py:21) -> LLMService.embed (app/llm.py:27)"
check "reach json" 0 "$AIBOM" reach -f json --model gpt-4o-mini "$tmp/scan.db"
cp "$tmp/out" "$tmp/reach.json"
check "reach json parses" 0 python3 -c "import json,sys; d=json.load(open('$tmp/reach.json')); assert [r['model'] for r in d['reach']] == ['gpt-4o-mini'], d"
check "reach bad format" 2 "$AIBOM" reach -f xml "$tmp/scan.db"
check "reach missing db" 3 "$AIBOM" reach "$tmp/none.db"
check "query missing db" 3 "$AIBOM" query "$tmp/none.db" "SELECT 1"
SOURCE_DATE_EPOCH=1700000000 "$AIBOM" scan -q -o "$tmp/a.json" "$ROOT/corpus/tf-serving"
SOURCE_DATE_EPOCH=1700000000 "$AIBOM" scan -q -j 1 -o "$tmp/b.json" "$ROOT/corpus/tf-serving"
check "deterministic" 0 cmp "$tmp/a.json" "$tmp/b.json"

printf 'cos\nsystem\n(S"echo pwned"\ntR.' >"$tmp/evil.dat"
python3 -c "import pickle,sys; open(sys.argv[1],'wb').write(pickle.dumps({'w': [1.0, 2.0]}))" "$tmp/ok.pkl"
check "inspect dangerous" 1 "$AIBOM" inspect "$tmp/evil.dat" "$tmp/ok.pkl"
contains "inspect names the global" "$tmp/out" "DANGEROUS  os.system at offset 0"
contains "inspect safe file" "$tmp/out" "ok.pkl: pickle, safe"
check "inspect safe only" 0 "$AIBOM" inspect -f json "$tmp/ok.pkl"
contains "inspect json" "$tmp/out" '"verdict":'
check "inspect missing" 3 "$AIBOM" inspect "$tmp/none.pt"
check "inspect usage" 2 "$AIBOM" inspect

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
