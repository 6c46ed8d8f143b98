import pickle

import joblib
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from classifier.features import clean


def main(csv_path: str = "data/train.csv") -> None:
    df = pd.read_csv(csv_path)
    texts = df["text"].map(clean)
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2)
    X = vec.fit_transform(texts)
    clf = LogisticRegression(max_iter=1000).fit(X, df["label"])
    cal = CalibratedClassifierCV(clf, cv=3).fit(X, df["label"])
    joblib.dump(clf, "models/spam_lr.joblib")
    joblib.dump(cal, "models/calibrator.joblib")
    with open("models/tfidf_vectorizer.pkl", "wb") as fh:
        pickle.dump(vec, fh)


if __name__ == "__main__":
    main()
