"""Seal what is kept in the shared cache with a key that only the client's private link gives.

The server stores a link only as its SHA-256 digest (questionnaire.models.hash_token); the sealing key
is an HMAC of the link under a label of its own, which that digest does not reveal. So whoever reads
the shared cache, even with the database beside it, finds bytes nobody can open without the link.
AES-GCM also proves an entry untouched and bound to the very cache key it was written under.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

LABEL = b"matchmaker: kept under a private link"
NONCE_BYTES = 12


def link_key(token: str) -> bytes:
    """A 256-bit key from the private link alone."""
    return hmac.new(LABEL, token.encode(), hashlib.sha256).digest()


def seal(token: str, where: str, data: bytes) -> bytes:
    """`data` sealed for the link `token`, to be kept under the cache key `where`."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(link_key(token)).encrypt(nonce, data, where.encode())


def unseal(token: str, where: str, sealed: bytes) -> bytes | None:
    """What `seal` sealed, or None if this link (or this cache key) does not open it."""
    try:
        return AESGCM(link_key(token)).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], where.encode())
    except (InvalidTag, ValueError):
        return None
