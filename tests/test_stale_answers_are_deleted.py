"""Links untouched for 12 months are deleted with everything behind them, the same way as "Delete everything"."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from matchmaker.alliance.models import CheckIn, ConsultationRequest
from questionnaire import privacy
from questionnaire.models import Client, SetAside, ShortlistEntry
from tests.factories import make_check_in, make_client, make_consultation_request, make_therapist

pytestmark = pytest.mark.django_db

RELATED = (ShortlistEntry, SetAside, ConsultationRequest, CheckIn)


def untouched_for(days: int, **answers: object) -> tuple[Client, str]:
    """A client with one row of everything, last opened and last changed `days` ago."""
    owner, token = make_client(**answers)
    first, second = make_therapist(name="Dana"), make_therapist(name="Blake")
    owner.shortlist.create(therapist=first)
    owner.set_aside.create(therapist=second)
    make_consultation_request(first, client=owner)
    make_check_in(first, client=owner)
    then = timezone.now() - timedelta(days=days)
    Client.objects.filter(pk=owner.pk).update(last_seen_at=then, updated_at=then)
    return owner, token


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("delete_stale_answers", *args, stdout=out)
    return out.getvalue()


def rows_of(client: Client) -> dict[str, int]:
    return {model.__name__: model.objects.filter(client=client).count() for model in RELATED}


def test_it_deletes_a_link_untouched_for_12_months_and_a_day_with_all_its_rows() -> None:
    stale, _ = untouched_for(366, state="OH")
    recent, _ = untouched_for(335, state="NY")  # about 11 months

    output = run()

    assert output == "Deleted 1 private link untouched for 365 days.\n"
    assert not Client.objects.filter(pk=stale.pk).exists()
    assert rows_of(stale) == {"ShortlistEntry": 0, "SetAside": 0, "ConsultationRequest": 0, "CheckIn": 0}
    assert Client.objects.get(pk=recent.pk).state == "NY"
    assert rows_of(recent) == {"ShortlistEntry": 1, "SetAside": 1, "ConsultationRequest": 1, "CheckIn": 1}


def test_it_deletes_through_the_same_function_as_delete_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    stale, _ = untouched_for(400)
    untouched_for(10)
    deleted: list[int] = []
    original = privacy.client_delete

    def spy(*, client: Client) -> None:
        deleted.append(client.pk)
        original(client=client)

    monkeypatch.setattr(privacy, "client_delete", spy)

    run()

    assert deleted == [stale.pk]


def test_a_dry_run_counts_and_deletes_nothing() -> None:
    untouched_for(366)
    untouched_for(500)
    untouched_for(30)

    output = run("--dry-run")

    assert output == "Would delete 2 private links untouched for 365 days (dry run).\n"
    assert Client.objects.count() == 3
    assert CheckIn.objects.count() == 3


def test_a_link_changed_recently_is_kept_even_if_not_opened_for_a_year() -> None:
    owner, _ = untouched_for(366)
    Client.objects.filter(pk=owner.pk).update(updated_at=timezone.now() - timedelta(days=20))

    assert run() == "Deleted 0 private links untouched for 365 days.\n"
    assert Client.objects.filter(pk=owner.pk).exists()


def test_opening_the_link_counts_as_touching_it(client: Browser) -> None:
    owner, token = untouched_for(366)

    assert client.get(reverse("questionnaire:results", args=[token])).status_code == 200

    owner.refresh_from_db()
    assert timezone.now() - owner.last_seen_at < timedelta(minutes=1)
    assert run() == "Deleted 0 private links untouched for 365 days.\n"


def test_a_visit_is_written_down_at_most_once_a_day(client: Browser) -> None:
    owner, token = make_client()
    earlier = timezone.now() - timedelta(hours=20)
    Client.objects.filter(pk=owner.pk).update(last_seen_at=earlier)

    client.get(reverse("questionnaire:results", args=[token]))

    owner.refresh_from_db()
    assert owner.last_seen_at == earlier
