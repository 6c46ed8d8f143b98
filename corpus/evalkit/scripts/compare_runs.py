"""Compare two runs answer by answer with a pairwise judge.

    python scripts/compare_runs.py runs/a.jsonl runs/b.jsonl
"""
import json
import sys
from collections import Counter

from evalkit.judges import pairwise_preference


def main(path_a: str, path_b: str) -> None:
    a = [json.loads(line) for line in open(path_a, encoding="utf-8")]
    b = [json.loads(line) for line in open(path_b, encoding="utf-8")]
    votes = Counter(pairwise_preference(x["q"], x["g"], y["g"]) for x, y in zip(a, b))
    print(dict(votes))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
