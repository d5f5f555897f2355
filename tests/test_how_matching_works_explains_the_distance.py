"""The "How matching works" page says how the distance to an in-person office is measured."""

from __future__ import annotations

from django.test import Client as Browser
from django.urls import reverse


def test_it_says_distances_are_straight_lines_between_zip_codes_and_online_stays_with_either(client: Browser) -> None:
    html = " ".join(client.get(reverse("how_matching_works")).content.decode().split())

    assert "only offices within the distance you chose of your ZIP code" in html
    assert "in a straight line between the middles of the two ZIP code areas" in html
    assert "therapists who see clients online are shown wherever their office is" in html
