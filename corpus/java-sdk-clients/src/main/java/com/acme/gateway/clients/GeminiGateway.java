package com.acme.gateway.clients;

import com.google.genai.Client;
import com.google.genai.types.GenerateContentResponse;
import org.springframework.stereotype.Service;

@Service
public class GeminiGateway {

    public String complete(String q) {
        // The no-argument client picks up GOOGLE_API_KEY from the environment.
        Client client = new Client();
        GenerateContentResponse response = client.models.generateContent("gemini-2.0-flash", q, null);
        return response.text();
    }
}
