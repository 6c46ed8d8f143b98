import sys

from dotenv import load_dotenv
from langchain.chat_models import init_chat_model

from agent.graph import run

load_dotenv()


def grade(question: str, answer: str) -> str:
    judge = init_chat_model("openai:gpt-4o", temperature=0)
    return judge.invoke(f"Question: {question}\nAnswer: {answer}\nIs the answer correct? yes/no").content


if __name__ == "__main__":
    question = " ".join(sys.argv[1:]) or "What is 17 * 23?"
    answer = run(question)
    print(answer)
    print("judge:", grade(question, answer))
