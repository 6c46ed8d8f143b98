from concurrent.futures import ThreadPoolExecutor

from flask import Flask, jsonify, request

from moderation.background import start_refresh
from moderation.pipeline import ModerationPipeline
from moderation.scorer import detect_language

app = Flask(__name__)
executor = ThreadPoolExecutor(max_workers=4)


def classify():
    text = request.get_json()["text"]
    pipeline = ModerationPipeline()
    return jsonify(pipeline.moderate(text))


def classify_batch():
    texts = request.get_json()["texts"]
    futures = [executor.submit(detect_language, t) for t in texts]
    return jsonify({"languages": [f.result() for f in futures]})


def reload_models():
    start_refresh()
    return jsonify({"status": "reloading"}), 202


app.add_url_rule("/classify", view_func=classify, methods=["POST"])
app.add_url_rule("/classify/batch", view_func=classify_batch, methods=["POST"])
app.add_url_rule("/admin/reload", "reload_models", reload_models, methods=["POST"])
