import logging

import pandas as pd

from registry.catalog import OWNERS
from registry.loaders import load_churn, load_lgbm, load_registered

log = logging.getLogger("score")


def score_churn(df: pd.DataFrame) -> pd.Series:
    model = load_churn()
    return pd.Series(model.predict(df), index=df.index, name="churn_prob")


def score_ltv(df: pd.DataFrame) -> pd.Series:
    booster = load_lgbm()
    return pd.Series(booster.predict(df.values), index=df.index, name="ltv")


def score_all(df: pd.DataFrame) -> pd.DataFrame:
    log.info("scoring %d rows; owners=%s", len(df), OWNERS)
    out = pd.concat([score_churn(df), score_ltv(df)], axis=1)
    out["segment_model"] = load_registered("customer-segments", "Staging").predict(df)
    return out
