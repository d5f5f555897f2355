"""The first step asks for consent to keep the answers, and nothing at all is stored until it is given."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from questionnaire.models import Client
from tests.factories import questionnaire_step_post

pytestmark = pytest.mark.django_db

CONSENT_LABEL = "Keep my answers so I can come back to them."
CONSENT_MISSING = "Please tick this box so we can keep your answers. Until you do, we save nothing."


def test_it_asks_with_an_unticked_required_box(client: Browser) -> None:
    html = client.get(reverse("questionnaire:start")).content.decode()

    assert CONSENT_LABEL in html
    box = html[html.index('name="keep_answers"') - 200 : html.index('name="keep_answers"') + 200]
    assert 'type="checkbox"' in box
    assert "checked" not in box


def test_it_saves_nothing_without_the_tick_and_says_why_next_to_the_box(client: Browser) -> None:
    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, state="OH", keep_answers=None))

    assert response.status_code == 400
    assert Client.objects.count() == 0
    html = response.content.decode()
    assert CONSENT_MISSING in html
    box = html[html.index('name="keep_answers"') : html.index("</label>", html.index('name="keep_answers"'))]
    assert 'aria-invalid="true"' in box
    assert "id_keep_answers_error" in box  # the message is tied to the box for screen readers
    error = html[html.index('id="id_keep_answers_error"') :]
    assert error.index(CONSENT_MISSING) < error.index("</div>")
    assert '<option value="OH" selected>' in html  # what was typed is kept


def test_it_keeps_the_answers_with_the_time_of_consent_once_ticked(client: Browser) -> None:
    before = timezone.now()

    response = client.post(reverse("questionnaire:start"), questionnaire_step_post(1, state="OH"))

    assert response.status_code == 302
    saved = Client.objects.get()
    assert saved.state == "OH"
    assert saved.consented_at is not None
    assert before <= saved.consented_at <= timezone.now()
    # Once given, it is not asked again, not even on the first step under the private link.
    token = response["Location"].split("/")[2]
    html = client.get(reverse("questionnaire:step", args=[token, 1])).content.decode()
    assert 'name="keep_answers"' not in html
