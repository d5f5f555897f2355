"""The report of what the needs removed does not borrow "set aside", which is the client's own action."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def test_it_heads_the_filter_report_with_words_of_its_own(client: Browser) -> None:
    make_therapist(name="Dana Ohio", states=("OH",))
    _owner, token = make_client(state="CA")

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()
    report = html.split('id="filters-heading"', 1)[1].split("</section>", 1)[0]

    assert ">What your needs ruled out</h2>" in report
    assert "1 therapist is not licensed in California" in report
    assert "What your needs set aside" not in html
