"""The client side may use the therapist side, never the other way round; what both read imports neither."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str, root: Path = ROOT) -> dict[str, set[str]]:
    """Every module each file of a package imports, including imports inside functions."""
    found: dict[str, set[str]] = {}
    for path in sorted((root / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(root))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...], root: Path = ROOT) -> list[str]:
    return sorted(
        f"{file} imports {name}"
        for file, names in imported_modules(package, root).items()
        for name in names
        if name.split(".")[0] in forbidden
    )


def test_the_therapist_side_never_imports_the_client_side() -> None:
    assert offenders("profiles", ("questionnaire",)) == []


def test_requests_and_check_ins_import_neither_side() -> None:
    assert offenders("matchmaker/alliance", ("profiles", "questionnaire")) == []


def test_the_check_finds_an_import_hidden_in_a_function(tmp_path: Path) -> None:
    (tmp_path / "side").mkdir()
    (tmp_path / "side" / "views.py").write_text("def f():\n    from questionnaire.models import Client\n")
    assert offenders("side", ("questionnaire",), root=tmp_path) == ["side/views.py imports questionnaire.models"]
