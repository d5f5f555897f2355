"""After "Delete everything", the browser's Back button brings none of the client's answers back:
no page of theirs was kept in the browser's cache."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FEE = "137"


@pytest.fixture
def caching_page(browser, live_server):
    """A tab that caches as a person's browser does: Playwright's usual tab has the back-forward cache
    switched off, and routing requests (as the guarded tab does) switches the HTTP cache off too."""
    caching = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    context = caching.new_context(base_url=live_server.url)
    page = context.new_page()
    elsewhere = []
    page.on("request", lambda r: None if r.url.startswith((live_server.url, "data:")) else elsewhere.append(r.url))
    yield page
    caching.close()
    assert not elsewhere, f"A page asked another host for {elsewhere}"


def test_going_back_after_deleting_everything_shows_nothing_of_the_client(caching_page):
    page = caching_page
    factories.make_therapist(name="Dana Exact", states=("OH",))
    page.goto(reverse("questionnaire:start"))
    page.get_by_label("State you live in").select_option("OH")
    page.get_by_role("radio", name="Online").check()
    page.get_by_role("checkbox", name=re.compile("^Keep my answers")).check()
    page.get_by_role("button", name=re.compile(r"^Continue")).click()
    page.get_by_label("Most you can pay per session (USD)").fill(FEE)
    page.get_by_role("button", name=re.compile(r"^Continue")).click()
    token = re.search(r"/c/([\w-]+)/questions/3/$", page.url).group(1)

    page.goto(reverse("questionnaire:delete_everything", args=[token]))
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Everything is deleted")

    for _ in range(3):  # the confirmation, then step 3, then step 2 with the fee typed
        page.go_back(wait_until="commit")  # a page restored from the back-forward cache fires no load event
        expect(page.get_by_role("heading", level=1)).to_have_text("We could not find that page")
        assert token in page.url
        assert FEE not in page.content()
        for field in page.locator("input").all():
            assert field.input_value() != FEE
