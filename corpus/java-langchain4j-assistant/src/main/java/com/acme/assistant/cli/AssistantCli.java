package com.acme.assistant.cli;

import com.acme.assistant.Assistant;
import com.acme.assistant.llm.ModelFactory;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.ChatLanguageModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.service.AiServices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

public class AssistantCli {

    private static final List<String> RUNBOOKS = List.of(
            "Restarting the ingest workers",
            "Rotating the database credentials",
            "Clearing a stuck deploy lock");

    public static void main(String[] args) throws IOException {
        boolean local = Arrays.asList(args).contains("--local");
        ChatLanguageModel model = local ? ModelFactory.local() : ModelFactory.openAi();
        Assistant assistant = AiServices.create(Assistant.class, model);

        EmbeddingModel embeddings = local ? null : ModelFactory.embeddings();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        System.out.print("> ");
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                System.out.print("> ");
                continue;
            }
            if (embeddings != null) {
                System.out.println("closest runbook: " + closestRunbook(embeddings, line));
            }
            System.out.println(assistant.chat(line));
            System.out.print("> ");
        }
    }

    private static String closestRunbook(EmbeddingModel embeddings, String question) {
        Embedding q = embeddings.embed(question).content();
        String best = RUNBOOKS.get(0);
        double bestScore = -1;
        for (String title : RUNBOOKS) {
            double score = cosine(q.vector(), embeddings.embed(title).content().vector());
            if (score > bestScore) {
                bestScore = score;
                best = title;
            }
        }
        return best;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb) + 1e-9);
    }
}
