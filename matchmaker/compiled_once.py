"""Model instances read through a statement the ORM compiled once, for the pages people reload most.

Building a query through the ORM (resolving lookups, choosing columns, writing SQL) costs several
times what PostgreSQL needs to run a lookup by an indexed column. For a lookup whose shape never
changes, only its values, the ORM writes the statement once per process, database and number of
values, and each request runs it with its own values and builds instances as the ORM would
(Model.from_db, after the fields' converters). The ORM remains the only author of the SQL.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models


@dataclass(frozen=True)
class Statement:
    sql: str
    names: list[str]  # the attribute each column fills
    converters: dict[int, tuple[list[Any], Any]]  # column position: (functions, expression)


@functools.cache
def statement(model: type[models.Model], lookup: str, count: int, fields: tuple[str, ...], alias: str) -> Statement:
    """The ORM's statement for `model` rows matching `lookup` on `count` values, reading `fields` (all if empty)."""
    markers = list(range(1, count + 1))  # distinct, so that "in" keeps them all, in order
    queryset = model._default_manager.filter(**{lookup: markers if lookup.endswith("__in") else markers[0]})
    if fields:
        queryset = queryset.only(*fields)
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    if [str(param) for param in params] != [str(marker) for marker in markers]:  # a text field takes them as text
        raise ImproperlyConfigured(f"{model.__name__}.{lookup}: expected only the looked-up values as parameters.")
    columns = [column for column, _, _ in compiler.select]
    return Statement(sql, [column.target.attname for column in columns], compiler.get_converters(columns))


def instances[Instance: models.Model](
    model: type[Instance], lookup: str, values: list[Any], *, fields: tuple[str, ...] = (), using: str = "default"
) -> list[Instance]:
    """The `model` rows where `lookup` matches `values` (one value unless the lookup ends in __in)."""
    if not values:
        return []
    found = statement(model, lookup, len(values), fields, using)
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(found.sql, values)
        rows = cursor.fetchall()
    made = []
    for row in rows:
        row_values = list(row)
        for position, (functions, expression) in found.converters.items():
            for convert in functions:
                row_values[position] = convert(row_values[position], expression, connection)
        made.append(model.from_db(using, found.names, row_values))
    return made
