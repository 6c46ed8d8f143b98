import onnxruntime as ort
import torch

from moderation.scorer import ToxicityScorer

SPAM_MODEL_PATH = "models/spam-detector.onnx"


class ModerationPipeline:
    def __init__(self, threshold: float = 0.8):
        self.threshold = threshold
        self.scorer = ToxicityScorer()
        self._spam = None

    def moderate(self, text: str) -> dict:
        if self._spam is None:
            self._spam = ort.InferenceSession(SPAM_MODEL_PATH, providers=["CPUExecutionProvider"])
        spam_prob = float(self._spam.run(None, {"text": [text]})[1][0][1])
        scores = self.scorer.score(text)
        flagged = {label: s for label, s in scores.items() if s >= self.threshold}
        return {"flagged": bool(flagged) or spam_prob >= self.threshold, "categories": flagged, "spam": spam_prob}


def load_legacy_checkpoint(path: str = "models/toxicity-v1.pt"):
    """Kept for the v1 -> v2 migration notebook; the service uses the Hugging Face model."""
    return torch.load(path, map_location="cpu")
