import tensorflow as tf
import tensorflow_hub as hub
import tensorflow_text  # noqa: F401  (registers SentencePiece ops)
from tensorflow import keras

# more text encoders: https://tfhub.dev/s?module-type=text-embedding
ENCODERS = {
    "use": "https://tfhub.dev/google/universal-sentence-encoder/4",
    "use-multilingual": "https://tfhub.dev/google/universal-sentence-encoder-multilingual/3",
}


def sentence_encoder(name: str = "use"):
    return hub.load(ENCODERS[name])


def build_tagger(num_tags: int) -> keras.Model:
    text = keras.Input(shape=(), dtype=tf.string)
    preprocess = hub.KerasLayer("https://tfhub.dev/tensorflow/bert_en_uncased_preprocess/3")
    encoder = hub.KerasLayer(
        "https://tfhub.dev/tensorflow/bert_en_uncased_L-12_H-768_A-12/4", trainable=True
    )
    outputs = encoder(preprocess(text))["pooled_output"]
    logits = keras.layers.Dense(num_tags)(outputs)
    return keras.Model(text, logits)


def load_finetuned_tagger(path: str = "artifacts/tagger"):
    return keras.models.load_model(path, custom_objects={"KerasLayer": hub.KerasLayer})
