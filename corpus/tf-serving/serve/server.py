import json

import numpy as np
import tensorflow as tf

from serve.encoders import sentence_encoder
from serve.loader import load_classifier, load_ranker


class ModelServer:
    def __init__(self, labels_path: str = "artifacts/labels.json"):
        self.classifier = load_classifier()
        self.ranker = load_ranker()
        self.encoder = sentence_encoder()
        with open(labels_path) as fh:
            self.labels = json.load(fh)

    def classify(self, texts: list[str]) -> list[str]:
        probs = self.classifier.predict(tf.constant(texts), verbose=0)
        return [self.labels[i] for i in np.argmax(probs, axis=1)]

    def rank(self, query: str, docs: list[str]) -> list[float]:
        q = self.encoder([query])
        d = self.encoder(docs)
        out = self.ranker(query_emb=q, doc_emb=d)
        return out["scores"].numpy().tolist()
