package com.acme.gateway.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Service
public class BedrockGateway {

    private static final String MODEL_ID = "amazon.titan-embed-text-v2:0";

    private final BedrockRuntimeClient client = BedrockRuntimeClient.builder()
            .region(Region.US_EAST_1)
            .build();
    private final ObjectMapper mapper = new ObjectMapper();

    public String converse(String q) {
        ConverseResponse response = client.converse(ConverseRequest.builder()
                .modelId("anthropic.claude-3-haiku-20240307-v1:0")
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(q))
                        .build())
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(512)
                        .temperature(0.3F)
                        .build())
                .build());
        return response.output().message().content().get(0).text();
    }

    public String embeddingModel() {
        return MODEL_ID;
    }

    public List<Double> embed(String text) {
        try {
            String body = mapper.writeValueAsString(Map.of(
                    "inputText", text,
                    "dimensions", 512,
                    "normalize", true));
            InvokeModelResponse response = client.invokeModel(InvokeModelRequest.builder()
                    .modelId(MODEL_ID)
                    .contentType("application/json")
                    .accept("application/json")
                    .body(SdkBytes.fromUtf8String(body))
                    .build());
            JsonNode payload = mapper.readTree(response.body().asUtf8String());
            List<Double> vector = new ArrayList<>();
            payload.get("embedding").forEach(v -> vector.add(v.asDouble()));
            return vector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
