"""The check-in's stored verdict, its hints and the check-in form, for every possible answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.alliance.models import CheckIn
from questionnaire.models import Client
from questionnaire.reaching_out import CheckInForm, check_in_hints

QUESTIONS = ["bond", "goals", "tasks"]
IN_SCALE = st.integers(min_value=0, max_value=4)
OUT_OF_SCALE = st.one_of(st.integers(max_value=-1), st.integers(min_value=5))
AGAIN = st.sampled_from(["yes", "unsure", "no"])


def answered() -> Client:
    """A client (never saved) who gave a point and some importance on "directness" only."""
    return Client(directness_point=5, directness_importance=2)


@given(st.tuples(IN_SCALE, IN_SCALE, IN_SCALE))
def test_a_check_in_gets_a_hint_for_each_hardly_or_not_at_all_and_always_at_least_one(scores):
    check_in = CheckIn(**dict(zip(QUESTIONS, scores, strict=True)))

    hints = check_in_hints(check_in)

    lows = [score for score in scores if score <= 1]
    assert len(hints) == max(len(lows), 1)


@given(st.tuples(IN_SCALE, IN_SCALE, IN_SCALE), AGAIN, st.integers(min_value=-2, max_value=2))
def test_the_form_accepts_every_answer_on_the_scales(scores, again, step):
    data = dict(zip(QUESTIONS, map(str, scores), strict=True)) | {"again": again, "style_directness": str(step)}
    form = CheckInForm(data, client=answered())

    assert form.is_valid(), form.errors
    assert form.answers() == {
        **dict(zip(QUESTIONS, scores, strict=True)),
        "again": again,
        "style_steps": {"directness": step},
    }


@given(
    st.sampled_from([*QUESTIONS, "style_directness"]),
    st.one_of(OUT_OF_SCALE.map(str), st.text(max_size=5).filter(lambda s: not s.lstrip("-").isdigit())),
)
def test_the_form_rejects_anything_off_the_scale_next_to_that_question(question, value):
    if question == "style_directness" and value.lstrip("-").isdigit() and abs(int(value)) <= 4:
        value = "3"  # style steps stop at 2 either way
    data = dict.fromkeys(QUESTIONS, "3") | {"again": "yes", "style_directness": "0"} | {question: value}
    form = CheckInForm(data, client=answered())

    assert not form.is_valid()
    assert list(form.errors) == [question]


def test_it_asks_only_about_the_scales_the_client_weighted() -> None:
    client = Client(directness_point=5, directness_importance=2, structure_point=3, structure_importance=0)

    form = CheckInForm(client=client)

    assert [field.name for field in form.style_questions()] == ["style_directness"]
