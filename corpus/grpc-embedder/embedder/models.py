import os
from functools import lru_cache

import timm
import torch
from sentence_transformers import SentenceTransformer

TEXT_MODEL = os.getenv("TEXT_MODEL", "intfloat/e5-base-v2")


class TextEncoder:
    def __init__(self, device: str = "cpu"):
        self.model = SentenceTransformer(TEXT_MODEL, device=device)

    def encode_batch(self, texts: list[str]) -> list[list[float]]:
        prefixed = [f"query: {t}" for t in texts]
        return self.model.encode(prefixed, normalize_embeddings=True).tolist()


@lru_cache(maxsize=1)
def load_image_encoder():
    model = timm.create_model("vit_base_patch16_clip_224.openai", pretrained=True, num_classes=0)
    return model.eval()


def image_embedding(model, pixels) -> list[float]:
    with torch.no_grad():
        return model(pixels).squeeze(0).tolist()
