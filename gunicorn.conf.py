"""gunicorn's settings for Matchmaker, read from the working directory when gunicorn starts.

Clients' private links (/c/<token>/...) must not reach any log: the access log leaves out the
request line, the path, the query string and the Referer (which holds our own pages' addresses),
and gunicorn's error log goes through the same redacting filter as the app's own log.
"""

from __future__ import annotations

from typing import Any

# Time, method, status, response size, duration in milliseconds, user agent.
accesslog = "-"
access_log_format = '%(t)s "%(m)s" %(s)s %(B)s %(M)sms "%(a)s"'
errorlog = "-"

# gunicorn's own logging, each handler behind the redacting filter (anything else that logs to the
# root logger passes through it too).
_REDACTED = {"filters": ["redact_private_links"], "formatter": "generic", "class": "logging.StreamHandler"}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_private_links": {"()": "matchmaker.logging.RedactPrivateLinks"}},
    "formatters": {
        "generic": {
            "()": "matchmaker.logging.RedactingFormatter",
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        }
    },
    "handlers": {
        "console": _REDACTED | {"stream": "ext://sys.stdout"},
        "error_console": _REDACTED | {"stream": "ext://sys.stderr"},
    },
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}


def post_worker_init(worker: Any) -> None:
    """Once a worker has loaded the app: warm the busiest templates and freeze what is alive
    (matchmaker/worker_start.py says why)."""
    from matchmaker.worker_start import warm_and_freeze

    frozen = warm_and_freeze()
    worker.log.info("Worker ready: %d long-lived objects kept out of the garbage collector's way", frozen)
