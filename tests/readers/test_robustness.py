"""Whatever text arrives, the reader answers with a document or a located ReadError — never a crash."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.domain.review import review
from jixiao.readers import ReadError, read_path

WORDS = [
    "部门整体绩效目标表", "项目支出绩效目标表", "部门专项绩效目标申报表", "项目支出绩效自评表", "项目名称", "业务主管部门",
    "编制单位：", "单位：万元", "2024年预算", "年度资金总额", "区级支出", "补助街镇", "当年绩效目标", "绩效指标", "指标",
    "指标权重", "计量单位", "指标性质", "指标值", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
    "得分", "总分", "产出", "效益", "满意度", "成本", "产出指标", "数量指标", "20%", "30", "≥90%", "≤0人次", "10.14",
    "1,234.50", "人次", "件", "23", "优良", "2023.07-2024.01", "**", "零进京上访", "满意度90%", "", " ", "\u3000",
    "自评等级：优", "序号", "指标解释", "（盖章）", "=SUM(A1)",
]  # fmt: skip
SEPARATORS = ["\n", "\n\t", "\t", " | ", "|\n", "\n|\n", "  ", "\n\n"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=80))
def test_random_tables_never_crash(tmp_path, parts):
    f = tmp_path / "random.txt"
    f.write_text("".join(w + s for w, s in parts), encoding="utf-8")
    try:
        doc = read_path(f)
    except ReadError as exc:
        assert str(exc).startswith("random.txt")
        return
    review(doc)  # and review copes with whatever was read
    for t in doc.tables:
        assert t.indicators


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "bytes.xlsx"
        f.write_bytes(data)
        try:
            read_path(f)
        except ReadError:
            pass


def test_damaged_office_and_pdf_files_never_crash(tmp_path, seed_path):
    import random

    from jixiao.writers.docx import write_docx
    from jixiao.writers.pdf import write_pdf
    from jixiao.writers.xlsx import write_xlsx

    doc = read_path(seed_path)
    rng = random.Random(7)
    for ext, write in (("xlsx", write_xlsx), ("docx", write_docx), ("pdf", write_pdf)):
        good = tmp_path / f"good.{ext}"
        write(doc, good)
        data = bytearray(good.read_bytes())
        for k in range(12):
            bad = bytearray(data)
            for _ in range(20):  # flip bytes, or cut the file short
                bad[rng.randrange(len(bad))] = rng.randrange(256)
            if k % 3 == 0:
                bad = bad[: rng.randrange(len(bad))]
            f = tmp_path / f"bad{k}.{ext}"
            f.write_bytes(bytes(bad))
            try:
                read_path(f)
            except ReadError as exc:
                assert str(exc).startswith(f.name)
