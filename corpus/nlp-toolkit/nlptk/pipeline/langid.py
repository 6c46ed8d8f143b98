import fasttext

from nlptk.config import LANGID_MODEL

_model = None


def detect(text: str, k: int = 1) -> list[tuple[str, float]]:
    global _model
    if _model is None:
        _model = fasttext.load_model(LANGID_MODEL)
    labels, probs = _model.predict(text.replace("\n", " "), k=k)
    return [(lab.removeprefix("__label__"), float(p)) for lab, p in zip(labels, probs)]
