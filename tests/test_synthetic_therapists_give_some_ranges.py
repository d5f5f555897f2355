"""Some demo therapists answer some scales with a range, always a valid one."""

from __future__ import annotations

import random

from matchmaker.dimensions import DIMENSION_KEYS
from profiles import synthetic


def test_about_a_fifth_of_them_give_a_range_and_every_range_is_at_most_three_points_wide() -> None:
    rng = random.Random(7)
    made = [synthetic.therapist(rng, ("CA", "NY"), (1.0, 1.0)) for _ in range(2000)]

    ranged_therapists = 0
    for therapist in made:
        fields = therapist.fields
        ends = [(fields[key], fields[f"{key}_high"]) for key in DIMENSION_KEYS]
        assert all(isinstance(low, int) and 1 <= low <= high <= 7 and high - low <= 2 for low, high in ends), ends
        if any(low != high for low, high in ends):
            ranged_therapists += 1

    # 30% of therapists, each scale a range with chance 20%: 0.3 × (1 − 0.8⁶) ≈ 22% have at least one.
    assert 0.18 < ranged_therapists / len(made) < 0.26
