"""Fixed lists used across the product: states, languages, concerns and so on.

Each list lives here once; forms, models, filters and the demo data read it.
Codes are what the database stores; labels are what people read.
"""

from __future__ import annotations

US_STATES: tuple[tuple[str, str], ...] = (
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
    ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"),
    ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
    ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"),
    ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
    ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
    ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"),
    ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
    ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
)  # fmt: skip
STATE_NAMES: dict[str, str] = dict(US_STATES)

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("es", "Spanish"),
    ("zh", "Chinese"),
    ("vi", "Vietnamese"),
    ("tl", "Tagalog"),
    ("ar", "Arabic"),
    ("fr", "French"),
    ("ko", "Korean"),
    ("ru", "Russian"),
    ("de", "German"),
    ("pt", "Portuguese"),
    ("hi", "Hindi"),
    ("asl", "American Sign Language"),
)

CONCERNS: tuple[tuple[str, str], ...] = (
    ("anxiety", "Anxiety"),
    ("depression", "Depression"),
    ("trauma", "Trauma and PTSD"),
    ("relationships", "Relationships"),
    ("grief", "Grief and loss"),
    ("identity", "Identity"),
    ("stress", "Stress and burnout"),
    ("self_esteem", "Self-esteem"),
    ("family", "Family conflict"),
    ("life_transitions", "Life transitions"),
    ("addiction", "Substance use"),
    ("eating", "Eating and body image"),
    ("ocd", "OCD"),
    ("parenting", "Parenting"),
)

INSURANCE_PLANS: tuple[tuple[str, str], ...] = (
    ("aetna", "Aetna"),
    ("bcbs", "Blue Cross Blue Shield"),
    ("cigna", "Cigna"),
    ("kaiser", "Kaiser Permanente"),
    ("medicaid", "Medicaid"),
    ("medicare", "Medicare"),
    ("optum", "Optum / UnitedHealthcare"),
    ("tricare", "TRICARE"),
)

GENDERS: tuple[tuple[str, str], ...] = (
    ("woman", "Woman"),
    ("man", "Man"),
    ("non_binary", "Non-binary"),
)

FAITHS: tuple[tuple[str, str], ...] = (
    ("christian", "Christian"),
    ("jewish", "Jewish"),
    ("muslim", "Muslim"),
    ("hindu", "Hindu"),
    ("buddhist", "Buddhist"),
)

AGE_RANGES: tuple[tuple[str, str, int, int], ...] = (
    # code, label, youngest, oldest
    ("under_35", "Under 35", 0, 34),
    ("35_50", "35 to 50", 35, 50),
    ("over_50", "Over 50", 51, 200),
)

MODALITIES: tuple[tuple[str, str], ...] = (
    ("cbt", "Cognitive behavioural therapy (CBT)"),
    ("dbt", "Dialectical behaviour therapy (DBT)"),
    ("act", "Acceptance and commitment therapy (ACT)"),
    ("psychodynamic", "Psychodynamic"),
    ("person_centred", "Person-centred"),
    ("emdr", "EMDR"),
    ("ifs", "Internal family systems (IFS)"),
    ("emotion_focused", "Emotion-focused therapy"),
    ("solution_focused", "Solution-focused"),
    ("mindfulness", "Mindfulness-based"),
)


def labels(choices: tuple[tuple[str, str], ...], codes: list[str]) -> list[str]:
    lookup = dict(choices)
    return [lookup[code] for code in codes if code in lookup]


def bitmask(choices: tuple[tuple[str, str], ...], codes: list[str] | tuple[str, ...] | set[str]) -> int:
    """Codes as bits, by their position in `choices`: new codes must be appended, never inserted."""
    positions = {code: index for index, (code, _) in enumerate(choices)}
    mask = 0
    for code in codes:
        if code in positions:
            mask |= 1 << positions[code]
    return mask


def labels_in_mask(choices: tuple[tuple[str, str], ...], mask: int) -> list[str]:
    """The labels whose bits are set in `mask`, in list order: the inverse of `bitmask`."""
    return [label for index, (_, label) in enumerate(choices) if mask >> index & 1]
