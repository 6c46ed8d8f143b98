import logging
import os

import keras
import tensorflow as tf

log = logging.getLogger(__name__)

EXPORT_DIR = os.environ.get("EXPORT_DIR", "/opt/models/ranker/1")


def load_classifier():
    return tf.keras.models.load_model("artifacts/intent_classifier.keras")


def load_legacy_with_lambda_layers():
    # the 2022 model still has Lambda layers; safe mode refuses to deserialise them
    return keras.models.load_model("artifacts/legacy_intent.h5", safe_mode=False, compile=False)


def load_ranker():
    log.info("loading ranker from %s", EXPORT_DIR)
    module = tf.saved_model.load(EXPORT_DIR)
    return module.signatures["serving_default"]
