package com.acme.inference.classify;

import ai.djl.ModelException;
import ai.djl.translate.TranslateException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

@Path("/classify")
public class ClassifyResource {

    private static volatile ImageClassifier classifier;

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public List<ImageClassifier.Label> classify(InputStream body,
                                                @QueryParam("top") @DefaultValue("5") int top)
            throws ModelException, TranslateException, IOException {
        return classifier().classify(body, Math.min(Math.max(top, 1), 20));
    }

    private static ImageClassifier classifier() throws ModelException, IOException {
        ImageClassifier c = classifier;
        if (c == null) {
            synchronized (ClassifyResource.class) {
                c = classifier;
                if (c == null) {
                    c = ImageClassifier.load();
                    classifier = c;
                }
            }
        }
        return c;
    }
}
