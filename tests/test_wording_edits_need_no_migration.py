"""Rewording a style scale in the registry changes what people read, and needs no migration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: the registry is reworded before Django builds the models from it.
REWORDED = """
import dataclasses

from matchmaker import dimensions

def reworded(dimension):
    words = {
        name: f"{getattr(dimension, name)} (reworded)"
        for name in ("title", "client_question", "client_low", "client_high", "example_low", "example_high",
                     "therapist_low", "therapist_high", "short_low", "short_high")
    }
    return dataclasses.replace(dimension, **words)

dimensions.DIMENSIONS = tuple(reworded(d) for d in dimensions.DIMENSIONS)
dimensions.BY_KEY = {d.key: d for d in dimensions.DIMENSIONS}

import django

django.setup()

from django.core.management import call_command

from profiles.admin import TherapistAdmin
from profiles.forms import StyleForm
from profiles.models import Therapist
from questionnaire.forms import RefineForm
from django.contrib.admin import site

print("style step:", StyleForm().fields["approach"].label)
print("refine form:", RefineForm().fields["approach_importance"].label)
admin_form = TherapistAdmin(Therapist, site).get_form(None, fields=["approach", "approach_note"])
print("admin:", admin_form.base_fields["approach"].label, "|", admin_form.base_fields["approach"].help_text)
call_command("makemigrations", "profiles", "questionnaire", check=True, dry_run=True, verbosity=1)
"""


@pytest.fixture(scope="module")
def reworded_run(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "matchmaker.settings",
        "DEBUG": "true",
        # A database of its own, so that the check never touches another one.
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('reworded') / 'db.sqlite3'}",
    }
    return subprocess.run(
        [sys.executable, "-c", REWORDED], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_it_detects_no_changes_after_every_wording_of_every_scale_changes(
    reworded_run: subprocess.CompletedProcess[str],
) -> None:
    assert reworded_run.returncode == 0, reworded_run.stdout + reworded_run.stderr
    assert "No changes detected" in reworded_run.stdout


def test_the_reworded_titles_still_reach_the_forms_and_the_admin(
    reworded_run: subprocess.CompletedProcess[str],
) -> None:
    out = reworded_run.stdout
    assert "style step: Coping skills or old patterns (reworded): in my sessions I usually …" in out
    assert "refine form: How much does “coping skills or old patterns (reworded)” matter to you?" in out
    assert (
        "admin: Coping skills or old patterns (reworded) | 1 = skills-focused (reworded), 7 = depth-focused (reworded)"
        in out
    )
