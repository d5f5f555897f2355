"""A new therapist signs up, fills every step of the profile editor, previews it and submits it for verification."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from matchmaker.dimensions import DIMENSIONS
from profiles.models import Therapist
from tests import factories
from tests.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "Robin.Lee@Example.com"
PASSWORD = "a quiet lake at dawn 42"
BIO = "I work with adults facing anxiety and big changes, at a pace that suits them."
# Dimension -> the point chosen, and a sentence in the therapist's own words for the first one.
POINTS = {d.key: (index % 7) + 1 for index, d in enumerate(DIMENSIONS)}
NOTE = "I say what I notice, kindly, and check how it lands."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def step_path(therapist, step):
    return reverse("profiles:edit_step", args=[therapist.pk, step])


def test_it_signs_up_fills_every_step_previews_and_submits(page):
    page.goto(reverse("login"))
    assert_accessible(page)
    page.get_by_role("link", name="Create an account").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:sign_up")) + "$"))
    assert_accessible(page)
    page.get_by_label("Your name").fill("Dr. Robin Lee")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)  # the asterisk marks a required field
    page.get_by_label("The same password again").fill(PASSWORD + " typo")
    page.get_by_role("button", name="Create account").click()

    # A typo in the second password is pointed out next to it; the name and address are kept.
    expect(page.get_by_text("The two password fields didn’t match.")).to_be_visible()
    expect(page.get_by_label("Email address")).to_have_value(EMAIL)
    assert_accessible(page)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # The address is confirmed by email before the account opens.
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email to continue")
    assert_accessible(page)
    link = re.search(r"http://[^/]+(/therapist/sign-up/confirm/\S+/)", mail.outbox[-1].body)
    assert link is not None
    page.goto(link.group(1))

    therapist = Therapist.objects.get(user__username=EMAIL.lower())
    assert therapist.status == Therapist.Status.DRAFT

    # Step 1: about you and your license.
    expect(page).to_have_url(re.compile(re.escape(step_path(therapist, "about")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("About you and your license")
    assert_accessible(page)
    page.get_by_label("Pronouns (optional)").fill("she/her")
    page.get_by_label("Credentials").fill("PhD")
    page.get_by_label("A short bio").fill(BIO)
    page.get_by_label("Photo (optional)").set_input_files(
        files=[{"name": "me.png", "mimeType": "image/png", "buffer": factories.image_bytes("PNG", (40, 40))}]
    )
    page.get_by_label("License number").fill("PSY-12345")
    page.get_by_role("checkbox", name="California").check()
    page.get_by_role("checkbox", name="Nevada").check()
    page.get_by_role("button", name="Save and continue").click()

    # Step 2: practice details.
    expect(page).to_have_url(re.compile(re.escape(step_path(therapist, "practice")) + "$"))
    expect(page.get_by_role("status")).to_have_text("Your profile is saved.")
    assert_accessible(page)
    page.get_by_label("I see clients in person").check()
    page.get_by_label("ZIP code of your office").fill("94612")
    page.get_by_role("checkbox", name="Spanish").check()
    page.get_by_label("Fee per session (USD)").fill("110")
    page.get_by_label("I offer a sliding scale").check()
    page.get_by_role("checkbox", name="Aetna").check()
    page.get_by_role("checkbox", name="Grief and loss").check()
    page.get_by_role("checkbox", name="Cognitive behavioural therapy (CBT)").check()
    page.get_by_role("button", name="Save and continue").click()

    # Step 3: how you work.
    expect(page).to_have_url(re.compile(re.escape(step_path(therapist, "style")) + "$"))
    assert_accessible(page)
    for dimension in DIMENSIONS:
        group = page.get_by_role("group", name=dimension.title, exact=True)
        group.locator("label").filter(has_text=re.compile(rf"^\s*{POINTS[dimension.key]}\s*$")).click()
    first = page.get_by_role("group", name=DIMENSIONS[0].title, exact=True)
    first.get_by_label("In my own words (optional)").fill(NOTE)
    page.get_by_role("button", name="Save and preview").click()

    # Step 4: the preview, as a client sees it.
    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:preview", args=[therapist.pk])) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dr. Robin Lee")
    expect(page.get_by_text(BIO)).to_be_visible()
    assert_accessible(page)

    # Back to the first step, which now shows the saved photo, and on to the preview again.
    steps = page.get_by_role("navigation", name="Profile steps")
    steps.get_by_role("link", name="1. About you and your license").click()
    expect(page.get_by_label("License number")).to_have_value("PSY-12345")
    expect(page.get_by_role("img", name="Your current photo")).to_be_visible()
    assert_accessible(page)
    steps.get_by_role("link", name="4. Preview and submit").click()
    page.get_by_role("button", name="Submit for verification").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("profiles:dashboard")) + "$"))
    expect(page.get_by_role("status")).to_contain_text("Your profile is with our team for verification.")
    expect(page.get_by_text("waiting for verification")).to_be_visible()
    assert_accessible(page)

    therapist.refresh_from_db()
    assert therapist.status == Therapist.Status.PENDING
    assert therapist.submitted_at is not None
    assert (therapist.name, therapist.pronouns, therapist.credentials, therapist.bio) == (
        "Dr. Robin Lee",
        "she/her",
        "PhD",
        BIO,
    )
    assert therapist.license_number == "PSY-12345"
    assert sorted(therapist.licensed_states.values_list("pk", flat=True)) == ["CA", "NV"]
    assert therapist.photo.name.startswith("therapists/")
    assert (
        therapist.offers_in_person,
        therapist.office_zip,
        therapist.city,
        therapist.fee,
        therapist.sliding_scale,
    ) == (
        True,
        "94612",
        "Oakland",
        110,
        True,
    )
    assert sorted(therapist.languages.values_list("pk", flat=True)) == ["es"]
    assert list(therapist.insurance_plans.values_list("pk", flat=True)) == ["aetna"]
    assert list(therapist.concerns.values_list("pk", flat=True)) == ["grief"]
    assert list(therapist.modalities.values_list("pk", flat=True)) == ["cbt"]
    assert therapist.style() == POINTS
    assert getattr(therapist, DIMENSIONS[0].note_field) == NOTE
