import os

import lightgbm as lgb
import mlflow
import onnx
import xgboost as xgb
from huggingface_hub import hf_hub_download, snapshot_download
from safetensors import safe_open
from safetensors.torch import load_file

from registry.catalog import MODEL_CATALOG

mlflow.set_tracking_uri(os.getenv("MLFLOW_TRACKING_URI", "http://mlflow.internal:5000"))


def load_from_catalog(name: str):
    return mlflow.pyfunc.load_model(MODEL_CATALOG[name])


def load_registered(name: str, stage: str = "Production"):
    return mlflow.sklearn.load_model(f"models:/{name}/{stage}")


def load_churn():
    return mlflow.pyfunc.load_model("models:/churn-classifier/Production")


def load_xgb(path: str = "artifacts/fraud_xgb.json"):
    clf = xgb.XGBClassifier()
    clf.load_model(path)
    return clf


def load_xgb_booster():
    return xgb.Booster(model_file="artifacts/fraud_xgb.ubj")


def load_lgbm():
    return lgb.Booster(model_file="artifacts/ltv_lgbm.txt")


def load_embedder_weights():
    path = hf_hub_download(repo_id="BAAI/bge-base-en-v1.5", filename="model.safetensors")
    return load_file(path)


def load_tokenizer_files(local_dir: str = "artifacts/tokenizer"):
    return snapshot_download(
        "BAAI/bge-base-en-v1.5",
        revision="a5beb1e3e68b9ab74eb54cfd186867f64f240e1a",
        allow_patterns=["tokenizer*", "vocab.txt"],
        local_dir=local_dir,
    )


def read_tensor_names(path: str) -> list[str]:
    with safe_open(path, framework="pt") as f:
        return list(f.keys())


def check_onnx(path: str = "artifacts/ranker.onnx") -> None:
    model = onnx.load(path)
    onnx.checker.check_model(model)
