"""The dashboard's "accepting new clients" switch saves on change and says what clients see while it is off."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from tests.factories import make_therapist_user

pytestmark = pytest.mark.django_db


def test_it_says_what_clients_see_while_accepting_is_off(client: Browser) -> None:
    robin = make_therapist_user("robin")
    client.force_login(robin.user)

    html = client.get(reverse("profiles:dashboard")).content.decode()

    assert (
        "While this is off, you don't appear in anyone's matches; your profile page stays up and says "
        "you're not taking new clients, and nobody can send you a consultation request from it."
    ) in " ".join(html.split())


def test_it_saves_on_change_with_the_script_and_keeps_a_save_button_without_it(client: Browser) -> None:
    robin = make_therapist_user("robin")
    client.force_login(robin.user)

    html = client.get(reverse("profiles:dashboard")).content.decode()
    form = html.split(f'action="{reverse("profiles:set_accepting", args=[robin.pk])}"', 1)[1].split("</form>", 1)[0]

    assert "data-save-on-change" in form
    assert '<button type="submit" class="btn btn-outline-primary btn-sm">Save</button>' in form
    assert '<script src="/static/js/accepting.js" defer></script>' in html
