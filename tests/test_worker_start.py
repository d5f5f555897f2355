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
    frozen = warm_and_freeze()

    assert frozen == gc.get_freeze_count() > 10_000  # a Django app's modules, models and templates
    later = [[index] for index in range(1_000)]  # containers, which the collector tracks
    assert len(later) == 1_000 and gc.get_freeze_count() == frozen  # made afterwards: collected as usual


def test_the_templates_it_warms_exist() -> None:
    for name in WARM_TEMPLATES:
        assert engines["django"].get_template(name) is not None
    assert engines["jinja2"].get_template("questionnaire/match_cards.html") is not None
