package com.acme.inference.scoring;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Map;

public final class OnnxScorer implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;

    public OnnxScorer() throws OrtException {
        this.env = OrtEnvironment.getEnvironment();
        this.session = env.createSession("models/classifier.onnx", new OrtSession.SessionOptions());
    }

    // Returns the churn probability (column 1 of the softmax output) for every row.
    public float[] score(float[][] rows) throws OrtException {
        String inputName = session.getInputNames().iterator().next();
        try (OnnxTensor input = OnnxTensor.createTensor(env, rows);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            float[][] probabilities = (float[][]) result.get(0).getValue();
            float[] churn = new float[probabilities.length];
            for (int i = 0; i < probabilities.length; i++) {
                churn[i] = probabilities[i][1];
            }
            return churn;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
