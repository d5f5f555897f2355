"""What the client has done so far, for the "your page" box on their results: three queries, whatever they saved."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery

from matchmaker.alliance.models import CheckIn, ConsultationRequest
from profiles.models import Therapist
from questionnaire.models import Client, SetAside, ShortlistEntry


@dataclass(frozen=True)
class CheckInOffer:
    """A therapist the client reached out to, and their latest check-in about them, if any."""

    therapist: Therapist
    latest_check_in: int | None


@dataclass
class YourPage:
    shortlist: list[ShortlistEntry]
    requests: list[ConsultationRequest]
    set_aside: list[SetAside]
    check_ins: list[CheckInOffer] = field(default_factory=list)

    limit = ShortlistEntry.MAX_PER_CLIENT

    @property
    def shortlisted_ids(self) -> set[int]:
        return {entry.therapist_id for entry in self.shortlist}

    @property
    def shortlist_is_full(self) -> bool:
        return len(self.shortlist) >= self.limit

    @property
    def can_compare(self) -> bool:
        return sum(entry.therapist.is_published for entry in self.shortlist) >= 2

    @property
    def is_empty(self) -> bool:
        return not (self.shortlist or self.requests or self.set_aside)


def your_page(client: Client) -> YourPage:
    check_ins = CheckIn.objects.filter(client=client, therapist=OuterRef("therapist"))
    latest_check_in = check_ins.order_by("-created_at", "-pk")
    requests = list(
        client.requests.select_related("therapist").annotate(latest_check_in=Subquery(latest_check_in.values("pk")[:1]))
    )
    offers: dict[int, CheckInOffer] = {}
    for request in requests:  # newest first, so the first request per therapist stands for them
        offers.setdefault(request.therapist_id, CheckInOffer(request.therapist, request.latest_check_in))  # type: ignore[attr-defined]
    return YourPage(
        shortlist=list(client.shortlist.select_related("therapist")),
        requests=requests,
        set_aside=list(client.set_aside.select_related("therapist").order_by("created_at", "pk")),
        check_ins=list(offers.values()),
    )


def your_page_context(client: Client) -> dict[str, YourPage]:
    """Context for templates/questionnaire/_your_page.html and the "on your shortlist" state of each card."""
    return {"your_page": your_page(client)}
