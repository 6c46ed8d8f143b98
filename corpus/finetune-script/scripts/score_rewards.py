import json
import sys

import torch
from transformers import AutoTokenizer

from train.reward import RewardModel


def score(jsonl_path: str, rm_dir: str = "./outputs/reward") -> list[float]:
    rm = RewardModel.from_pretrained(rm_dir).eval()
    tok = AutoTokenizer.from_pretrained(rm_dir)
    scores = []
    with open(jsonl_path) as fh:
        for line in fh:
            row = json.loads(line)
            enc = tok(row["prompt"] + row["response"], return_tensors="pt", truncation=True)
            with torch.no_grad():
                scores.append(rm(**enc).item())
    return scores


if __name__ == "__main__":
    print(score(sys.argv[1]))
