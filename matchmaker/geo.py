"""Where a US ZIP code is, and how far apart two places are.

Plain functions over plain data. ZIP centroids come from the ``zipcodes``
package, which ships them with the code: nothing is looked up over the network.
Distances are great-circle distances between centroids, in miles: good enough to
tell "7 miles away" from "60 miles away", which is all a client needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import zipcodes

EARTH_RADIUS_MILES = 3958.8
# One degree of latitude is the same length everywhere.
MILES_PER_DEGREE_LATITUDE = math.pi * EARTH_RADIUS_MILES / 180


@dataclass(frozen=True)
class Place:
    zip_code: str
    city: str
    state: str  # two-letter postal code
    latitude: float
    longitude: float


def is_zip_format(text: str) -> bool:
    return len(text) == 5 and text.isascii() and text.isdigit()


@cache
def place(zip_code: str) -> Place | None:
    """The ZIP code's centroid, or None when it is not a US ZIP code we know."""
    if not is_zip_format(zip_code):
        return None
    matches = zipcodes.matching(zip_code)
    if not matches:
        return None
    row = matches[0]
    return Place(
        zip_code=row["zip_code"],
        city=row["city"].title(),
        state=row["state"],
        latitude=float(row["lat"]),
        longitude=float(row["long"]),
    )


def miles_between(a_latitude: float, a_longitude: float, b_latitude: float, b_longitude: float) -> float:
    """Great-circle distance by the haversine formula."""
    phi_a, phi_b = math.radians(a_latitude), math.radians(b_latitude)
    d_phi = phi_b - phi_a
    d_lambda = math.radians(b_longitude - a_longitude)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Box:
    """A latitude/longitude rectangle that holds every point within some miles of a centre."""

    south: float
    north: float
    west: float
    east: float


def box_around(latitude: float, longitude: float, miles: float) -> Box:
    """A cheap first cut before the exact distance: an index can answer it.

    The rectangle is a little larger than the circle, never smaller, so nothing
    inside the distance is cut. Longitude degrees shrink towards the poles, so
    the east-west half-width uses the cosine of the latitude furthest from the
    equator that the box reaches.
    """
    d_latitude = miles / MILES_PER_DEGREE_LATITUDE
    south, north = latitude - d_latitude, latitude + d_latitude
    widest = min(89.0, max(abs(south), abs(north)))
    d_longitude = min(180.0, d_latitude / math.cos(math.radians(widest)))
    return Box(south=south, north=north, west=longitude - d_longitude, east=longitude + d_longitude)


def zip_problem(text: str) -> str | None:
    """What is wrong with `text` as a US ZIP code, in words for the person who typed it; None when it is fine."""
    if not is_zip_format(text):
        return "Please enter a ZIP code of 5 digits, like 43215."
    if place(text) is None:
        return f"{text} is not a US ZIP code we know. Please check it."
    return None
