import argparse

from mlflow import MlflowClient

client = MlflowClient()


def promote(name: str, version: str, stage: str = "Production") -> None:
    client.transition_model_version_stage(name=name, version=version, stage=stage, archive_existing_versions=True)
    print(f"promoted models:/{name}/{version} to {stage}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("version")
    args = ap.parse_args()
    promote(args.name, args.version)
