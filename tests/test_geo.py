"""ZIP centroids and distances, without a database."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.geo import box_around, miles_between, place

latitudes = st.floats(min_value=18.0, max_value=71.0)  # Puerto Rico to northern Alaska
longitudes = st.floats(min_value=-179.0, max_value=-65.0)
radii = st.sampled_from([5, 10, 25, 50])


def test_it_knows_where_a_columbus_zip_code_is() -> None:
    columbus = place("43215")
    assert columbus is not None
    assert (columbus.city, columbus.state) == ("Columbus", "OH")
    assert math.isclose(columbus.latitude, 39.97, abs_tol=0.05)
    assert math.isclose(columbus.longitude, -83.00, abs_tol=0.05)


def test_it_does_not_know_codes_that_are_not_us_zip_codes() -> None:
    for text in ["", "4321", "432155", "abcde", "00000", "43 15", "４３２１５"]:
        assert place(text) is None, text


def test_it_measures_columbus_to_cleveland_as_about_125_miles() -> None:
    columbus, cleveland = place("43215"), place("44114")
    assert columbus and cleveland
    # Road atlases give about 125 miles as the crow flies between the two downtowns.
    distance = miles_between(columbus.latitude, columbus.longitude, cleveland.latitude, cleveland.longitude)
    assert 115 < distance < 135


def test_it_measures_one_degree_of_latitude_as_about_69_miles() -> None:
    assert math.isclose(miles_between(40.0, -83.0, 41.0, -83.0), 69.1, abs_tol=0.1)


@given(latitudes, longitudes)
def test_a_place_is_no_distance_from_itself(latitude: float, longitude: float) -> None:
    assert miles_between(latitude, longitude, latitude, longitude) == 0


@given(latitudes, longitudes, latitudes, longitudes)
def test_distance_is_the_same_both_ways(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> None:
    assert math.isclose(miles_between(a_lat, a_lon, b_lat, b_lon), miles_between(b_lat, b_lon, a_lat, a_lon))


@given(latitudes, longitudes, radii, st.floats(0, 1), st.floats(0, 2 * math.pi))
def test_the_box_holds_every_point_within_the_distance(
    latitude: float, longitude: float, miles: int, share: float, bearing: float
) -> None:
    # A point `share × miles` away in direction `bearing` (destination-point formula).
    angular = share * miles / 3958.8
    phi, lam = math.radians(latitude), math.radians(longitude)
    phi2 = math.asin(math.sin(phi) * math.cos(angular) + math.cos(phi) * math.sin(angular) * math.cos(bearing))
    lam2 = lam + math.atan2(
        math.sin(bearing) * math.sin(angular) * math.cos(phi), math.cos(angular) - math.sin(phi) * math.sin(phi2)
    )
    lat2, lon2 = math.degrees(phi2), math.degrees(lam2)
    box = box_around(latitude, longitude, miles)
    assert box.south <= lat2 <= box.north
    assert box.west <= lon2 <= box.east
