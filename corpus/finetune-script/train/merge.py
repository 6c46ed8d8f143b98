"""Merge the trained LoRA adapter into the base weights for serving."""
import argparse

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM

from .config import ADAPTER_DIR, BASE_MODEL


def merge(adapter_dir: str = "./outputs/adapter", out_dir: str = "./outputs/merged"):
    base = AutoModelForCausalLM.from_pretrained(
        BASE_MODEL, torch_dtype=torch.float16, trust_remote_code=True
    )
    model = PeftModel.from_pretrained(base, adapter_dir)
    merged = model.merge_and_unload()
    merged.save_pretrained(out_dir, safe_serialization=True)
    return out_dir


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--adapter", default=ADAPTER_DIR)
    merge(ap.parse_args().adapter)
