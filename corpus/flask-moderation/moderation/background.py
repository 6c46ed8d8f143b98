"""Reload the keyword vectorizer in the background when an admin asks for it."""
import logging
import threading

import joblib

log = logging.getLogger(__name__)
_lock = threading.Lock()
vectorizer = None


def _refresh() -> None:
    global vectorizer
    with _lock:
        vectorizer = joblib.load("models/keyword-vectorizer.joblib")
    log.info("vectorizer reloaded")


def start_refresh() -> threading.Thread:
    worker = threading.Thread(target=_refresh, name="model-refresh", daemon=True)
    worker.start()
    return worker
