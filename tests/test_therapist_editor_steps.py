"""The profile editor saves each step on its own, and refuses bad or tampered input without changing a row."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSIONS, SCALE_MAX, SCALE_MIN
from profiles.models import Therapist
from tests.factories import about_step_post, make_therapist_user, practice_step_post, style_step_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client: Browser) -> Therapist:
    therapist = make_therapist_user("robin", name="Robin Demo", status=Therapist.Status.DRAFT, fee=120)
    client.force_login(therapist.user)
    return therapist


def step_url(therapist: Therapist, step: str) -> str:
    return reverse("profiles:edit_step", args=[therapist.pk, step])


def saved(therapist: Therapist) -> dict[str, Any]:
    fresh = Therapist.objects.get(pk=therapist.pk)
    return {
        "row": Therapist.objects.values().get(pk=therapist.pk),
        **{
            relation: sorted(getattr(fresh, relation).values_list("pk", flat=True))
            for relation in ("licensed_states", "languages", "insurance_plans", "concerns", "modalities")
        },
    }


def test_the_editor_starts_at_the_first_step(client: Browser, owner: Therapist) -> None:
    response = client.get(reverse("profiles:edit", args=[owner.pk]))
    assert response.status_code == 302
    assert response["Location"] == step_url(owner, "about")


def test_the_about_step_saves_and_leads_to_practice_details(client: Browser, owner: Therapist) -> None:
    data = about_step_post(
        owner,
        name="Dr. Robin Demo",
        pronouns="she/her",
        credentials="PhD",
        bio="I work with adults facing anxiety.",
        license_number="PSY-12345",
        licensed_states=["NY", "NJ"],
        gender="woman",
        faith="jewish",
        birth_year="1980",
        lgbtq_affirming="on",
    )

    response = client.post(step_url(owner, "about"), data)

    assert response.status_code == 302
    assert response["Location"] == step_url(owner, "practice")
    owner.refresh_from_db()
    assert (owner.name, owner.pronouns, owner.credentials, owner.bio) == (
        "Dr. Robin Demo",
        "she/her",
        "PhD",
        "I work with adults facing anxiety.",
    )
    assert (owner.license_number, owner.gender, owner.faith, owner.birth_year) == ("PSY-12345", "woman", "jewish", 1980)
    assert owner.lgbtq_affirming
    assert sorted(owner.licensed_states.values_list("pk", flat=True)) == ["NJ", "NY"]
    assert owner.status == Therapist.Status.DRAFT


def test_the_practice_step_saves_and_leads_to_the_style_step(client: Browser, owner: Therapist) -> None:
    data = practice_step_post(
        owner,
        offers_in_person="on",
        office_zip="94612",
        fee="95",
        sliding_scale="on",
        languages=["en", "es"],
        insurance_plans=["aetna"],
        concerns=["grief", "trauma"],
        modalities=["cbt", "psychodynamic"],
    )

    response = client.post(step_url(owner, "practice"), data)

    assert response.status_code == 302
    assert response["Location"] == step_url(owner, "style")
    after = saved(owner)
    assert after["row"]["office_zip"] == "94612"
    assert after["row"]["city"] == "Oakland"  # from the ZIP code, never typed
    assert after["row"]["fee"] == 95
    assert after["row"]["offers_in_person"] and after["row"]["sliding_scale"]
    assert after["languages"] == ["en", "es"]
    assert after["insurance_plans"] == ["aetna"]
    assert after["concerns"] == ["grief", "trauma"]
    assert after["modalities"] == ["cbt", "psychodynamic"]


def test_the_style_step_saves_points_and_notes_and_leads_to_the_preview(client: Browser, owner: Therapist) -> None:
    points = {d.key: (index % 7) + 1 for index, d in enumerate(DIMENSIONS)}
    notes = {d.note_field: f"About {d.title.lower()}, in my words." for d in DIMENSIONS[:2]}

    response = client.post(
        step_url(owner, "style"), style_step_post(owner, **{k: str(v) for k, v in points.items()}, **notes)
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:preview", args=[owner.pk])
    owner.refresh_from_db()
    assert owner.style() == points
    for dimension in DIMENSIONS:
        assert getattr(owner, dimension.note_field) == notes.get(dimension.note_field, "")


def test_the_style_step_uses_the_registrys_therapist_wording(client: Browser, owner: Therapist) -> None:
    response = client.get(step_url(owner, "style"))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("In my sessions I usually …") == len(DIMENSIONS)
    for dimension in DIMENSIONS:
        assert dimension.therapist_low in content
        assert dimension.therapist_high in content
    assert content.count("In my own words (optional)") == len(DIMENSIONS)


@pytest.mark.parametrize(
    ("step", "build", "overrides", "field", "message"),
    [
        pytest.param(
            "about", about_step_post, {"licensed_states": ["CA", "XX"]}, "licensed_states",
            "Please choose states from the list.", id="unknown state",
        ),
        pytest.param("about", about_step_post, {"name": ""}, "name", "This field is required.", id="no name"),
        pytest.param(
            "about", about_step_post, {"birth_year": "1850"}, "birth_year", "Please enter a year between", id="old year"
        ),
        pytest.param("about", about_step_post, {"gender": "robot"}, "gender", "Select a valid choice", id="gender"),
        pytest.param("practice", practice_step_post, {"fee": "-5"}, "fee", "greater than or equal to 0", id="fee<0"),
        pytest.param("practice", practice_step_post, {"fee": "5000"}, "fee", "at most $1000", id="fee too high"),
        pytest.param(
            "practice", practice_step_post, {"offers_online": "", "offers_in_person": ""}, "offers_online",
            "Choose at least one way to see clients", id="no way to meet",
        ),
        pytest.param(
            "practice", practice_step_post, {"offers_in_person": "on", "office_zip": ""}, "office_zip",
            "Tell clients where your office is: its ZIP code.", id="office without a ZIP code",
        ),
        pytest.param(
            "practice", practice_step_post, {"languages": ["en", "klingon"]}, "languages",
            "Please choose only from the list.", id="unknown language",
        ),
        pytest.param(
            "style", style_step_post, {"directness": str(SCALE_MAX + 1)}, "directness",
            f"Please choose a point from {SCALE_MIN} to {SCALE_MAX}.", id="point above the scale",
        ),
        pytest.param(
            "style", style_step_post, {"directness": str(SCALE_MIN - 1)}, "directness",
            f"Please choose a point from {SCALE_MIN} to {SCALE_MAX}.", id="point below the scale",
        ),
        pytest.param(
            "style", style_step_post, {"approach": "very"}, "approach", "Please choose a point", id="not a number"
        ),
        pytest.param(
            "style", style_step_post, {"intensity": ""}, "intensity",
            "Please choose where you stand on this scale.", id="missing point",
        ),
        pytest.param(
            "style", style_step_post, {"directness_note": "x" * 241}, "directness_note", "at most 240", id="long note"
        ),
    ],
)  # fmt: skip
def test_bad_input_gets_a_message_next_to_the_field_and_changes_nothing(
    client: Browser,
    owner: Therapist,
    step: str,
    build: Any,
    overrides: dict[str, Any],
    field: str,
    message: str,
) -> None:
    # Something valid changes alongside, to prove nothing at all is saved.
    valid_change = {"about": {"bio": "A new bio."}, "practice": {"fee": "101"}, "style": {"structure": "6"}}[step]
    before = saved(owner)

    response = client.post(step_url(owner, step), build(owner, **{**valid_change, **overrides}))

    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    assert b"Some details need another look" in response.content
    assert saved(owner) == before


def test_a_refused_step_keeps_what_was_typed(client: Browser, owner: Therapist) -> None:
    response = client.post(
        step_url(owner, "about"), about_step_post(owner, bio="Words I do not want to type twice.", birth_year="1850")
    )
    assert response.status_code == 400
    assert b"Words I do not want to type twice." in response.content


def test_an_empty_post_changes_nothing(client: Browser, owner: Therapist) -> None:
    before = saved(owner)
    response = client.post(step_url(owner, "style"), {})
    assert response.status_code == 400
    assert saved(owner) == before
