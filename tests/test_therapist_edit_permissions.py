"""Only a therapist can edit their own profile, and what they save reaches clients' rankings."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import DIMENSION_KEYS
from profiles.models import Therapist
from tests.factories import make_client, make_therapist, make_user, style_step_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_profile() -> Therapist:
    return make_therapist(user=make_user("robin"), name="Robin Demo", directness=1, approach=4)


def edit_url(therapist: Therapist) -> str:
    """The editor's style step, where the six points are saved."""
    return reverse("profiles:edit_step", args=[therapist.pk, "style"])


def style_of(therapist: Therapist) -> dict[str, int]:
    return Therapist.objects.get(pk=therapist.pk).style()


def test_an_anonymous_visitor_is_sent_to_log_in(client: Browser, owner_profile: Therapist) -> None:
    for response in (client.get(edit_url(owner_profile)), client.post(edit_url(owner_profile), {"directness": "7"})):
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={edit_url(owner_profile)}"
    assert style_of(owner_profile)["directness"] == 1


def test_another_therapist_gets_not_found(client: Browser, owner_profile: Therapist) -> None:
    make_therapist(user=make_user("sam"), name="Sam Okafor")
    client.force_login(Therapist.objects.get(name="Sam Okafor").user)

    assert client.get(edit_url(owner_profile)).status_code == 404
    response = client.post(edit_url(owner_profile), style_step_post(owner_profile, directness="7"))
    assert response.status_code == 404
    assert style_of(owner_profile)["directness"] == 1


def test_a_user_without_a_profile_cannot_edit_an_unowned_one(client: Browser) -> None:
    unowned = make_therapist(name="Nobody's Profile")
    client.force_login(make_user("stranger"))
    assert client.get(edit_url(unowned)).status_code == 404


def test_the_owner_can_open_the_form(client: Browser, owner_profile: Therapist) -> None:
    client.force_login(owner_profile.user)
    response = client.get(edit_url(owner_profile))
    assert response.status_code == 200
    assert b"How you work" in response.content


def test_the_owner_saves_a_new_style(client: Browser, owner_profile: Therapist) -> None:
    client.force_login(owner_profile.user)
    new_style = {"directness": 7, "responsiveness": 2, "approach": 6, "structure": 1, "challenge": 5, "intensity": 3}

    response = client.post(
        edit_url(owner_profile),
        style_step_post(owner_profile, **{key: str(point) for key, point in new_style.items()}),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("profiles:preview", args=[owner_profile.pk])
    assert style_of(owner_profile) == new_style


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"directness": "9"}, id="directness 9"),
        pytest.param({"directness": "0"}, id="directness 0"),
        pytest.param({"directness": ""}, id="missing point"),
        pytest.param({"directness": "very"}, id="not a number"),
    ],
)
def test_an_invalid_style_is_refused_and_nothing_is_saved(
    client: Browser, owner_profile: Therapist, bad: dict[str, str]
) -> None:
    client.force_login(owner_profile.user)
    before = Therapist.objects.values().get(pk=owner_profile.pk)

    response = client.post(edit_url(owner_profile), style_step_post(owner_profile, approach="7", **bad))

    assert response.status_code == 400
    assert "directness" in response.context["form"].errors
    assert b"Some details need another look" in response.content
    assert Therapist.objects.values().get(pk=owner_profile.pk) == before


def test_a_missing_style_point_is_refused_with_a_message(client: Browser, owner_profile: Therapist) -> None:
    client.force_login(owner_profile.user)
    data = style_step_post(owner_profile, approach="7")
    del data["intensity"]

    response = client.post(edit_url(owner_profile), data)

    assert response.status_code == 400
    assert b"Please choose where you stand on this scale." in response.content
    assert style_of(owner_profile)["approach"] == 4


def test_a_changed_style_changes_a_clients_ranking(
    client: Browser, owner_profile: Therapist, django_capture_on_commit_callbacks: Any
) -> None:
    rival = make_therapist(name="Sam Okafor", directness=5)
    prefs = {f"{key}_importance": 0 for key in DIMENSION_KEYS}
    _, token = make_client(**{**prefs, "directness_point": 7, "directness_importance": 3})
    results_url = reverse("questionnaire:results", args=[token])

    def ranking() -> list[str]:
        html = client.get(results_url).content.decode()
        return sorted(["Robin Demo", "Sam Okafor"], key=html.index)

    assert ranking() == ["Sam Okafor", "Robin Demo"]  # 5 is closer to 7 than 1 is

    client.force_login(owner_profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(owner_profile), style_step_post(owner_profile, directness="7"))
    assert response.status_code == 302

    assert ranking() == ["Robin Demo", "Sam Okafor"]
    assert Therapist.objects.get(pk=rival.pk).directness == 5
