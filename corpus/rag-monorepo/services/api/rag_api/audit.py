"""Request auditing: every audited handler has its input screened first."""
import functools
import logging

from fastapi import HTTPException
from openai import OpenAI

log = logging.getLogger("audit")
_moderation = OpenAI()


def audited(fn):
    @functools.wraps(fn)
    def wrapper(body, *args, **kwargs):
        result = _moderation.moderations.create(model="omni-moderation-latest", input=body.question)
        if result.results[0].flagged:
            log.warning("blocked request to %s", fn.__name__)
            raise HTTPException(status_code=400, detail="request rejected by moderation")
        return fn(body, *args, **kwargs)

    return wrapper
