package com.acme.assistant;

import dev.langchain4j.service.SystemMessage;

public interface Assistant {

    @SystemMessage("You are a terse assistant for the Acme platform team. Prefer runbook steps over prose.")
    String chat(String userMessage);
}
