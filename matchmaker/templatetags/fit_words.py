"""Template helpers that put a therapist's style next to a client's answers, in plain words."""

from __future__ import annotations

from django import template

from matchmaker.matching import explaining
from matchmaker.scoring import Reason
from profiles.models import Therapist
from questionnaire.models import Client

register = template.Library()


@register.filter
def why_it_fits(reason: Reason) -> str:
    return explaining.why_it_fits(reason)


@register.filter
def where_you_differ(reason: Reason) -> str:
    return explaining.where_you_differ(reason)


@register.simple_tag
def style_tracks(therapist: Therapist, client: Client | None = None) -> list[explaining.StyleTrack]:
    """All six tracks for a therapist; with a client, their preferred points too (public pages pass none)."""
    preferences = client.preferences() if isinstance(client, Client) else None
    return explaining.tracks_for(therapist, preferences)


@register.simple_tag
def style_counting(client: Client) -> explaining.StyleCounting:
    """Which of the client's style scales rank their matches, and how much."""
    return explaining.style_counting(client.preferences())
