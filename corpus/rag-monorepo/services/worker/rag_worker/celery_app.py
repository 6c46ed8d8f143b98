import os

from celery import Celery

app = Celery("rag_worker", broker=os.environ.get("BROKER_URL", "redis://redis:6379/0"))
app.conf.task_acks_late = True
