"""Bulk creation of synthetic directories, fast enough for a million therapists.

On PostgreSQL rows go in with COPY; elsewhere with bulk_create. Either way the
same seed gives the same directory.
"""

from __future__ import annotations

import datetime
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from matchmaker.matching.search_table import forget_published_count, listing_values
from profiles import synthetic
from profiles.models import Listing, Therapist, sync_vocabulary

STALE_SHARE = 0.08  # listings whose availability was last confirmed more than 45 days ago

M2M = {
    "licensed_states": "states",
    "languages": "languages",
    "insurance_plans": "insurance_plans",
    "concerns": "concerns",
    "modalities": "modalities",
}


@dataclass(frozen=True)
class SeededRow:
    pk: int
    made: synthetic.SyntheticTherapist
    confirmed_at: datetime.datetime


def generate(count: int, seed: int, first_pk: int, now: datetime.datetime) -> Iterator[SeededRow]:
    rng = random.Random(seed)
    for offset in range(count):
        made = synthetic.therapist(rng, synthetic.ALL_STATES, synthetic.ALL_STATE_WEIGHTS)
        age = synthetic.availability_age(rng, stale_share=STALE_SHARE, fresh_days=44)
        yield SeededRow(first_pk + offset, made, now - age)


def seed_directory(count: int, seed: int, *, batch_size: int = 20_000) -> int:
    """Create `count` published, verified therapists. Returns how many were created."""
    sync_vocabulary()
    now = timezone.now()
    with transaction.atomic():
        first_pk = (Therapist.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        rows = generate(count, seed, first_pk, now)
        batch: list[SeededRow] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                write_batch(batch, now)
                batch = []
        if batch:
            write_batch(batch, now)
        if connection.vendor == "postgresql":
            reset_sequences()
        forget_published_count()
    return count


def therapist_values(row: SeededRow, now: datetime.datetime) -> dict[str, object]:
    values = {
        "status": Therapist.Status.PUBLISHED,
        "is_synthetic": True,
        "verified_at": now,
        "availability_confirmed_at": row.confirmed_at,
        "created_at": now,
        "updated_at": now,
        "style_saved_at": now,
        **row.made.fields,
    }
    return values


def write_batch(batch: list[SeededRow], now: datetime.datetime) -> None:
    if connection.vendor == "postgresql":
        copy_batch(batch, now)
    else:
        create_batch(batch, now)


def listing_rows(row: SeededRow, now: datetime.datetime) -> list[dict[str, object]]:
    """The Listing rows of one seeded therapist, as the search table's writer would build them."""
    values = listing_values(
        SimpleNamespace(**therapist_values(row, now)),
        languages=row.made.languages,
        insurance_plans=row.made.insurance_plans,
        concerns=row.made.concerns,
    )
    return [
        {"therapist_id": row.pk, "state": state, "primary": index == 0, **values}
        for index, state in enumerate(sorted(row.made.states))
    ]


def create_batch(batch: list[SeededRow], now: datetime.datetime) -> None:
    Therapist.objects.bulk_create(Therapist(pk=row.pk, **therapist_values(row, now)) for row in batch)
    Listing.objects.bulk_create(
        (Listing(**values) for row in batch for values in listing_rows(row, now)), batch_size=5000
    )
    for field_name, attribute in M2M.items():
        through = getattr(Therapist, field_name).through
        target = Therapist._meta.get_field(field_name).m2m_reverse_field_name()
        links = [
            through(therapist_id=row.pk, **{f"{target}_id": code})
            for row in batch
            for code in getattr(row.made, attribute)
        ]
        through.objects.bulk_create(links, batch_size=5000)


# Columns written by COPY, in order; everything else keeps its database default or NULL.
COPY_FIELDS = [
    field
    for field in Therapist._meta.concrete_fields
    if field.column not in {"user_id", "verified_by_id", "availability_reminder_sent_at", "submitted_at"}
]


def copy_value(value: object) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_batch(batch: list[SeededRow], now: datetime.datetime) -> None:
    defaults = {field.attname: field.get_default() for field in COPY_FIELDS}
    buffer = io.StringIO()
    for row in batch:
        values = {**defaults, **therapist_values(row, now), "id": row.pk}
        buffer.write("\t".join(copy_value(values[field.attname]) for field in COPY_FIELDS) + "\n")
    columns = ", ".join(connection.ops.quote_name(field.column) for field in COPY_FIELDS)
    with connection.cursor() as cursor:
        buffer.seek(0)
        cursor.cursor.copy_expert(f"COPY {Therapist._meta.db_table} ({columns}) FROM STDIN", buffer)
        for field_name, attribute in M2M.items():
            through = getattr(Therapist, field_name).through
            target_column = through._meta.get_field(
                Therapist._meta.get_field(field_name).m2m_reverse_field_name()
            ).column
            links = io.StringIO()
            for row in batch:
                for code in getattr(row.made, attribute):
                    links.write(f"{row.pk}\t{code}\n")
            links.seek(0)
            cursor.cursor.copy_expert(
                f"COPY {through._meta.db_table} (therapist_id, {target_column}) FROM STDIN", links
            )
        listings = io.StringIO()
        for row in batch:
            for values in listing_rows(row, now):
                listings.write("\t".join(copy_value(values[column]) for column in LISTING_COLUMNS) + "\n")
        listings.seek(0)
        columns = ", ".join(connection.ops.quote_name(column) for column in LISTING_COLUMNS)
        cursor.cursor.copy_expert(f"COPY {Listing._meta.db_table} ({columns}) FROM STDIN", listings)


LISTING_COLUMNS = [field.column for field in Listing._meta.concrete_fields if field.column != "id"]


def reset_sequences() -> None:
    with connection.cursor() as cursor:
        table = Therapist._meta.db_table
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


def vacuum_analyze() -> None:
    """Fresh statistics and visibility map after a bulk load, so PostgreSQL can plan index-only scans."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (Therapist, Listing):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
