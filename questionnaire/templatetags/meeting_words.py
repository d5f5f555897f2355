"""How a client could meet a therapist, and the other practical facts, in the words of cards, profiles and the
compare table."""

from __future__ import annotations

from collections.abc import Iterable

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


def practical_facts(
    therapist: Therapist, ways: str, plan_names: Iterable[object], language_names: Iterable[object]
) -> list[str]:
    """The practical facts about a therapist as short phrases, in the order cards and profiles give them: how to
    meet (`ways`, from ways_in_words), the fee, insurance, languages, and whether they take new clients."""
    plans, languages = [str(name) for name in plan_names], [str(name) for name in language_names]
    facts = [ways]
    if therapist.fee is not None:
        scale = "sliding scale available" if therapist.sliding_scale else "no sliding scale"
        facts.append(f"${therapist.fee} a session, {scale}")
    facts.append(f"Takes {', '.join(plans)}" if plans else "No insurance plans")
    if languages:
        facts.append(f"Speaks {', '.join(languages)}")
    facts.append("Accepting new clients" if therapist.accepting_new_clients else "Not taking new clients at the moment")
    return facts


@register.simple_tag
def facts_about(
    therapist: Therapist, plan_names: Iterable[object], language_names: Iterable[object], client: object = None
) -> list[str]:
    """practical_facts for a profile, with the office's distance when the client is known."""
    return practical_facts(therapist, ways_to_meet(therapist, client), plan_names, language_names)
