"""The evidence page: not enough below 30 check-ins; from 30 on the correlation, the bands, the scales."""

from __future__ import annotations

import pytest
from django.test import Client as Browser
from django.urls import reverse

from matchmaker.dimensions import BY_KEY
from tests.factories import make_followed_up_request, make_staff, make_therapist

pytestmark = pytest.mark.django_db

NOT_ENOUGH = "There is not enough yet to tell"


@pytest.fixture
def researcher(client: Browser) -> Browser:
    client.force_login(make_staff("researcher"))
    return client


def page(client: Browser) -> str:
    return client.get(reverse("evidence")).content.decode()


def thirty(*, synthetic: int = 0) -> None:
    """Ten check-ins at fit 50 (alliance 3, directness gap 3), ten at 70 (6, gap 2), ten at 90 (12, gap 0)."""
    dana = make_therapist()
    made = 0
    for fit, answer, gap in ((50.0, 1, 3), (70.0, 2, 2), (90.0, 4, 0)):
        for _ in range(10):
            make_followed_up_request(
                dana,
                fit=fit,
                gaps={"directness": gap},
                bond=answer,
                goals=answer,
                tasks=answer,
                is_synthetic=made < synthetic,
            )
            made += 1


def test_below_thirty_it_says_there_is_not_enough_and_still_shows_n(researcher: Browser) -> None:
    dana = make_therapist()
    for _ in range(29):
        make_followed_up_request(dana, fit=75.0, bond=3, goals=3, tasks=3)

    html = page(researcher)

    assert NOT_ENOUGH in html
    assert "<strong>29</strong> check-ins." in html
    assert "r = " not in html


def test_a_check_in_without_a_request_a_day_before_it_does_not_count(researcher: Browser) -> None:
    from tests.factories import make_check_in, make_consultation_request

    dana = make_therapist()
    quick = make_consultation_request(dana, fit_at_request=90.0)
    make_check_in(dana, client=quick.client)  # the same minute as the request
    make_check_in(dana)  # no request at all

    assert "<strong>0</strong> check-ins." in page(researcher)


def test_from_thirty_it_shows_the_correlation_with_its_interval(researcher: Browser) -> None:
    thirty()

    html = page(researcher)

    assert NOT_ENOUGH not in html
    # Worked out by hand: r = 1800 / √(8000 · 420), Fisher's z ± 1.96 / √27.
    assert "<strong>r = 0.98</strong>" in html
    assert "95% confidence interval 0.96 to 0.99, n = 30" in html


def test_it_shows_the_mean_alliance_and_the_share_that_did_not_feel_right_per_band(researcher: Browser) -> None:
    thirty()

    html = page(researcher)

    assert '<tr><th scope="row">under 60</th><td>10</td>' in html
    table = html.split("Per fit band, in numbers", 1)[1].split("</table>", 1)[0]
    cells = [" ".join(row.split()) for row in table.split("<tr>")[2:]]
    assert cells[0].startswith('<th scope="row">under 60</th><td>10</td> <td>3.0</td> <td>100%</td>')
    assert cells[1].startswith('<th scope="row">60 to 80</th><td>10</td> <td>6.0</td> <td>0%</td>')
    assert cells[2].startswith('<th scope="row">80 and over</th><td>10</td> <td>12.0</td> <td>0%</td>')
    assert '<svg viewBox="0 0 400 200" role="img"' in html


def test_it_shows_per_scale_whether_a_larger_gap_goes_with_a_lower_alliance(researcher: Browser) -> None:
    thirty()

    html = page(researcher)

    row = html.split(f'<th scope="row">{BY_KEY["directness"].title}</th>', 1)[1].split("</tr>", 1)[0]
    assert "<td>30</td>" in row
    assert "<td>-1.00</td>" in row
    other = html.split(f'<th scope="row">{BY_KEY["structure"].title}</th>', 1)[1].split("</tr>", 1)[0]
    assert "<td>0</td>" in other
    assert "not enough variation" in other


def test_it_says_how_many_check_ins_are_demo_data(researcher: Browser) -> None:
    thirty(synthetic=12)

    assert "12 of 30 check-ins are demo data" in page(researcher)


def test_without_demo_data_it_says_nothing_about_it(researcher: Browser) -> None:
    thirty()

    assert "demo data</strong>" not in page(researcher)
