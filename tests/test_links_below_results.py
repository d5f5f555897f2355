"""Links relative to a client's results page: the same as reversing each one, whichever way they are made."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from questionnaire.private_links import below_results

TOKEN = "AbC-123_x"


def relative(name: str, *args: object) -> str:
    """The link as the browser resolves it from the results page: the full path less the results page's own."""
    results = reverse("questionnaire:results", args=[TOKEN])
    return reverse(name, args=[TOKEN, *args]).removeprefix(results) or "./"


@pytest.mark.parametrize(
    "name",
    ["therapist_for_client", "shortlist_add", "shortlist_remove", "set_aside", "request_sent", "check_in_result"],
)
@pytest.mark.parametrize("pk", [0, 1, 7, 42, 987_654_320, 987_654_321, 2**31 - 1])
def test_links_with_an_id(name: str, pk: int) -> None:
    assert below_results(f"questionnaire:{name}", pk) == relative(f"questionnaire:{name}", pk)


def test_links_without_an_id_and_with_one_spelled_out() -> None:
    assert below_results("questionnaire:shortlist") == "shortlist/"
    assert below_results("questionnaire:results") == "./"
    assert below_results("questionnaire:therapist_for_client", 12) == "therapists/12/"
    assert below_results("questionnaire:request_sent", "12") == "requests/12/"  # a string id goes the long way


def test_a_page_outside_the_link_is_refused() -> None:
    with pytest.raises(NoReverseMatch):  # it takes no private link at all
        below_results("home")
    with pytest.raises(NoReverseMatch):
        below_results("questionnaire:therapist_for_client", -1)  # no such id
