"""The ranking uses the therapist's own answers: how clients experience them never moves a score."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.alliance.models import ExperiencedStyle
from matchmaker.matching.find import find_matches
from tests.factories import make_client, make_counted_check_ins, make_therapist


@pytest.mark.django_db
def test_a_published_experienced_position_far_from_the_own_answer_changes_no_fit(client: Browser) -> None:
    dana = make_therapist(name="Dana Exact", structure=2)
    owner, token = make_client(structure_point=2, structure_importance=3)
    before = [(match.therapist.pk, match.fit) for match in find_matches(owner).matches]

    make_counted_check_ins(dana, [{"style_steps": {"structure": 2}, "wanted": {"structure": 5}}] * 5)

    assert ExperiencedStyle.objects.get(therapist=dana, key="structure").mean == 7.0
    assert [(match.therapist.pk, match.fit) for match in find_matches(owner).matches] == before == [(dana.pk, 100.0)]
    assert "100" in client.get(reverse("questionnaire:results", args=[token])).content.decode()
