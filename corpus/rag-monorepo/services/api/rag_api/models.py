"""Models loaded once, when the API process imports this module."""
from transformers import pipeline

INTENT_MODEL = "facebook/bart-large-mnli"
LABELS = ["billing", "technical", "account", "other"]

intent_classifier = pipeline("zero-shot-classification", model=INTENT_MODEL)
