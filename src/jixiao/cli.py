"""The command line: a first-class interface over the same readers, review and services as the web.

jixiao read FILE [--json]            read a declaration and print its tables
jixiao check FILE… [--json|--xlsx]   review: every finding with its table, row and basis
jixiao import PATH… [--yes]          dry run, then store each readable file (all or nothing)
jixiao export OUT --year Y           write a department, a year or a district in any format
jixiao synth OUT                     synthetic declarations for benchmarks and drills
jixiao demo                          migrate the database and load the seed as demo data
jixiao serve                         serve the web site
See docs/cli.md.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from jixiao.domain.model import Document
from jixiao.domain.money import format_amount
from jixiao.readers import ReadError, read_path
from jixiao.writers.json import document_to_dict

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="jixiao 预算绩效目标管理",
    pretty_exceptions_show_locals=False,
)
out = Console()
err = Console(stderr=True)

SEED = Path(__file__).resolve().parent / "demo_data" / "000_0e2ef6552dc4366c.txt"


def _fail_read(exc: ReadError) -> None:
    err.print(f"[bold red]读取失败[/]：{exc}", highlight=False)
    raise typer.Exit(2)


def _print_document(doc: Document) -> None:
    out.print(
        f"[bold]{doc.department or '（未写明部门）'}[/]  {f'{doc.fiscal_year} 年' if doc.fiscal_year else '年度未知'}  "
        f"金额单位：{doc.money_unit}  共 {len(doc.tables)} 张表  （{doc.source_path}）",
        highlight=False,
    )
    for n, t in enumerate(doc.tables, start=1):
        heading = f"{n}. {t.title}" + (f" — {t.name}" if t.name else "")
        out.rule(heading)
        facts = [
            ("业务主管部门", t.department),
            ("编制单位", t.preparer),
            ("预算总额", format_amount(t.budget_total) if t.budget_total is not None else None),
        ]
        facts += [
            (b.label, format_amount(b.amount) if b.amount is not None else "（空）") for b in t.budget_lines
        ]
        for label, value in facts:
            if value:
                out.print(f"[dim]{label}[/]：{value}", highlight=False)
        for label, text in (("项目概况", t.overview), ("立项依据", t.basis), ("绩效目标", t.goal)):
            if text:
                out.print(f"[dim]{label}[/]：{text}", highlight=False)
        grid = Table(show_lines=False, header_style="bold")
        for col in ("行", "一级", "二级", "指标", "权重", "方向", "指标值", "计量单位"):
            grid.add_column(col)
        for ind in t.indicators:
            grid.add_row(
                str(ind.where.line or ind.where.row or ""),
                ind.level1 or ind.raw.get("level1", ""),
                ind.level2 or "",
                ind.name,
                ind.raw.get("weight", ""),
                ind.operator or "",
                ind.raw.get("value", ind.value or ""),
                ind.raw.get("unit", ind.unit or ""),
            )
        out.print(grid)
        out.print(f"权重合计：{t.weight_total}", highlight=False)
    for w in doc.warnings:
        out.print(f"[yellow]提示[/] {w.where.describe()}：{w.message}", highlight=False)


@app.command()
def read(
    file: Annotated[Path, typer.Argument(help="要读取的文件")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 jixiao.document/1 JSON")] = False,
) -> None:
    """读取一份绩效目标文件并显示其中的表格。"""
    try:
        doc = read_path(file)
    except ReadError as exc:
        _fail_read(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_document(doc)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="要审核的文件")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 jixiao.findings/1 JSON")] = False,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="把审核意见另存为 Excel")] = None,
    region: Annotated[str, typer.Option(help="适用的地区参数")] = "全国",
    previous: Annotated[
        Path | None, typer.Option(help="上年的自评表（含实际完成值），用于检查目标是否低于上年实际")
    ] = None,
) -> None:
    """审核绩效目标表：逐表逐行列出问题、原因和依据。有“错误”级问题时退出状态为 1。"""
    from jixiao.domain.review import findings_to_dict, load_params, review

    results = []
    status = 0
    last_year = None
    if previous is not None:
        try:
            last_year = read_path(previous)
        except ReadError as exc:
            _fail_read(exc)
    from rich.progress import Progress

    with Progress(console=err, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("审核", total=len(files))
        for f in files:
            progress.advance(task)
            try:
                doc = read_path(f)
            except ReadError as exc:
                err.print(f"[bold red]读取失败[/]：{exc}", highlight=False)
                status = 2
                continue
            results.append((doc, review(doc, load_params(region, doc.fiscal_year), last_year)))
    if as_json:
        if len(results) == 1:
            data = findings_to_dict(results[0][1], results[0][0].source_path)
        else:
            data = findings_to_dict([], None)
            data["findings"] = [
                {**finding.as_dict(), "source": doc.source_path} for doc, fs in results for finding in fs
            ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for doc, findings in results:
            _print_findings(doc, findings)
    if xlsx is not None:
        from jixiao.writers.findings_xlsx import write_findings_xlsx

        write_findings_xlsx(xlsx, results)
        if not as_json:
            out.print(f"审核意见已保存：{xlsx}", highlight=False)
    if status == 0 and any(f.severity == "error" for _, fs in results for f in fs):
        status = 1
    raise typer.Exit(status)


def _print_findings(doc: Document, findings: list) -> None:  # type: ignore[type-arg]
    from jixiao.domain.review.finding import SEVERITY_ZH

    colour = {"error": "red", "warning": "yellow", "info": "cyan"}
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    out.rule(f"{doc.source_path} — 错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}")
    grid = Table(header_style="bold", show_lines=True)
    for col in ("表", "行", "级别", "代码", "问题与修改建议", "依据"):
        grid.add_column(col, overflow="fold")
    for f in findings:
        grid.add_row(
            "" if f.table is None else str(f.table + 1),
            "" if f.indicator is None else str(f.indicator + 1),
            f"[{colour[f.severity]}]{SEVERITY_ZH[f.severity]}[/]",
            f.code,
            f.message,
            f.basis,
        )
    out.print(grid)


@app.command()
def synth(
    out_path: Annotated[Path, typer.Argument(help="输出文件（.csv 或 .json）")],
    indicators: Annotated[int, typer.Option(help="指标个数")] = 100_000,
    seed: Annotated[int, typer.Option(help="随机种子（相同种子得到相同数据）")] = 2024,
) -> None:
    """生成合成的绩效目标数据（用于性能测试和演练），含已知比例的常见问题。"""
    from jixiao.synth import synth_document
    from jixiao.writers.csv import write_csv

    doc = synth_document(indicators, seed=seed)
    if out_path.suffix == ".json":
        out_path.write_text(json.dumps(document_to_dict(doc), ensure_ascii=False), encoding="utf-8")
    else:
        write_csv(doc, out_path)
    total = sum(len(t.indicators) for t in doc.tables)
    out.print(f"已生成 {out_path}：{len(doc.tables)} 张表，{total} 个指标", highlight=False)


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="要导入的文件或文件夹")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查，不导入")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="检查后直接导入，不再询问")] = False,
) -> None:
    """导入文件：先逐个检查（将存入什么、每条提示和错误及其位置），确认后再导入，每个文件要么全部存入，要么一条也不存。"""
    from rich.progress import Progress

    from jixiao.services.imports import check_file, expand

    files = expand(paths)
    if not files:
        err.print("没有找到可导入的文件（支持 txt、csv、html、xls、xlsx、docx、pdf、json）。")
        raise typer.Exit(2)
    checks = []
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("检查文件", total=len(files))
        for f in files:
            checks.append((f, check_file(f)))
            progress.advance(task)
    grid = Table(title="导入检查（尚未存入）", header_style="bold", show_lines=True)
    for col in ("文件", "将存入", "错误 / 警告 / 提示", "读取提示与错误"):
        grid.add_column(col, overflow="fold")
    for _f, c in checks:
        counts = (
            f"{c.findings.get('error', 0)} / {c.findings.get('warning', 0)} / {c.findings.get('info', 0)}"
            if c.ok
            else ""
        )
        notes = c.error if c.error else "\n".join(c.warnings)
        grid.add_row(c.name, c.summary(), counts, f"[red]{notes}[/]" if c.error else notes)
    out.print(grid)
    good = [(f, c) for f, c in checks if c.ok]
    bad = len(checks) - len(good)
    out.print(f"可导入 {len(good)} 个文件，无法读取 {bad} 个。", highlight=False)
    if dry_run or not good:
        raise typer.Exit(2 if bad else 0)
    if not yes:
        if not sys.stdin.isatty():
            out.print("未导入：确认后请加 --yes 再运行。", highlight=False)
            raise typer.Exit(2 if bad else 0)
        if not typer.confirm("确认导入以上可读取的文件？"):
            raise typer.Exit(1)
    _django()
    _migrate()
    from jixiao.services.documents import do_load_document

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("导入", total=len(good))
        for f, c in good:
            assert c.document is not None
            _, created = do_load_document(c.document, content=f.read_bytes(), actor=None)
            out.print(f"{'已导入' if created else '已存在，未重复导入'}：{c.name}", highlight=False)
            progress.advance(task)
    raise typer.Exit(2 if bad else 0)


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(help="输出文件（加 --per-department 时为文件夹）")],
    year: Annotated[int, typer.Option(help="预算年度")],
    department: Annotated[str | None, typer.Option(help="只导出这个部门")] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="xlsx、docx、pdf、html、csv 或 json（默认看扩展名）")
    ] = None,
    per_department: Annotated[
        bool, typer.Option("--per-department", help="每个部门一个文件，放在输出文件夹中")
    ] = False,
) -> None:
    """从数据库导出一个部门、一个年度或整个地区的绩效目标表。"""
    from rich.progress import Progress

    _django()
    from jixiao.services.exports import department_documents, merged
    from jixiao.writers import WRITERS, write

    parts = department_documents(year, department)
    if not parts:
        err.print(f"数据库中没有{department or ''} {year} 年的绩效目标表。", highlight=False)
        raise typer.Exit(2)
    if per_department:
        kind = (fmt or "xlsx").lower()
        if kind not in WRITERS:
            err.print(f"不支持的导出格式：{kind}（可选：{'、'.join(WRITERS)}）")
            raise typer.Exit(2)
        out_path.mkdir(parents=True, exist_ok=True)
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("导出", total=len(parts))
            for name, doc in parts:
                target = out_path / f"{name}-{year}.{kind}"
                write(doc, target, kind)
                out.print(f"已导出：{target}", highlight=False)
                progress.advance(task)
        return
    try:
        write(merged(year, parts), out_path, fmt)
    except ValueError as exc:
        err.print(str(exc))
        raise typer.Exit(2) from exc
    tables = sum(len(d.tables) for _, d in parts)
    out.print(f"已导出：{out_path}（{len(parts)} 个部门，{tables} 张表）", highlight=False)


@app.command()
def demo() -> None:
    """建库（迁移）、载入种子文件作为演示数据，并显示演示账号。"""
    _django()
    _migrate()
    from jixiao.services.demo import do_load_demo

    login = do_load_demo(SEED)
    out.print(f"数据目录：{login.data_dir}", highlight=False)
    out.print(f"演示数据：{login.summary}", highlight=False)
    out.print(f"演示账号：用户名 [bold]{login.username}[/]  密码 [bold]{login.password}[/]", highlight=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
) -> None:
    """启动网站。"""
    _django()
    _migrate()
    from django.core.management import call_command

    out.print(f"网站地址：http://{host}:{port}/   管理后台：http://{host}:{port}/admin/", highlight=False)
    call_command("runserver", f"{host}:{port}", use_reloader=False, insecure_serving=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
