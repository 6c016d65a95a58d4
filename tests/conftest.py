"""Shared fixtures: the real seed document and its expected facts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_NAME = "000_0e2ef6552dc4366c.txt"
SEED = (
    SHARED / "seed" / SEED_NAME
    if (SHARED / "seed" / SEED_NAME).exists()
    else ROOT / "src/jixiao/demo_data" / SEED_NAME
)
EXPECTED = SHARED / "seed" / "expected.yaml"
ARTIFACTS = ROOT / "test-artifacts"
ON_CI = os.environ.get("CI") == "true"


def need_tool(path: str) -> None:
    """Skip when a tool is missing — except on CI, where a missing tool is a failure."""
    if shutil.which(path) is None and not Path(path).exists():
        if ON_CI:
            pytest.fail(f"{path} is required on CI")
        pytest.skip(f"{path} not installed")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def expected() -> dict:
    if not EXPECTED.exists():
        if ON_CI:
            pytest.fail(f"{EXPECTED} missing")
        pytest.skip("shared/seed/expected.yaml not beside the repository")
    return yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(config, items):
    """Mark every test that touches the database, so CI can rerun exactly those on PostgreSQL."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & {
            "db",
            "transactional_db",
            "live_server",
            "admin_client",
        }:
            item.add_marker(pytest.mark.db)


@pytest.fixture
def record(seed_path, db):
    """The seed stored in the database (its findings with it)."""
    from jixiao.readers import read_path
    from jixiao.services.documents import do_load_document

    stored, _ = do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    return stored


@pytest.fixture
def reviewer(django_user_model):
    """A user of the 财政审核人 group, fetched fresh so permissions come from the group."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("reviewer", password="x" * 12)
    user.groups.add(Group.objects.get(name="财政审核人"))
    return django_user_model.objects.get(pk=user.pk)
