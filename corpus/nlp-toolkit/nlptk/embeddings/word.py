import gensim.downloader as api
import numpy as np
from gensim.models import KeyedVectors, Word2Vec


def pretrained_glove():
    return api.load("glove-wiki-gigaword-100")


def google_news(path: str = "data/GoogleNews-vectors-negative300.bin"):
    return KeyedVectors.load_word2vec_format(path, binary=True, limit=500_000)


def domain_word2vec():
    return Word2Vec.load("models/domain_w2v.model").wv


def sentence_vector(kv, tokens: list[str]) -> np.ndarray:
    vecs = [kv[t] for t in tokens if t in kv]
    return np.mean(vecs, axis=0) if vecs else np.zeros(kv.vector_size)
