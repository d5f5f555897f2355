"""Every page has an "Exit this page" button that leaves at once for a neutral site, and Back does not return."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL = "https://www.google.com/search?q=weather"
STUB = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather stub</h1></html>"


@pytest.fixture
def tab(browser, live_server):
    """A tab on the live server where the neutral site is a local stub; any other host is refused and reported."""

    def tab_for(**context_options):
        context = browser.new_context(base_url=live_server.url, **context_options)
        contexts.append(context)

        def route(route):
            url = route.request.url
            if url.startswith(live_server.url) or url.startswith(("data:", "about:")):
                route.continue_()
            elif url.startswith("https://www.google.com/"):
                neutral.append(route.request)
                route.fulfill(status=200, content_type="text/html", body=STUB)
            else:
                elsewhere.append(url)
                route.abort()

        context.route("**/*", route)
        return context.new_page()

    contexts, neutral, elsewhere = [], [], []
    tab_for.neutral = neutral
    yield tab_for
    for context in contexts:
        context.close()
    assert not elsewhere, f"A page asked another host for {elsewhere}"


def exit_button(page):
    return page.get_by_role("link", name=re.compile("^Exit this page"))


def test_pressing_shift_three_times_leaves_and_back_does_not_return(tab):
    page = tab()
    _, token = factories.make_client()
    page.goto(reverse("home"))
    page.goto(reverse("questionnaire:results", args=[token]))
    assert not tab.neutral, "nothing is asked of the neutral site before leaving"

    # Twice is not enough, and slow presses do not add up.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(1200)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    expect(exit_button(page)).to_be_visible()
    assert not tab.neutral

    for _ in range(3):
        page.keyboard.press("Shift")

    expect(page.get_by_role("heading", name="Weather stub")).to_be_visible()
    assert page.url == NEUTRAL
    assert "referer" not in tab.neutral[0].headers
    page.evaluate("history.back()")
    expect(page).to_have_url(re.compile(re.escape(reverse("home")) + "$"))


def test_clicking_the_button_leaves_and_back_does_not_return(tab):
    page = tab()
    page.goto(reverse("home"))
    page.goto(reverse("questionnaire:start"))

    exit_button(page).click()

    expect(page.get_by_role("heading", name="Weather stub")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(reverse("home")) + "$"))


def test_it_is_the_first_thing_after_the_skip_link_and_works_from_the_keyboard(tab):
    page = tab(viewport={"width": 360, "height": 740})
    page.goto(reverse("home"))

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(exit_button(page)).to_be_focused()
    expect(exit_button(page)).to_be_in_viewport()
    box = exit_button(page).bounding_box()
    assert box["x"] + box["width"] <= 360 and box["height"] >= 40
    assert_accessible(page)

    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Weather stub")).to_be_visible()


def test_without_javascript_it_is_a_plain_link_that_sends_no_referrer(tab):
    page = tab(java_script_enabled=False)
    _, token = factories.make_client()
    page.goto(reverse("questionnaire:shortlist", args=[token]))

    button = exit_button(page)
    expect(button).to_have_attribute("href", NEUTRAL)
    expect(button).to_have_attribute("rel", "noreferrer")
    button.click()

    expect(page.get_by_role("heading", name="Weather stub")).to_be_visible()
    assert "referer" not in tab.neutral[0].headers
