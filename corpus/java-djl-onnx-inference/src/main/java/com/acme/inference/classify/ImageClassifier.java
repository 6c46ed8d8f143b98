package com.acme.inference.classify;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

public final class ImageClassifier implements AutoCloseable {

    public record Label(String name, double probability) {}

    private final ZooModel<Image, Classifications> model;

    private ImageClassifier(ZooModel<Image, Classifications> model) {
        this.model = model;
    }

    // ImageNet ResNet from the DJL model zoo; the artifact is cached under ~/.djl.ai after the first run.
    public static ImageClassifier load() throws IOException, ModelNotFoundException, MalformedModelException {
        Criteria<Image, Classifications> criteria = Criteria.builder()
                .setTypes(Image.class, Classifications.class)
                .optModelUrls("djl://ai.djl.pytorch/resnet")
                .optEngine("PyTorch")
                .build();
        return new ImageClassifier(criteria.loadModel());
    }

    public List<Label> classify(InputStream body, int top) throws IOException, TranslateException {
        Image image = ImageFactory.getInstance().fromInputStream(body);
        try (Predictor<Image, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(image);
            return result.topK(top).stream()
                    .map(c -> new Label(c.getClassName(), c.getProbability()))
                    .toList();
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
