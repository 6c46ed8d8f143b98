package com.acme.chat.service;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.stereotype.Service;

@Service
public class ChatService {

    private static final int MAX_INPUT_CHARS = 12_000;

    private final ChatClient chatClient;
    private final EmbeddingModel embeddingModel;

    public ChatService(ChatClient.Builder builder, EmbeddingModel embeddingModel) {
        this.chatClient = builder.build();
        this.embeddingModel = embeddingModel;
    }

    public String ask(String q) {
        return chatClient.prompt().user(q).call().content();
    }

    // Summaries read long tickets, so they go to the bigger model regardless of the default.
    public String summarize(String text) {
        OpenAiChatOptions options = OpenAiChatOptions.builder()
                .model(OpenAiApi.ChatModel.GPT_4_O.getValue())
                .temperature(0.2)
                .build();
        String input = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        return chatClient.prompt()
                .user("Summarize this ticket thread in at most five bullet points:\n\n" + input)
                .options(options)
                .call()
                .content();
    }

    public float[] embed(String text) {
        return embeddingModel.embed(text);
    }
}
