package com.acme.inference.qa;

import ai.djl.ModelException;
import ai.djl.translate.TranslateException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.io.IOException;

@Controller("/qa")
public class QaController {

    public record QaRequest(String question, String context) {}

    public record QaResponse(String answer) {}

    private final BertQa qa;

    public QaController(BertQa qa) {
        this.qa = qa;
    }

    @Post
    public QaResponse answer(@Body QaRequest request) throws ModelException, TranslateException, IOException {
        if (request.question() == null || request.context() == null) {
            return new QaResponse("");
        }
        return new QaResponse(qa.answer(request.question(), request.context()));
    }
}
