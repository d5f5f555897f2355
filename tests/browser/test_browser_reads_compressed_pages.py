"""A real browser gets the home page gzipped and shows it whole, and gets a client's results page uncompressed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from questionnaire.models import Client
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_the_gzipped_home_page_and_an_uncompressed_results_page(page):
    factories.make_therapist(name="Avery Quinn")
    _, token = factories.make_client()

    home = page.goto("/")

    assert home is not None and home.headers.get("content-encoding") == "gzip"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("988")  # the footer: the page arrived whole

    results = page.goto(Client.url_for(token))

    assert results is not None and results.status == 200
    assert "content-encoding" not in results.headers
    expect(page.get_by_text("Avery Quinn").first).to_be_visible()
