"""Helpers for locating and loading trained artefacts."""
import os
import pickle

import joblib

MODEL_DIR = os.environ.get("MODEL_DIR", "models")
VECTORIZER_PATH = "models/tfidf_vectorizer.pkl"


def load_model(name: str, model_dir: str = MODEL_DIR):
    """Load a fitted estimator saved by train.py (e.g. load_model("spam_lr"))."""
    path = os.path.join(model_dir, f"{name}.joblib")
    return joblib.load(path)


def load_vectorizer():
    with open(VECTORIZER_PATH, "rb") as fh:
        return pickle.load(fh)


def load_label_encoder(path="models/label_encoder.pkl"):
    with open(path, "rb") as fh:
        return pickle.loads(fh.read())
