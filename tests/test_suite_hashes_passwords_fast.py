"""The test suite hashes passwords with a fast hasher, so logging test users in costs next to nothing."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password


def test_it_hashes_test_passwords_with_md5() -> None:
    assert make_password("correct horse battery staple").startswith("md5$")
