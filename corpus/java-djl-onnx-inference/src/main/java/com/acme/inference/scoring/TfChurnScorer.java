package com.acme.inference.scoring;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;

/**
 * The previous churn model, a TensorFlow SavedModel. Kept until the ONNX export has a full quarter
 * of shadow results; nothing constructs it any more.
 */
public final class TfChurnScorer implements AutoCloseable {

    private final SavedModelBundle bundle;

    public TfChurnScorer() {
        this.bundle = SavedModelBundle.load("models/saved_model", "serve");
    }

    public float score(float[] features) {
        try (TFloat32 input = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[][] {features}))) {
            var outputs = bundle.session().runner()
                    .feed("serving_default_features", input)
                    .fetch("StatefulPartitionedCall")
                    .run();
            try (TFloat32 out = (TFloat32) outputs.get(0)) {
                return out.getFloat(0, 1);
            }
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
