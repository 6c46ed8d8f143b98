package com.acme.gateway.web;

import com.acme.gateway.clients.BedrockGateway;
import com.acme.gateway.clients.ClaudeGateway;
import com.acme.gateway.clients.GeminiGateway;
import com.acme.gateway.clients.OpenAiGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/v1")
public class CompletionController {

    public record PromptRequest(String q) {}

    public record Reply(String provider, String text) {}

    public record EmbeddingReply(String model, List<Double> embedding) {}

    private final OpenAiGateway openAi;
    private final ClaudeGateway claude;
    private final GeminiGateway gemini;
    private final BedrockGateway bedrock;

    public CompletionController(OpenAiGateway openAi, ClaudeGateway claude,
                                GeminiGateway gemini, BedrockGateway bedrock) {
        this.openAi = openAi;
        this.claude = claude;
        this.gemini = gemini;
        this.bedrock = bedrock;
    }

    @PostMapping("/chat/openai")
    public Reply openAi(@RequestBody PromptRequest request) {
        return new Reply("openai", openAi.complete(request.q()));
    }

    @PostMapping("/chat/anthropic")
    public Reply anthropic(@RequestBody PromptRequest request) {
        return new Reply("anthropic", claude.complete(request.q()));
    }

    @PostMapping("/chat/gemini")
    public Reply gemini(@RequestBody PromptRequest request) {
        return new Reply("google", gemini.complete(request.q()));
    }

    @PostMapping("/chat/bedrock")
    public Reply bedrock(@RequestBody PromptRequest request) {
        return new Reply("bedrock", bedrock.converse(request.q()));
    }

    @PostMapping("/embeddings")
    public EmbeddingReply embeddings(@RequestBody PromptRequest request) {
        return new EmbeddingReply(bedrock.embeddingModel(), bedrock.embed(request.q()));
    }
}
