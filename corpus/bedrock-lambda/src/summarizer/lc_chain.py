from langchain_aws import ChatBedrock
from langchain_core.prompts import ChatPromptTemplate

PROMPT = ChatPromptTemplate.from_messages(
    [("system", "You write terse release notes."), ("human", "{changes}")]
)

llm = ChatBedrock(
    model_id="anthropic.claude-3-5-sonnet-20240620-v1:0",
    model_kwargs={"temperature": 0.0, "max_tokens": 800},
)

release_notes_chain = PROMPT | llm
