"""The public profile page shows an unpublished therapist only to staff who may view therapists, under a
banner saying so; to everyone else, the therapist themself included, it is the same 404 as a missing id.

The ladder: anonymous -> another therapist -> the owner -> staff without the permission -> staff with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import AbstractUser
from django.test import Client as Browser
from django.urls import reverse

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

BANNER = "Preview for our team: this profile is pending verification and clients cannot see it yet."
BANNERS = {
    Therapist.Status.PENDING: BANNER,
    Therapist.Status.DRAFT: (
        "Preview for our team: this profile is a draft the therapist has not sent for verification, "
        "and clients cannot see it."
    ),
    Therapist.Status.REJECTED: "Preview for our team: this profile is rejected and clients cannot see it.",
}
UNKNOWN = 987654


def text(response: object) -> str:
    """The page's words and markup, with the form token (different on every page) left out."""
    html = response.content.decode()  # type: ignore[attr-defined]
    return " ".join(re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html).split())


def page(pk: int) -> str:
    return reverse("questionnaire:therapist", args=[pk])


def anonymous(owner: Therapist) -> AbstractUser | None:
    return None


def another_therapist(owner: Therapist) -> AbstractUser | None:
    return factories.make_therapist_user("sam").user


def the_owner(owner: Therapist) -> AbstractUser | None:
    return owner.user


def staff_without_the_permission(owner: Therapist) -> AbstractUser | None:
    return factories.make_staff_with(username="helper")


def staff_with_another_permission(owner: Therapist) -> AbstractUser | None:
    user = factories.make_staff_with("view_client", username="helper")
    assert user.has_perm("questionnaire.view_client")
    return user


def not_staff_with_the_permission(owner: Therapist) -> AbstractUser | None:
    user = factories.make_staff_with("view_therapist", username="former")
    user.is_staff = False
    user.save()
    return user


def browser_for(user: AbstractUser | None) -> Browser:
    browser = Browser()
    if user is not None:
        browser.force_login(user)
    return browser


@pytest.fixture
def robin() -> Therapist:
    return factories.make_therapist_user(
        "robin", name="Robin Pending", status=Therapist.Status.PENDING, bio="I work with grief and loss."
    )


@pytest.mark.parametrize(
    "who",
    [
        anonymous,
        another_therapist,
        the_owner,
        staff_without_the_permission,
        staff_with_another_permission,
        not_staff_with_the_permission,
    ],
)
def test_it_is_not_found_for_anyone_but_staff_who_may_view_therapists(
    robin: Therapist, who: Callable[[Therapist], AbstractUser | None]
) -> None:
    browser = browser_for(who(robin))

    response = browser.get(page(robin.pk))
    missing = browser.get(page(UNKNOWN))

    assert response.status_code == 404
    assert "Robin Pending" not in text(response)
    assert "I work with grief and loss." not in text(response)
    # Nothing tells an unpublished profile apart from an id that does not exist.
    assert text(response) == text(missing)


@pytest.mark.parametrize(
    "user",
    [
        pytest.param(lambda: factories.make_staff_with("view_therapist"), id="staff who may view therapists"),
        pytest.param(lambda: factories.make_staff_with("change_therapist"), id="staff who may change them"),
        pytest.param(lambda: factories.make_staff("curator"), id="a superuser"),
    ],
)
def test_staff_who_may_view_therapists_see_it_with_the_banner(
    robin: Therapist, user: Callable[[], AbstractUser]
) -> None:
    response = browser_for(user()).get(page(robin.pk))

    assert response.status_code == 200
    assert [template.name for template in response.templates][0] == "questionnaire/therapist.html"
    html = text(response)
    assert BANNER in html
    assert html.index(BANNER) < html.index("<h1")
    assert "Robin Pending" in html and "I work with grief and loss." in html


@pytest.mark.parametrize("status", [Therapist.Status.DRAFT, Therapist.Status.REJECTED])
def test_the_banner_says_what_stands_in_the_way_of_other_unpublished_profiles(status: str) -> None:
    therapist = factories.make_therapist(name="Sam Unpublished", status=status)
    viewer = browser_for(factories.make_staff_with("view_therapist"))

    response = viewer.get(page(therapist.pk))

    assert response.status_code == 200
    assert BANNERS[status] in text(response)
    assert Browser().get(page(therapist.pk)).status_code == 404


def test_a_published_profile_has_no_banner_for_staff(robin: Therapist) -> None:
    published = factories.make_therapist(name="Pat Published")
    viewer = browser_for(factories.make_staff_with("view_therapist"))

    response = viewer.get(page(published.pk))

    assert response.status_code == 200
    assert "Preview for our team" not in text(response)
    assert viewer.get(page(UNKNOWN)).status_code == 404
