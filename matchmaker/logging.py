"""Keep clients' private links out of every log line, tracebacks included."""

from __future__ import annotations

import logging
import re

# Private links look like /c/<token>/...; the token is the only secret a client has. A resolver's
# message quotes the path without its leading slash ('c/<token>/'), so any "c/" that starts a word.
PRIVATE_LINK = re.compile(r"(\bc/)[A-Za-z0-9_-]{16,}")

_PLAIN = logging.Formatter()


def redact(text: str) -> str:
    return PRIVATE_LINK.sub(r"\1[private]", text)


class RedactPrivateLinks(logging.Filter):
    """Redacts the message, the exception's traceback and the stack, and drops the attached request.

    The traceback is formatted here once and cached on the record (as logging itself does), so every
    handler that formats the record afterwards writes the redacted text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = _PLAIN.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        # Django's request loggers also attach the request; its path holds the token.
        if hasattr(record, "request"):
            record.request = None
        return True


class RedactingFormatter(logging.Formatter):
    """A formatter whose whole output is redacted, whatever the format or the record carries."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))

    def formatException(self, ei: logging._SysExcInfoType) -> str:  # noqa: N802 (logging's name)
        return redact(super().formatException(ei))
