package com.acme.chat.config;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AiConfig {

    static final String SYSTEM_PROMPT = """
            You are the Acme help-desk assistant. Answer briefly and point to the
            internal wiki when a question is about a company process. If you do not
            know, say so instead of guessing.
            """;

    // Applied by Spring AI to every ChatClient.Builder it hands out.
    @Bean
    public ChatClientCustomizer helpdeskDefaults() {
        return builder -> builder.defaultSystem(SYSTEM_PROMPT);
    }
}
