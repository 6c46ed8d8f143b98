"""Where every production model lives.

Keys are the names used by the scoring jobs; values are resolvable URIs
(MLflow registry URIs such as models:/churn-classifier/Staging, or Hub
references; browse https://huggingface.co/BAAI for the embedders).
"""

MODEL_CATALOG = {
    "churn": "models:/churn-classifier/Production",
    "ltv": "models:/ltv-regressor/7",
    "sentiment": "hf://distilbert/distilbert-base-uncased-finetuned-sst-2-english",
    "embedder": "https://huggingface.co/BAAI/bge-base-en-v1.5",
}

MODEL_CARDS = {
    "sentiment": "https://huggingface.co/distilbert/distilbert-base-uncased-finetuned-sst-2-english/blob/main/README.md",
}

OWNERS = {"churn": "growth-ds", "ltv": "finance-ds", "sentiment": "support-ml", "embedder": "search"}
