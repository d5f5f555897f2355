"""The results page's cards, rendered cheaply: twenty of them are most of the page's work.

A card is made of pieces that many cards share: a therapist's name and photo (the same on every
client's results), their practical facts, and one small drawing per scale (a handful of shapes per
scale across all cards). Each piece, and each whole card, is rendered once from its template and
kept in this process, keyed by every value the template reads, so it can never be out of date: when
a therapist changes their fee, the key changes and the new piece is rendered. Links inside a card are
relative to the client's results page (questionnaire.private_links), so no piece holds a private link.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from matchmaker.matching.find import Match
from matchmaker.memo import Memo
from questionnaire.models import Client
from questionnaire.private_links import below_results
from questionnaire.templatetags.meeting_words import ways_to_meet


class Fragments:
    """Rendered template pieces kept in memory (matchmaker.memo), the oldest dropped first past `size`."""

    def __init__(self, size: int) -> None:
        self.memo: Memo[SafeString] = Memo(size)

    def render(self, template_name: str, key: Hashable, context: Mapping[str, object]) -> SafeString:
        """The template rendered with `context`; `key` must hold every value the template reads."""

        def rendered() -> SafeString:
            return mark_safe(render_to_string(template_name, dict(context)).strip())  # noqa: S308 - our template

        return self.memo.get((template_name, key), rendered)

    def __len__(self) -> int:
        return len(self.memo)


# Pieces many cards share, of a few hundred bytes each (at most a few megabytes per process) ...
FRAGMENTS = Fragments(size=10_000)
# ... and whole cards, about 3 KB each and one client's own, kept apart so that they never push the shared
# pieces out: enough for the reloads of 250 pages of results (about 15 MB per process).
CARDS = Fragments(size=5_000)


def therapist_link(pk: int) -> str:
    """A therapist's profile as the client sees it."""
    return below_results("questionnaire:therapist_for_client", pk)


@dataclass(frozen=True)
class Reason:
    closeness: str
    sentence: str


@dataclass(frozen=True)
class Card:
    """One results card, every piece ready: the card's template only puts them in place."""

    pk: int
    fit: float
    head: SafeString  # photo or initials, name, credentials, pronouns
    suits: tuple[Reason, ...]
    differs: str
    has_reasons: bool
    tracks: SafeString
    facts: SafeString
    shortlisted: bool

    def html(self) -> SafeString:
        """The whole card, rendered once for these very values (a reload shows the same cards)."""
        return CARDS.render("questionnaire/_match_card.html", self, {"card": self})

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


def head_html(match: Match) -> SafeString:
    therapist = match.therapist
    photo = therapist.photo.url if therapist.photo else ""
    key = (therapist.pk, therapist.name, therapist.credentials, therapist.pronouns, photo, therapist.initials)
    context = {"therapist": therapist, "link": therapist_link(therapist.pk), "photo_url": photo}
    return FRAGMENTS.render("questionnaire/_card_head.html", key, context)


def facts_html(match: Match, client: Client) -> SafeString:
    therapist = match.therapist
    ways = ways_to_meet(therapist, client)
    plans, languages = tuple(match.insurance_names or ()), tuple(match.language_names or ())
    availability = therapist.availability_label
    key = (
        ways,
        therapist.fee,
        therapist.sliding_scale,
        therapist.accepting_new_clients,
        plans,
        languages,
        availability,
    )
    context = {
        "ways": ways,
        "therapist": therapist,
        "plan_names": plans,
        "language_names": languages,
        "availability": availability,
    }
    return FRAGMENTS.render("questionnaire/_card_facts.html", key, context)


def tracks_html(match: Match) -> SafeString:
    pieces = []
    for scale in match.tracks:
        track = scale.track
        key = (
            track.dimension.key,
            track.therapist,
            track.therapist_high,
            track.preferred,
            scale.said,
            scale.sentence,
        )
        context = {"track": track, "said": scale.said, "label": scale.sentence}
        pieces.append(FRAGMENTS.render("questionnaire/_track.html", key, context))
    return mark_safe("".join(pieces))  # noqa: S308 - each piece is our own template's output


def card_for(match: Match, client: Client, shortlisted_ids: set[int]) -> Card:
    differs = match.differs
    return Card(
        pk=match.therapist.pk,
        fit=match.fit,
        head=head_html(match),
        suits=tuple(Reason(scale.closeness, scale.sentence) for scale in match.suits),
        differs=differs.sentence if differs else "",
        has_reasons=bool(match.reasons),
        tracks=tracks_html(match),
        facts=facts_html(match, client),
        shortlisted=match.therapist.pk in shortlisted_ids,
    )


def cards_for(matches: list[Match], client: Client, shortlisted_ids: set[int]) -> list[Card]:
    return [card_for(match, client, shortlisted_ids) for match in matches]
