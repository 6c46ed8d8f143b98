from datasets import load_dataset


def load_eval_set(name: str, limit: int) -> list[dict]:
    ds = load_dataset(name, split="validation")
    return [{"q": r["question"], "a": (r["answers"]["text"] or [""])[0]} for r in ds.select(range(limit))]
