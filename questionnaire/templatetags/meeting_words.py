"""How a client could meet a therapist, in the words of cards, profiles and the compare table."""

from __future__ import annotations

from django import template

from matchmaker import geo
from profiles.models import Therapist
from questionnaire.models import Client

register = template.Library()


def distance_words(miles: float) -> str:
    """ "7 miles away", rounded to the mile; "less than a mile away" under one."""
    if miles < 1:
        return "less than a mile away"
    rounded = round(miles)
    return f"{rounded} mile{'' if rounded == 1 else 's'} away"


def miles_from_home(client: object, office: tuple[float, float] | None) -> float | None:
    """Miles between the client's ZIP code and an office's (latitude, longitude), when both are known."""
    # Pages without a client (the public profile, the therapist's preview) pass nothing, or "".
    home = client.home() if isinstance(client, Client) else None
    if home is None or office is None:
        return None
    return geo.miles_between(home.latitude, home.longitude, *office)


def office_distance(therapist: Therapist, client: object) -> float | None:
    """Miles between the client's ZIP code and the therapist's office, when both are known."""
    if not (isinstance(client, Client) and therapist.offers_in_person and therapist.office_zip):
        return None  # no client (a public page), or no office: nothing to look up
    office = geo.place(therapist.office_zip)
    return miles_from_home(client, (office.latitude, office.longitude) if office else None)


@register.simple_tag
def ways_to_meet(therapist: Therapist, client: object = None) -> str:
    """ "Online only", "In person in Columbus, 7 miles away", "Online and in person in Columbus, 7 miles away"."""
    return ways_in_words(therapist, office_distance(therapist, client))


def ways_in_words(therapist: Therapist, miles: float | None) -> str:
    """How the therapist sees clients, with the office's distance in `miles` when it is known."""
    if not therapist.offers_in_person:
        return "Online only" if therapist.offers_online else "No sessions offered at the moment"
    in_person = "in person" + (f" in {therapist.city}" if therapist.city else "")
    if miles is not None:
        in_person += f", {distance_words(miles)}"
    return f"Online and {in_person}" if therapist.offers_online else in_person[0].upper() + in_person[1:]
