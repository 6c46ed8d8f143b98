"""Small helpers shared by the analysis notebook."""
import re

import pandas as pd


def load_reviews(path: str = "data/reviews.csv") -> pd.DataFrame:
    df = pd.read_csv(path)
    df["text"] = df["text"].astype(str).map(normalise)
    return df.dropna(subset=["text"])


def normalise(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def pipeline(df: pd.DataFrame, *steps):
    """Apply dataframe transforms in order (not the transformers pipeline)."""
    for step in steps:
        df = step(df)
    return df
