import logging

from langchain_core.messages import HumanMessage, SystemMessage
from langgraph.prebuilt import create_react_agent

from agent.llms import get_by_provider, get_chat_model, get_router
from agent.tools import TOOLS

log = logging.getLogger(__name__)

ROUTER_PROMPT = "Classify the request as 'math', 'orders' or 'chitchat'. Reply with one word."


def build_agent(provider: str = "openai"):
    llm = get_by_provider(provider)
    return create_react_agent(llm, TOOLS)


def route(text: str) -> str:
    router = get_router()
    msg = router.invoke([SystemMessage(ROUTER_PROMPT), HumanMessage(text)])
    return msg.content.strip().lower()


def run(text: str) -> str:
    intent = route(text)
    log.info("intent=%s, using gpt-4o-mini for chitchat", intent)
    if intent == "chitchat":
        return get_chat_model("gpt-4o-mini").invoke(text).content
    agent = build_agent()
    result = agent.invoke({"messages": [HumanMessage(text)]})
    return result["messages"][-1].content
