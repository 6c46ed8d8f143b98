rootProject.name = "llm-gateway"
