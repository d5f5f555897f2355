"""Synthetic, plausible therapists for demos, tests and benchmarks.

Deterministic for a given seed. Styles are drawn around a few archetypes of
how therapists actually work (structured skills work clusters together, as does
exploratory depth work), not as uniform noise.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from functools import cache

import zipcodes

from matchmaker import geo, vocabulary
from matchmaker.dimensions import DIMENSION_KEYS, SCALE_MAX, SCALE_MIN
from matchmaker.scoring import MAX_RANGE_WIDTH

# First names by the pronouns a therapist gives, so that a name and its pronouns agree.
FIRST_NAMES = {
    "woman": (
        "Amara Ana Beatriz Camila Dana Deepa Elena Farah Grace Hana Imani Julia Keisha Laila Lucia Maya Mina "
        "Nadia Priya Rosa Ruth Sara Tess Uma Yara Zoe"
    ).split(),
    "man": (
        "Andre Ben Chen Daniel Eli Gabriel Isaac Jamal Kenji Leo Malik Miguel Noah Omar Rafael Tariq Theo Victor "
        "Wei Yusuf"
    ).split(),
    "non_binary": "Alex Avery Jordan Kai Quinn Riley Rowan Sam Sky".split(),
}
PRONOUNS = {"woman": "she/her", "man": "he/him", "non_binary": "they/them"}
LAST_NAMES = (
    "Abbott Adeyemi Alvarez Baker Bennett Brooks Castillo Chang Cohen Delgado Diaz Ellis Fischer Foster Garcia "
    "Gupta Haddad Hayes Hoffman Ibrahim Jensen Kaur Kim Larsen Lee Lopez Mahmoud Martin Mendes Moreno Murphy "
    "Nakamura Nguyen Novak Okafor Olsen Patel Perez Quinn Ramos Reyes Rivera Rossi Sato Schmidt Shah Silva "
    "Sullivan Tanaka Torres Turner Vasquez Walsh Wong Young Zhang"
).split()
CREDENTIALS = ("LCSW", "LMFT", "LPC", "PsyD", "PhD", "LMHC", "LCPC")

# How each state writes a licence number, by kind of licence: "#" is a digit. Modelled on the
# public licence look-ups of these boards; other states get a plain number.
KIND_OF_LICENCE = {"LCSW": "social", "LMFT": "family", "LPC": "counsellor", "LMHC": "counsellor",
                   "LCPC": "counsellor", "PsyD": "psychologist", "PhD": "psychologist"}  # fmt: skip
LICENCE_FORMATS: dict[str, dict[str, str]] = {
    "CA": {"social": "LCSW ######", "family": "LMFT ######", "counsellor": "LPCC ####", "psychologist": "PSY #####"},
    "TX": {"social": "#####", "family": "#####", "counsellor": "######", "psychologist": "#####"},
    "NY": {"social": "0#####", "family": "00####", "counsellor": "00####", "psychologist": "0#####"},
    "FL": {"social": "SW#####", "family": "MT####", "counsellor": "MH#####", "psychologist": "PY####"},
    "IL": {"social": "149.0#####", "family": "168.00####", "counsellor": "180.0#####", "psychologist": "071.00####"},
    "OH": {"social": "I.#######", "family": "M.#######", "counsellor": "E.#######", "psychologist": "#####"},
    "WA": {"social": "LW6#######", "family": "LF6#######", "counsellor": "LH6#######", "psychologist": "PY6#######"},
    "CO": {"social": "CSW.099#####", "family": "MFT.00#####", "counsellor": "LPC.00#####",
           "psychologist": "PSY.000####"},
}  # fmt: skip


def licence_number(rng: random.Random, state: str, credentials: str) -> str:
    kind = KIND_OF_LICENCE.get(credentials, "counsellor")
    pattern = LICENCE_FORMATS.get(state, {}).get(kind, "######")
    return "".join(str(rng.randint(0, 9)) if char == "#" else char for char in pattern)


@cache
def office_cities() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Every state's cities with their STANDARD ZIP codes (not PO boxes or single buildings), from the zipcodes
    package, in a fixed order."""
    by_state: dict[str, dict[str, list[str]]] = {}
    for row in zipcodes.list_all():
        if row["zip_code_type"] == "STANDARD" and row["active"]:
            by_state.setdefault(row["state"], {}).setdefault(row["city"], []).append(row["zip_code"])
    return {
        state: tuple((city, tuple(sorted(codes))) for city, codes in sorted(cities.items()))
        for state, cities in by_state.items()
    }


def office_zips() -> dict[str, tuple[str, ...]]:
    """Every state's STANDARD ZIP codes, in order."""
    return {state: tuple(sorted(z for _, codes in cities for z in codes)) for state, cities in office_cities().items()}


def office(rng: random.Random, state: str) -> tuple[str, str]:
    """A real office ZIP code in `state` and its city. Offices cluster where people live: a city is drawn with a
    weight of its number of ZIP codes squared (a rough stand-in for its size), so most are in the larger cities."""
    cities = office_cities()[state]
    _city, codes = rng.choices(cities, weights=[len(codes) ** 2 for _, codes in cities])[0]
    zip_code = rng.choice(codes)
    found = geo.place(zip_code)
    return zip_code, found.city if found else ""


# Resident population by state, millions (2020 US census, rounded): directories follow people.
STATE_POPULATION: dict[str, float] = {
    "CA": 39.5, "TX": 29.1, "FL": 21.5, "NY": 20.2, "PA": 13.0, "IL": 12.8, "OH": 11.8, "GA": 10.7,
    "NC": 10.4, "MI": 10.1, "NJ": 9.3, "VA": 8.6, "WA": 7.7, "AZ": 7.2, "MA": 7.0, "TN": 6.9, "IN": 6.8,
    "MD": 6.2, "MO": 6.2, "WI": 5.9, "CO": 5.8, "MN": 5.7, "SC": 5.1, "AL": 5.0, "LA": 4.7, "KY": 4.5,
    "OR": 4.2, "OK": 4.0, "CT": 3.6, "UT": 3.3, "IA": 3.2, "NV": 3.1, "AR": 3.0, "MS": 3.0, "KS": 2.9,
    "NM": 2.1, "NE": 2.0, "ID": 1.8, "WV": 1.8, "HI": 1.5, "NH": 1.4, "ME": 1.4, "RI": 1.1, "MT": 1.1,
    "DE": 1.0, "SD": 0.89, "ND": 0.78, "AK": 0.73, "DC": 0.69, "VT": 0.64, "WY": 0.58,
}  # fmt: skip
ALL_STATES = tuple(STATE_POPULATION)
ALL_STATE_WEIGHTS = tuple(STATE_POPULATION.values())

# Archetypes: a mean point per dimension, in registry order
# (directness, responsiveness, approach, structure, challenge, intensity), and a share.
ARCHETYPES: tuple[tuple[str, tuple[float, ...], float, tuple[str, ...]], ...] = (
    ("skills", (5.5, 5.5, 1.8, 6.0, 4.5, 2.8), 0.35, ("cbt", "dbt", "act", "solution_focused")),
    ("depth", (3.0, 3.0, 6.2, 2.0, 3.8, 4.8), 0.25, ("psychodynamic", "ifs")),
    ("humanistic", (2.5, 4.5, 4.0, 2.2, 2.0, 4.0), 0.25, ("person_centred", "mindfulness")),
    ("experiential", (5.0, 6.0, 4.5, 4.0, 5.0, 6.2), 0.15, ("emotion_focused", "emdr")),
)

BIOS = (
    "I work with adults who feel stuck and want things to change. Sessions are a place to be honest, unjudged.",
    "Many people I see carry more than they let on. Together we make room for what is hard and find a way on.",
    "Therapy works best when you feel understood. I will be curious about your story and straight with you.",
    "I help people make sense of patterns that keep repeating, and build a life that feels more like their own.",
    "My work is practical and collaborative: we set goals together and check regularly whether therapy is helping.",
)


def availability_age(rng: random.Random, *, stale_share: float, fresh_days: int = 40) -> datetime.timedelta:
    """How long ago a synthetic therapist last confirmed their availability.

    Most confirmed at some point over the last weeks; a few (stale_share) so long ago that their
    listing has lapsed, so the stale-listings page has something to show.
    """
    if rng.random() < stale_share:
        return datetime.timedelta(days=rng.randint(46, 180), hours=rng.randint(0, 23))
    return datetime.timedelta(days=rng.randint(0, fresh_days), hours=rng.randint(0, 23))


def clamp(value: float) -> int:
    return max(SCALE_MIN, min(SCALE_MAX, round(value)))


RANGED_THERAPISTS = 0.3  # share of therapists who answer some scales with "it depends on the client"
RANGED_SCALES = 0.2  # share of those therapists' scales answered with a range


def style_ranges(rng: random.Random, style: dict[str, int]) -> dict[str, int]:
    """The high end of each scale: a range two or three points wide for some, the point itself for the rest.

    Moves a point down where its range would run off the top of the scale.
    """
    ends: dict[str, int] = {}
    ranged = rng.random() < RANGED_THERAPISTS
    for key in DIMENSION_KEYS:
        if ranged and rng.random() < RANGED_SCALES:
            width = rng.randint(1, MAX_RANGE_WIDTH)
            style[key] = min(style[key], SCALE_MAX - width)
            ends[f"{key}_high"] = style[key] + width
        else:
            ends[f"{key}_high"] = style[key]
    return ends


@dataclass
class SyntheticTherapist:
    fields: dict[str, object]
    states: list[str]
    languages: list[str]
    insurance_plans: list[str]
    concerns: list[str]
    modalities: list[str] = field(default_factory=list)


def therapist(rng: random.Random, states: tuple[str, ...], state_weights: tuple[float, ...]) -> SyntheticTherapist:
    name, archetype_means, _, archetype_modalities = rng.choices(ARCHETYPES, weights=[a[2] for a in ARCHETYPES])[0]
    style = {key: clamp(rng.gauss(mean, 1.0)) for key, mean in zip(DIMENSION_KEYS, archetype_means, strict=True)}
    home = rng.choices(states, weights=state_weights)[0]
    licensed = {home}
    if rng.random() < 0.2:
        licensed.add(rng.choice(states))
    in_person = rng.random() < 0.55
    online = not in_person or rng.random() < 0.7
    languages = ["en"]
    if rng.random() < 0.22:
        languages.append(rng.choices(["es", "zh", "vi", "ko", "ar", "fr", "ru", "pt", "hi", "tl"],
                                     weights=[10, 3, 2, 1, 1, 1, 1, 1, 1, 1])[0])  # fmt: skip
    fee = rng.choice(range(80, 260, 10))
    plans = rng.sample([code for code, _ in vocabulary.INSURANCE_PLANS], k=rng.choice([0, 0, 1, 2, 3]))
    concerns = rng.sample([code for code, _ in vocabulary.CONCERNS], k=rng.randint(3, 7))
    gender = rng.choices(["woman", "man", "non_binary"], weights=[68, 28, 4])[0]
    credentials = rng.choice(CREDENTIALS)
    ends = style_ranges(rng, style)
    fields: dict[str, object] = {
        "name": f"{rng.choice(FIRST_NAMES[gender])} {rng.choice(LAST_NAMES)}",
        "pronouns": PRONOUNS[gender],
        "credentials": credentials,
        "license_number": licence_number(rng, home, credentials),
        "gender": gender,
        "lgbtq_affirming": rng.random() < 0.45,
        "birth_year": rng.randint(1955, 1996),
        "bio": rng.choice(BIOS),
        **dict(zip(("office_zip", "city"), office(rng, home) if in_person else ("", ""), strict=True)),
        "offers_online": online,
        "offers_in_person": in_person,
        "fee": fee,
        "sliding_scale": rng.random() < 0.3,
        "faith": rng.choice(["christian", "jewish", "muslim", "hindu", "buddhist"]) if rng.random() < 0.15 else "",
        "accepting_new_clients": rng.random() < 0.85,
        **style,
        **ends,
    }
    return SyntheticTherapist(fields, sorted(licensed), languages, plans, concerns, list(archetype_modalities[:2]))
