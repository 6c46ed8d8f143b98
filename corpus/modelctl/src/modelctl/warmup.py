"""Load the serving models once so that the first request after a deploy is fast.

Installed as the `modelctl-warmup` console script and run from the container's start hook.
"""
import logging

import onnxruntime as ort
from sentence_transformers import SentenceTransformer

log = logging.getLogger("modelctl.warmup")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    encoder = SentenceTransformer("sentence-transformers/all-mpnet-base-v2", revision="84f2bcc00d77236f9e89c8a360a00fb1139bf47d")
    encoder.encode(["warm-up"])
    session = ort.InferenceSession("/opt/models/sentiment.onnx")
    log.info("warm: %s", [i.name for i in session.get_inputs()])
