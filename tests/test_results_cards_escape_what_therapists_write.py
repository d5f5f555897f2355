"""The results cards are rendered by Jinja2 (matchmaker/jinja2.py): what a therapist writes about themselves is
escaped there as on every Django template, and a name the template does not know raises instead of printing
nothing."""

from __future__ import annotations

import jinja2
import pytest
from django.template import engines
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_client, make_therapist

pytestmark = pytest.mark.django_db


def test_a_therapists_own_words_are_escaped_on_the_card(client: Browser) -> None:
    make_therapist(
        name='<img src=x onerror="alert(1)">',
        credentials='"><script>alert(2)</script>',
        pronouns="they & them <b>",
        offers_in_person=True,
        office_zip="90012",
        city="<i>Los Angeles</i>",
    )
    _, token = make_client(state="CA")

    html = client.get(reverse("questionnaire:results", args=[token])).content.decode()

    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "they &amp; them &lt;b&gt;" in html
    assert "in person in &lt;i&gt;Los Angeles&lt;/i&gt;" in html
    for raw in ("<img src=x", "<script>alert", "<b>", "<i>Los"):
        assert raw not in html


def test_the_cards_template_fails_loudly_on_a_name_it_is_not_given() -> None:
    template = engines["jinja2"].get_template("questionnaire/match_cards.html")

    assert template.render({"cards": [], "refine_after": 0}).strip() == ""  # refine_url is only read after a card
    with pytest.raises(jinja2.UndefinedError):
        template.render({"cards": [object()], "refine_url": "refine/", "refine_after": 1})
