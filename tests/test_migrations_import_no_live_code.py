"""Migrations import only Django and nothing of the project's own live code, so that editing a model,
a list or a wording can never change what an old migration does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = sorted(
    path for path in ROOT.glob("*/migrations/*.py") if path.name != "__init__.py" and ".venv" not in path.parts
)


def imported_modules(source: str) -> list[str]:
    """Every module a file imports, at the top or inside a function; relative imports count as local."""
    modules = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.append(node.module)
    return modules


def is_django(module: str) -> bool:
    return module == "django" or module.startswith("django.")


def test_it_finds_the_migrations_of_both_apps() -> None:
    apps = {path.parent.parent.name for path in MIGRATIONS}
    assert {"profiles", "questionnaire"} <= apps


def test_it_would_notice_a_live_import_inside_a_function() -> None:
    source = "from django.db import migrations\n\ndef load(apps, schema_editor):\n    from profiles.models import X\n"
    assert [module for module in imported_modules(source) if not is_django(module)] == ["profiles.models"]


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda path: f"{path.parent.parent.name}/{path.stem}")
def test_each_migration_imports_only_django(path: Path) -> None:
    live = [module for module in imported_modules(path.read_text()) if not is_django(module)]

    assert live == []
