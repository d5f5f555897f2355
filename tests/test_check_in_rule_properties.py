"""The check-in rule and the check-in form, for every possible answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.alliance.models import CheckIn
from questionnaire.reaching_out import CheckInForm, check_in_hints

QUESTIONS = [name for name, _ in CheckIn.QUESTIONS]
IN_SCALE = st.integers(min_value=0, max_value=CheckIn.SCALE_MAX)
OUT_OF_SCALE = st.one_of(st.integers(max_value=-1), st.integers(min_value=CheckIn.SCALE_MAX + 1))


@given(st.tuples(IN_SCALE, IN_SCALE, IN_SCALE, IN_SCALE))
def test_it_feels_right_exactly_when_the_total_is_36_or_more_and_no_answer_is_6_or_less(scores):
    check_in = CheckIn(**dict(zip(QUESTIONS, scores, strict=True)))

    # The product's wording, stated independently: low is "a total under 36, or any single answer of 6 or less".
    low = sum(scores) < 36 or any(score <= 6 for score in scores)
    assert check_in.feels_right is not low


@given(st.tuples(IN_SCALE, IN_SCALE, IN_SCALE, IN_SCALE))
def test_a_low_check_in_always_gets_at_least_one_hint_naming_each_low_answer(scores):
    check_in = CheckIn(**dict(zip(QUESTIONS, scores, strict=True)))

    hints = check_in_hints(check_in)

    assert hints
    lows = {name for name, score in zip(QUESTIONS, scores, strict=True) if score <= 6 and name != "overall"}
    assert len(hints) == max(len(lows), 1)


@given(st.tuples(IN_SCALE, IN_SCALE, IN_SCALE, IN_SCALE))
def test_the_form_accepts_every_answer_on_the_scale(scores):
    form = CheckInForm(dict(zip(QUESTIONS, map(str, scores), strict=True)))

    assert form.is_valid(), form.errors
    assert tuple(form.cleaned_data[name] for name in QUESTIONS) == scores


@given(
    st.sampled_from(QUESTIONS), st.one_of(OUT_OF_SCALE.map(str), st.text(max_size=5).filter(lambda s: not s.isdigit()))
)
def test_the_form_rejects_anything_off_the_scale_next_to_that_question(question, value):
    data = dict.fromkeys(QUESTIONS, "8") | {question: value}
    form = CheckInForm(data)

    assert not form.is_valid()
    assert list(form.errors) == [question]
