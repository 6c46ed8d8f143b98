package com.acme.gateway.clients;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.springframework.stereotype.Service;

@Service
public class OpenAiGateway {

    // Reads OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_ORG_ID if set).
    private final OpenAIClient client = OpenAIOkHttpClient.fromEnv();

    public String complete(String q) {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O)
                .addUserMessage(q)
                .build());
        return completion.choices().get(0).message().content().orElse("");
    }

    // Written for the release-notes bot, which was never moved over to the gateway.
    public String draftReleaseNotes(String changelog) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addSystemMessage("Rewrite the changelog as short customer-facing release notes.")
                .addUserMessage(changelog)
                .build();
        return client.chat().completions().create(params).choices().get(0).message().content().orElse("");
    }
}
