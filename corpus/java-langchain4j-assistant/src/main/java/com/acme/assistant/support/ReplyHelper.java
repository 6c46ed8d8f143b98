package com.acme.assistant.support;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatLanguageModel;

public final class ReplyHelper {

    private static final int MAX_QUESTION_CHARS = 4_000;

    // Built once per web app; the servlet container keeps the class loaded.
    private static final ChatLanguageModel CLAUDE = AnthropicChatModel.builder()
            .apiKey(System.getenv("ANTHROPIC_API_KEY"))
            .modelName("claude-3-5-sonnet-20241022")
            .maxTokens(1024)
            .build();

    private ReplyHelper() {
    }

    public static String reply(String question) {
        String q = question.strip();
        if (q.length() > MAX_QUESTION_CHARS) {
            q = q.substring(0, MAX_QUESTION_CHARS);
        }
        return CLAUDE.generate("Answer for an on-call engineer, in under 120 words:\n\n" + q);
    }
}
