"""Each therapist in the verification queue shows a small photo, or their initials when there is none,
and a link to their profile page as a client would see it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:profiles_therapist_changelist")


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def pending(name: str, **kwargs: object) -> Therapist:
    return factories.make_therapist(name=name, status=Therapist.Status.PENDING, submitted_at=timezone.now(), **kwargs)


def row(html: str, therapist: Therapist) -> str:
    marker = f'value="{therapist.pk}"'  # the row's selection checkbox
    start = html.rindex("<tr", 0, html.index(marker))
    return html[start : html.index("</tr>", start)]


def test_it_shows_the_photo_or_else_the_initials(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    dana = pending("Dana Exact")
    dana.photo = SimpleUploadedFile("dana.png", factories.image_bytes(), content_type="image/png")
    dana.save()
    blake = pending("Dr. Blake Young")

    html = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()

    # Decorative, as on the client's pages: the name is in the next column.
    assert f'<img class="queue-photo" src="/media/{dana.photo.name}" alt="" width="40" height="40">' in row(html, dana)
    assert "queue-initials" not in row(html, dana)
    assert '<span class="queue-initials" aria-hidden="true">BY</span>' in row(html, blake)
    assert "<img" not in row(html, blake)


def test_each_row_links_to_the_profile_as_a_client_would_see_it(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    dana = pending("Dana Exact")

    html = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()

    assert (
        f'<a href="/therapists/{dana.pk}/">See the profile as a client would'
        '<span class="visually-hidden">: Dana Exact</span></a>'
    ) in row(html, dana)


def test_the_change_form_links_to_it_too(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    dana = pending("Dana Exact")

    html = client.get(reverse("admin:profiles_therapist_change", args=[dana.pk])).content.decode()

    assert f'<a href="/therapists/{dana.pk}/">See the profile as a client would' in html


def test_the_other_views_of_the_list_keep_their_columns(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    pending("Dana Exact")

    html = client.get(CHANGELIST).content.decode()

    assert "queue-initials" not in html
    assert "See the profile as a client would" not in html
    assert ">Availability confirmed</a>" in html
