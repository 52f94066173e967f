"""The Nu Html Checker (vnu, npm ``vnu-jar``) on every page of a real build and on latar's CSS."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_ERRORS = (
    # Material's own markup, the same on a stock Material site (its templates, not latar's output):
    # the drawer and search toggles are <input type="checkbox" autocomplete="off">, which keeps
    # Firefox from restoring their state on reload; the HTML standard allows autocomplete only on text-like inputs.
    ("Attribute “autocomplete” is only allowed when the input type is", '<input class="md-toggle" data-md-toggle='),
)


def _theirs(message: dict) -> bool:
    return any(message["message"].startswith(text) and marker in message.get("extract", "") for text, marker in THEME_ERRORS)


pytestmark = [pytest.mark.tools, pytest.mark.content]  # vnu on Java, on the real site


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


def vnu(*args: str) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("vnu needs Java 17+ and 'npm ci --prefix tests' (make test runs it)")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", *args], capture_output=True, text=True, check=False)
    return json.loads(result.stderr)["messages"]


def test_vnu_finds_no_error_in_latars_markup_on_any_page(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    messages = vnu(*map(str, pages))
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    assert [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in errors if not _theirs(m)] == []


def test_vnu_finds_no_error_in_latars_css(site: Path) -> None:
    messages = vnu("--css", str(site / "assets" / "latar" / "latar.css"))
    assert [f"{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"] == []
