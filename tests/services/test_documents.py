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


def test_a_department_printed_with_its_budget_code_is_the_same_department(tmp_path):
    """主管部门及代码 prints "[201]某区城市管理局": one department with the tables that print its name
    alone, and the table keeps what it printed."""
    rows = [
        "2025年项目支出绩效目标表",
        "项目名称\t{name}\t主管部门及代码\t{dept}",
        "年度资金总额\t100.00",
        "年度绩效目标\t全年清运生活垃圾18万吨，居民满意度达到90%以上。",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t生活垃圾清运量\t≥18万吨",
        "满意度指标\t服务对象满意度指标\t居民满意度\t≥90%",
    ]
    for k, dept in enumerate(["[201]某区城市管理局", "某区城市管理局", "201-某区城市管理局"]):
        f = tmp_path / f"t{k}.txt"
        f.write_text("\n".join(rows).format(name=f"垃圾清运{k}", dept=dept), encoding="utf-8")
        do_load_document(read_path(f), content=f.read_bytes(), actor=None)
    assert list(db.Department.objects.values_list("name", flat=True)) == ["某区城市管理局"]
    assert sorted(db.TargetTable.objects.values_list("department_raw", flat=True)) == [
        "201-某区城市管理局",
        "[201]某区城市管理局",
        "某区城市管理局",
    ]
