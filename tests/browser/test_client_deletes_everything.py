"""A client deletes everything behind their link, after a confirmation; the link then leads nowhere."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.alliance.models import CheckIn, ConsultationRequest
from questionnaire.models import Client, SetAside, ShortlistEntry
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_confirms_deletes_everything_and_the_link_stops_working(page):
    dana = factories.make_therapist(name="Dana Exact", license_number="A")
    blake = factories.make_therapist(name="Blake Near", license_number="B")
    owner, token = factories.make_client(directness_point=6, directness_importance=3)
    owner.shortlist.create(therapist=dana)
    owner.set_aside.create(therapist=blake)
    factories.make_consultation_request(dana, client=owner)
    factories.make_check_in(dana, client=owner)
    results = reverse("questionnaire:results", args=[token])

    page.goto(results)
    page.get_by_role("link", name="Delete everything").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete everything?")
    assert_accessible(page)

    # Changing one's mind keeps everything.
    page.get_by_role("link", name="No, keep it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your matches")
    assert Client.objects.filter(pk=owner.pk).exists()

    page.get_by_role("link", name="Delete everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Everything is deleted")
    assert token not in page.url
    assert_accessible(page)
    for model in (Client, ShortlistEntry, SetAside, CheckIn):
        assert model.objects.count() == 0, model
    # The therapist keeps the request, emptied of everything the client wrote.
    (kept,) = ConsultationRequest.objects.all()
    assert (kept.client_id, kept.name, kept.contact, kept.message) == (None, "", "", "")

    response = page.goto(results)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
    assert_accessible(page)
