"""Keep clients' private links out of every log line."""

from __future__ import annotations

import logging
import re

# Private links look like /c/<token>/...; the token is the only secret a client has.
PRIVATE_LINK = re.compile(r"(/c/)[A-Za-z0-9_-]{16,}")


def redact(text: str) -> str:
    return PRIVATE_LINK.sub(r"\1[private]", text)


class RedactPrivateLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        # Django's request loggers also attach the request; its path holds the token.
        if hasattr(record, "request"):
            record.request = None
        return True
