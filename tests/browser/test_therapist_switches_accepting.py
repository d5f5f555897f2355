"""A therapist switches "accepting new clients": it saves on change with JavaScript, and with Save without."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from profiles.models import Therapist
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(tab, username):
    tab.goto(reverse("login"))
    tab.get_by_label("Email address").fill(username)
    tab.get_by_label("Password").fill(factories.PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    expect(tab).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))


def accepting(therapist):
    return Therapist.objects.get(pk=therapist.pk).accepting_new_clients


def test_it_saves_the_switch_as_soon_as_it_changes(page):
    robin = factories.make_therapist_user("robin", name="Robin Demo")
    log_in(page, "robin")
    switch = page.get_by_role("switch", name="I am accepting new clients")
    expect(switch).to_be_checked()
    assert_accessible(page)

    switch.uncheck()

    expect(page.get_by_role("status")).to_be_visible()
    expect(page.get_by_role("switch", name="I am accepting new clients")).not_to_be_checked()
    assert accepting(robin) is False
    assert_accessible(page)


def test_it_saves_the_switch_with_the_button_without_javascript(page_without_js):
    robin = factories.make_therapist_user("robin", name="Robin Demo")
    log_in(page_without_js, "robin")
    switch = page_without_js.get_by_role("switch", name="I am accepting new clients")

    switch.uncheck()
    assert accepting(robin) is True  # nothing is sent until the button is pressed

    switch.locator("xpath=ancestor::form").get_by_role("button", name="Save").click()

    expect(page_without_js.get_by_role("switch", name="I am accepting new clients")).not_to_be_checked()
    assert accepting(robin) is False
