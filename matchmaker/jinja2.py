"""The environment for the few templates Jinja2 renders (templates/jinja2/): the results cards.

Django's own templates render everything else. The cards are the exception because twenty of them are
most of what a first visit to a results page costs, and Jinja2, which compiles a template to Python,
renders them several times faster (README, Performance). Undefined names raise, as a typo should.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, StrictUndefined


def environment(**options: Any) -> Environment:
    options["undefined"] = StrictUndefined
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on
    return env
