"""A worker loads what every page uses and freezes it before its first request (matchmaker/worker_start.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from django.template import engines

from matchmaker.worker_start import WARM_TEMPLATES, warm_and_freeze


@pytest.fixture
def unfrozen_afterwards() -> Iterator[None]:
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfrozen_afterwards")
def test_it_freezes_every_object_alive_and_leaves_later_ones_to_the_collector() -> None:
    before = ["made before the freeze"]
    frozen = warm_and_freeze()
    after = ["made after the freeze"]

    assert frozen > 10_000  # a Django app's modules, models and templates
    walked = gc.get_objects()  # what the collector still walks: every generation but the frozen one
    assert not any(item is before for item in walked)
    assert any(item is after for item in walked)
    assert gc.get_freeze_count() <= frozen  # nothing joins the frozen objects later (some may be freed)


def test_the_templates_it_warms_exist() -> None:
    for name in WARM_TEMPLATES:
        assert engines["django"].get_template(name) is not None
    assert engines["jinja2"].get_template("questionnaire/match_cards.html") is not None
