package com.acme.inference.qa;

import ai.djl.ModelException;
import ai.djl.huggingface.translator.QuestionAnsweringTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.modality.nlp.qa.QAInput;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Paths;

@Singleton
public class BertQa {

    private ZooModel<QAInput, String> model;

    // TorchScript export of a SQuAD-tuned BERT, copied next to the service by the deploy job.
    private synchronized ZooModel<QAInput, String> model() throws ModelException, IOException {
        if (model == null) {
            Criteria<QAInput, String> criteria = Criteria.builder()
                    .setTypes(QAInput.class, String.class)
                    .optModelPath(Paths.get("models/bert-qa"))
                    .optEngine("PyTorch")
                    .optTranslatorFactory(new QuestionAnsweringTranslatorFactory())
                    .build();
            model = ModelZoo.loadModel(criteria);
        }
        return model;
    }

    public String answer(String question, String context) throws ModelException, TranslateException, IOException {
        try (Predictor<QAInput, String> predictor = model().newPredictor()) {
            return predictor.predict(new QAInput(question, context));
        }
    }
}
