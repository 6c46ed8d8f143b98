import re
import sys

from datasets import load_dataset
from transformers import pipeline


def extract_answer(text: str) -> str | None:
    m = re.search(r"####\s*(-?[\d,]+)", text)
    return m.group(1).replace(",", "") if m else None


def main(model_dir: str = "./outputs/merged", limit: int = 200) -> float:
    gsm8k = load_dataset("openai/gsm8k", "main", split="test")
    generator = pipeline("text-generation", model=model_dir, device_map="auto")
    correct = 0
    for row in gsm8k.select(range(limit)):
        out = generator(row["question"], max_new_tokens=256)[0]["generated_text"]
        correct += extract_answer(out) == extract_answer(row["answer"])
    acc = correct / limit
    print(f"gsm8k accuracy: {acc:.3f}")
    return acc


if __name__ == "__main__":
    main(*sys.argv[1:2])
