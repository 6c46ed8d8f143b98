import argparse

import tensorflow as tf
import tensorflow_hub as hub

DEFAULT_HANDLE = "https://www.kaggle.com/models/google/mobilenet-v3/TensorFlow2/large-100-224-feature-vector/1"


def main():
    ap = argparse.ArgumentParser(description="Wrap a hub feature extractor into a SavedModel")
    ap.add_argument("--handle", default=DEFAULT_HANDLE)
    ap.add_argument("--out", default="/opt/models/featurizer/1")
    args = ap.parse_args()

    model = tf.keras.Sequential([hub.KerasLayer(args.handle, input_shape=(224, 224, 3))])
    tf.saved_model.save(model, args.out)


if __name__ == "__main__":
    main()
