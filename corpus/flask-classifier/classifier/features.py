import re

import dill

_URL = re.compile(r"https?://\S+")


def clean(text: str) -> str:
    text = _URL.sub(" URL ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def load_preprocessor(path: str = "models/preprocess.dill"):
    # the preprocessing pipeline contains lambdas, hence dill instead of pickle
    with open(path, "rb") as fh:
        return dill.load(fh)
