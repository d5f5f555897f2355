"""Transactional tests start with the vocabulary loaded, even after an earlier one flushed the database."""

from __future__ import annotations

import pytest

from matchmaker import vocabulary
from profiles.models import VOCABULARY, Concern, Language, State


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", ["first", "after a flush"])
def test_a_transactional_test_finds_every_term(run: str) -> None:
    for model, choices in VOCABULARY.items():
        assert set(model.objects.values_list("code", "name")) == set(choices), model.__name__
    assert State.objects.filter(code="CA").exists()
    assert Language.objects.count() == len(vocabulary.LANGUAGES)
    assert Concern.objects.count() == len(vocabulary.CONCERNS)


def test_a_test_asking_for_transactional_db_finds_every_term(transactional_db: None) -> None:
    for model, choices in VOCABULARY.items():
        assert model.objects.count() == len(choices), model.__name__
