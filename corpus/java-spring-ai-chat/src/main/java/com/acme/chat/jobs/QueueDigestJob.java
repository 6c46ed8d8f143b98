package com.acme.chat.jobs;

import com.acme.chat.service.ChatService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

@Component
public class QueueDigestJob {

    private static final Logger log = LoggerFactory.getLogger(QueueDigestJob.class);

    private final ChatService chatService;
    private final RestClient restClient;
    private final String queueUrl;

    public QueueDigestJob(ChatService chatService,
                          RestClient.Builder restClientBuilder,
                          @Value("${helpdesk.digest.queue-url}") String queueUrl) {
        this.chatService = chatService;
        this.restClient = restClientBuilder.build();
        this.queueUrl = queueUrl;
    }

    // Posts a one-line status of the open queue to the log every minute.
    @Scheduled(fixedRate = 60000)
    public void digestOpenTickets() {
        String open = restClient.get().uri(queueUrl).retrieve().body(String.class);
        if (open == null || open.isBlank()) {
            return;
        }
        String line = chatService.ask("In one sentence, what are these open tickets mostly about?\n" + open);
        log.info("queue digest: {}", line);
    }
}
