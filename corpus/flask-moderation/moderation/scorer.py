import fasttext
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

TOXIC_MODEL = "unitary/toxic-bert"
TOXIC_REVISION = "4d6c22e74ba2fdd26bc4f7238f50766b045a0d94"
_lid = None


class ToxicityScorer:
    def __init__(self):
        self._tokenizer = None
        self._model = None

    def score(self, text: str) -> dict:
        if self._model is None:
            self._tokenizer = AutoTokenizer.from_pretrained(TOXIC_MODEL, revision=TOXIC_REVISION)
            self._model = AutoModelForSequenceClassification.from_pretrained(TOXIC_MODEL, revision=TOXIC_REVISION)
        inputs = self._tokenizer(text, return_tensors="pt", truncation=True)
        with torch.no_grad():
            probs = torch.sigmoid(self._model(**inputs).logits)[0]
        return {self._model.config.id2label[i]: float(p) for i, p in enumerate(probs)}


def detect_language(text: str) -> str:
    global _lid
    if _lid is None:
        _lid = fasttext.load_model("models/lid.176.ftz")
    labels, _ = _lid.predict(text.replace("\n", " "))
    return labels[0].replace("__label__", "")
