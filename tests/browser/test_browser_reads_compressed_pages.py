"""A real browser gets the home page and a client's results page gzipped and shows them whole; the results
page's relative links lead to the client's own pages, and their shortlist page (which spells out the link) is plain."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from questionnaire.models import Client
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_gzipped_pages_whose_relative_links_work(page):
    factories.make_therapist(name="Avery Quinn")
    _, token = factories.make_client()

    home = page.goto("/")

    assert home is not None and home.headers.get("content-encoding") == "gzip"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("988")  # the footer: the page arrived whole

    results = page.goto(Client.url_for(token))

    assert results is not None and results.status == 200
    assert results.headers.get("content-encoding") == "gzip"
    expect(page.get_by_text("Avery Quinn").first).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("988")

    with page.expect_response(lambda answer: "/shortlist/" in answer.url) as shortlist:
        page.get_by_role("link", name="Your shortlist").click()
    assert shortlist.value.url.endswith(f"/c/{token}/shortlist/")
    assert shortlist.value.status == 200
    assert "content-encoding" not in shortlist.value.headers
    expect(page.get_by_role("heading", level=1)).to_contain_text("shortlist")
