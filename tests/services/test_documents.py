"""Loading a document: one service call, one transaction, the same facts back out of the database."""

from pathlib import Path

import pytest

from jixiao.readers import read_path
from jixiao.services import audit
from jixiao.services.documents import do_load_document, document_of
from jixiao.web.core import models as db
from jixiao.writers.json import document_to_dict
from tests.facts import missed_facts

pytestmark = pytest.mark.django_db


def test_database_holds_every_seed_fact(seed_path, expected):
    record, created = do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    assert created
    record = db.SourceDocument.objects.get(pk=record.pk)  # fresh from the database
    missed, count = missed_facts(document_to_dict(document_of(record)), expected)
    assert count > 200 and missed == []


def test_money_is_stored_as_integer_fen(seed_path):
    do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    dept = db.TargetTable.objects.get(kind="department")
    assert dept.budget_total_fen == 755_070_000  # 755.07 万元 = 7,550,700 元
    fens = list(db.TargetTable.objects.filter(kind="project").values_list("budget_total_fen", flat=True))
    assert sum(fens) == 248_730_000  # 248.73 万元, exact
    assert db.Indicator.objects.count() == 28
    assert db.Indicator.objects.first().weight_centi == 2000


def test_loading_twice_stores_once(seed_path):
    doc = read_path(seed_path)
    do_load_document(doc, content=seed_path.read_bytes(), actor=None)
    record, created = do_load_document(doc, content=seed_path.read_bytes(), actor=None)
    assert not created
    assert db.SourceDocument.objects.count() == 1 and db.TargetTable.objects.count() == 7


def test_load_writes_the_audit_log(seed_path, django_user_model):
    user = django_user_model.objects.create_user("filer", password="x" * 12)
    record, _ = do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=user)
    entry = db.AuditLog.objects.get(action="document.loaded")
    assert entry.actor == user and entry.object_id == record.pk and entry.data["indicators"] == 28


def test_a_failure_midway_stores_nothing(seed_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr("jixiao.services.documents.log_action", broken)
    with pytest.raises(RuntimeError):
        do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    assert db.SourceDocument.objects.count() == 0
    assert db.TargetTable.objects.count() == 0 and db.Indicator.objects.count() == 0
    assert audit.AuditLog.objects.count() == 0


def test_the_same_declaration_from_another_format_replaces_the_old(seed_path, tmp_path):
    from jixiao.writers.xlsx import write_xlsx

    first, _ = do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    xlsx = tmp_path / "seed.xlsx"
    write_xlsx(read_path(seed_path), xlsx)
    second, created = do_load_document(read_path(xlsx), content=xlsx.read_bytes(), actor=None)
    assert created and second.pk != first.pk
    first.refresh_from_db()
    assert first.superseded_by == second  # kept, but no longer current
    current = db.TargetTable.objects.filter(document__superseded_by__isnull=True)
    assert current.count() == 7
    assert db.AuditLog.objects.filter(action="document.loaded").first().data["replaces"] == [
        first.pk
    ]  # newest first


LAYOUTS = sorted(
    p for p in (Path(__file__).parents[1] / "fixtures" / "layouts").iterdir() if p.suffix != ".yaml"
)


@pytest.mark.parametrize("path", LAYOUTS, ids=[p.name for p in LAYOUTS])
def test_database_holds_what_each_layout_read(path):
    """Everything a reader found comes back out of the database: the other header fields (年度履职目标,
    中长期目标, 监控期间 …), a self-evaluation's or monitoring table's execution, total and grade, and every
    indicator with its cells as printed."""
    doc = read_path(path)
    record, _ = do_load_document(doc, content=path.read_bytes(), actor=None)
    back = document_of(db.SourceDocument.objects.get(pk=record.pk))
    assert document_to_dict(back)["tables"] == document_to_dict(doc)["tables"]
