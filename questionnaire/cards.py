"""The results page's cards: twenty of them are most of what a first visit to the page costs.

Each card's values are worked out here (its links, how to meet with the office's distance, the fit as a
whole number), and every card of the page is rendered in one go by a Jinja2 template
(templates/jinja2/questionnaire/match_cards.html; matchmaker/jinja2.py says why Jinja2). The rendered page
is kept as a whole (questionnaire.results_body), so nothing is kept here. Links inside a card are relative
to the client's results page (questionnaire.private_links): no card holds a private link.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.template import engines
from django.utils.html import strip_spaces_between_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst

from matchmaker.matching.explaining import CardTrack, ExplainedScale
from matchmaker.matching.find import Match
from questionnaire.models import Client
from questionnaire.private_links import below_results
from questionnaire.templatetags.meeting_words import miles_from_home, practical_facts, ways_in_words

# The refine link goes after this card, or after the last when there are fewer.
REFINE_AFTER = 3


def therapist_link(pk: int) -> str:
    """A therapist's profile as the client sees it."""
    return below_results("questionnaire:therapist_for_client", pk)


@dataclass(frozen=True)
class Card:
    """One results card, every value ready as text or a number: the template only puts them in place."""

    pk: int  # the therapist's
    name: str
    credentials: str
    pronouns: str
    photo_url: str  # "" without a photo: the card shows the initials
    initials: str
    fit: float
    suits: tuple[ExplainedScale, ...]  # the strongest reasons, as sentences
    differs: ExplainedScale | None  # the largest difference, as a sentence
    has_reasons: bool  # False when no scale is weighted
    tracks: tuple[CardTrack, ...]
    facts: str  # how to meet (with the office's distance when known), fee, insurance, languages, availability
    shortlisted: bool

    @property
    def score(self) -> int:
        """The fit as a whole number, halves rounded up (as the floatformat filter shows it elsewhere)."""
        return math.floor(self.fit + 0.5)

    @property
    def link(self) -> str:
        return therapist_link(self.pk)

    @property
    def save_url(self) -> str:
        return below_results("questionnaire:shortlist_add", self.pk)

    @property
    def remove_url(self) -> str:
        return below_results("questionnaire:shortlist_remove", self.pk)


def card_facts(match: Match, client: Client) -> str:
    """The practical facts in one line, as the profile lists them, and how recently availability was confirmed."""
    therapist = match.therapist
    # The office's place comes with the listing's row: looking its ZIP code up would cost about a millisecond.
    ways = ways_in_words(therapist, miles_from_home(client, match.office))
    facts = practical_facts(therapist, ways, match.insurance_names or (), match.language_names or ())
    return " · ".join([*facts, capfirst(therapist.availability_label)])


def card_for(match: Match, client: Client, shortlisted_ids: set[int]) -> Card:
    therapist = match.therapist
    return Card(
        pk=therapist.pk,
        name=therapist.name,
        credentials=therapist.credentials,
        pronouns=therapist.pronouns,
        photo_url=therapist.photo.url if therapist.photo else "",
        initials=therapist.initials,
        fit=match.fit,
        suits=tuple(match.suits),
        differs=match.differs,
        has_reasons=bool(match.reasons),
        tracks=tuple(match.tracks),
        facts=card_facts(match, client),
        shortlisted=therapist.pk in shortlisted_ids,
    )


def cards_for(matches: list[Match], client: Client, shortlisted_ids: set[int]) -> list[Card]:
    return [card_for(match, client, shortlisted_ids) for match in matches]


def cards_html(cards: list[Card]) -> SafeString:
    """Every card of a page as list items, with the refine link after the third, between tags no whitespace."""
    template = engines["jinja2"].get_template("questionnaire/match_cards.html")
    context = {
        "cards": cards,
        "refine_url": below_results("questionnaire:refine"),
        "refine_after": min(REFINE_AFTER, len(cards)),
    }
    # Autoescaped by the engine; what is removed is only whitespace between tags.
    return mark_safe(strip_spaces_between_tags(template.render(context)).strip())  # noqa: S308
