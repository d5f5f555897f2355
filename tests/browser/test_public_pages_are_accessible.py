from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("name", ["home", "how_matching_works", "privacy", "questionnaire:start", "login"])
def test_it_serves_public_pages_without_accessibility_violations(page, name):
    response = page.goto(reverse(name))
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_accessible(page)
