import json
import logging

import joblib
import yaml
from flask import Flask, jsonify, request

from classifier.features import clean
from classifier.model_store import load_model, load_vectorizer

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("classifier")

with open("config.yaml") as fh:
    CONFIG = yaml.safe_load(fh)

with open("models/labels.json") as fh:
    LABELS = json.load(fh)

app = Flask(__name__)
vectorizer = load_vectorizer()
model = load_model("spam_lr")
calibrator = joblib.load("models/calibrator.joblib")


@app.route("/predict", methods=["POST"])
def predict():
    texts = [clean(t) for t in request.get_json()["texts"]]
    X = vectorizer.transform(texts)
    raw = model.predict(X)
    scores = calibrator.predict_proba(X)[:, 1]
    threshold = CONFIG.get("threshold", 0.5)
    return jsonify(
        [
            {"label": LABELS[str(int(s > threshold))], "raw": int(r), "score": float(s)}
            for r, s in zip(raw, scores)
        ]
    )


@app.route("/health")
def health():
    return {"status": "ok"}


if __name__ == "__main__":
    log.info("starting classifier service")
    app.run(host="0.0.0.0", port=8080)
