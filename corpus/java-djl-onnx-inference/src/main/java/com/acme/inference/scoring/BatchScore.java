package com.acme.inference.scoring;

import ai.onnxruntime.OrtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class BatchScore {

    private static final int BATCH = 256;

    private BatchScore() {
    }

    // Input: account_id,f1,...,fN per line, header first. Output: account_id,score on stdout.
    public static void main(String[] args) throws IOException, OrtException {
        Path csv = Path.of(args.length > 0 ? args[0] : "accounts.csv");
        List<String> lines = Files.readAllLines(csv);
        try (OnnxScorer scorer = new OnnxScorer()) {
            for (int start = 1; start < lines.size(); start += BATCH) {
                List<String> chunk = lines.subList(start, Math.min(start + BATCH, lines.size()));
                List<String> ids = new ArrayList<>(chunk.size());
                float[][] rows = new float[chunk.size()][];
                for (int i = 0; i < chunk.size(); i++) {
                    String[] cells = chunk.get(i).split(",");
                    ids.add(cells[0]);
                    rows[i] = new float[cells.length - 1];
                    for (int j = 1; j < cells.length; j++) {
                        rows[i][j - 1] = Float.parseFloat(cells[j]);
                    }
                }
                float[] scores = scorer.score(rows);
                for (int i = 0; i < scores.length; i++) {
                    System.out.println(ids.get(i) + "," + scores[i]);
                }
            }
        }
    }
}
