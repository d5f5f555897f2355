"""The verification queue lists pending therapists by when they submitted, oldest first, with how long ago;
the other views of the therapist list keep their order by name."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone

from profiles.admin import days_ago
from profiles.models import Therapist
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:profiles_therapist_changelist")


def submitted(name: str, days: int, **kwargs: object) -> Therapist:
    # Halfway between the site's midnight and now, `days` calendar days back: the day count never depends on
    # the time of day the test runs at.
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    moment = midnight + (now - midnight) / 2 - datetime.timedelta(days=days)
    return factories.make_therapist(name=name, status=Therapist.Status.PENDING, submitted_at=moment, **kwargs)


def rows(html: str) -> list[str]:
    """The names in the result table, top to bottom."""
    body = html.split('<table id="result_list">', 1)[1].split("</table>", 1)[0]
    return [row.split('<th class="field-name">', 1)[1].split(">", 1)[1].split("<", 1)[0]
            for row in body.split("<tr")[2:]]  # fmt: skip


@pytest.fixture
def queue(client: Browser) -> None:
    client.force_login(factories.make_staff("curator"))
    # Made in an order that is neither the order of their names nor the order of their submissions.
    submitted("Bea Middle", days=3, license_number="LIC-B")
    submitted("Cal Newest", days=0, license_number="LIC-C")
    submitted("Ada Oldest", days=9, license_number="LIC-A")


def test_it_lists_the_queue_oldest_submission_first(client: Browser, queue: None) -> None:
    html = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()

    assert rows(html) == ["Ada Oldest", "Bea Middle", "Cal Newest"]


def test_it_still_lists_the_queue_oldest_first_with_another_filter_on(client: Browser, queue: None) -> None:
    submitted("Dee Elsewhere", days=20, states=("NY",))

    html = client.get(CHANGELIST, {"status__exact": "pending", "licensed_states__code__exact": "CA"}).content.decode()

    assert rows(html) == ["Ada Oldest", "Bea Middle", "Cal Newest"]


def test_a_pending_profile_never_submitted_comes_after_those_that_were(client: Browser, queue: None) -> None:
    factories.make_therapist(name="Abe Imported", status=Therapist.Status.PENDING)

    html = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()

    assert rows(html) == ["Ada Oldest", "Bea Middle", "Cal Newest", "Abe Imported"]
    assert "Not submitted" in html


def test_it_says_how_long_ago_each_submitted_and_on_which_date(client: Browser, queue: None) -> None:
    html = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()
    oldest = Therapist.objects.get(name="Ada Oldest").submitted_at
    assert oldest is not None
    day = timezone.localtime(oldest)

    assert ">Submitted</a>" in html  # the column header, which sorts by it
    assert f'<time datetime="{oldest.isoformat()}">9 days ago</time>' in html
    assert f"{day.day} {day:%b %Y}, {day:%H:%M}" in html
    assert ">3 days ago</time>" in html and ">today</time>" in html


def test_the_other_views_of_the_list_keep_their_order_by_name(client: Browser, queue: None) -> None:
    factories.make_therapist(name="Eve Published", license_number="LIC-E")

    everyone = client.get(CHANGELIST).content.decode()
    published = client.get(CHANGELIST, {"status__exact": "published"}).content.decode()

    assert rows(everyone) == ["Ada Oldest", "Bea Middle", "Cal Newest", "Eve Published"]
    assert rows(published) == ["Eve Published"]


@pytest.mark.parametrize(
    ("days", "words"), [(-1, "today"), (0, "today"), (1, "yesterday"), (2, "2 days ago"), (40, "40 days ago")]
)
def test_days_ago_counts_calendar_days(days: int, words: str) -> None:
    today = datetime.date(2026, 3, 10)
    moment = datetime.datetime(2026, 3, 10, 23, 59, tzinfo=datetime.UTC) - datetime.timedelta(days=days)

    assert days_ago(moment, today=today) == words
