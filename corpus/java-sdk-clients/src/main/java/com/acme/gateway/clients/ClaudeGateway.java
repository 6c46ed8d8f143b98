package com.acme.gateway.clients;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.TextBlock;
import org.springframework.stereotype.Service;

import java.util.stream.Collectors;

@Service
public class ClaudeGateway {

    // Reads ANTHROPIC_API_KEY.
    private final AnthropicClient client = AnthropicOkHttpClient.fromEnv();

    public String complete(String q) {
        Message message = client.messages().create(MessageCreateParams.builder()
                .model(Model.CLAUDE_3_5_SONNET_LATEST)
                .maxTokens(1024)
                .addUserMessage(q)
                .build());
        return message.content().stream()
                .flatMap(block -> block.text().stream())
                .map(TextBlock::text)
                .collect(Collectors.joining());
    }
}
