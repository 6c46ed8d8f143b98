package com.acme.chat.web;

import com.acme.chat.service.ChatService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class ChatController {

    public record SummarizeRequest(String text) {}

    public record SummaryResponse(String summary, int embeddingDimensions) {}

    private final ChatService chatService;

    public ChatController(ChatService chatService) {
        this.chatService = chatService;
    }

    @GetMapping("/chat")
    public String chat(@RequestParam("q") String q) {
        return chatService.ask(q);
    }

    @PostMapping("/summarize")
    public SummaryResponse summarize(@RequestBody SummarizeRequest request) {
        String summary = chatService.summarize(request.text());
        // Stored next to the ticket so that similar tickets can be found later.
        float[] vector = chatService.embed(summary);
        return new SummaryResponse(summary, vector.length);
    }
}
