"""The "How matching works" page explains a therapist's range with a worked example."""

from __future__ import annotations

import pytest
from django.test import Client as Browser

pytestmark = pytest.mark.django_db


def test_it_works_through_a_therapist_who_answers_with_ranges(client: Browser) -> None:
    html = client.get("/how-matching-works/").content.decode()

    assert "When it depends on the client" in html
    # You chose 6 on directness (weight 3) against 3 to 5: one step; 2 on old patterns (weight 1) inside 1 to 3: none.
    assert "3 to 5; you chose 6, so the distance is 1, weighted 3 × 1." in html
    assert "1 to 3; you chose 2, so the distance is 0, weighted 1 × 0." in html
    # 100 × (1 − 3 ÷ 24) = 87.5
    assert "Fit = <strong>88</strong>." in html
    assert "depending on the client" in html
