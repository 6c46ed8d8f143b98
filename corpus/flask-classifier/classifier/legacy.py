"""Compatibility shim for models exported by the 2021 training notebooks."""
import cloudpickle

LEGACY_MODELS = {"spam_v1": "models/legacy/spam_v1.cpkl"}


def load_legacy(name: str):
    with open(LEGACY_MODELS[name], "rb") as fh:
        return cloudpickle.load(fh)
