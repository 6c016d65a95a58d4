"""Every fact of shared/seed/expected.yaml, checked against a `jixiao.document/1` dict.

Used on the reader's output, on what the database holds after loading, and (later) on what our
writers produce and read back, so that all layers are held to the same facts.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

WS = " \t\r\n\u3000\u00a0"


def _norm(s: Any) -> str | None:
    return None if s is None else str(s).strip(WS)


def _dec(x: Any) -> Decimal | None:
    if x is None:
        return None
    try:
        return Decimal(str(x).strip(WS).rstrip("%"))
    except (InvalidOperation, ValueError):
        return None


def missed_facts(doc: dict[str, Any], exp: dict[str, Any]) -> tuple[list[str], int]:
    """→ (the facts that do not hold, how many facts were checked)."""
    missed: list[str] = []
    count = 0

    def fact(label: str, ok: bool, got: Any = None) -> None:
        nonlocal count
        count += 1
        if not ok:
            missed.append(f"{label} (got {got!r})")

    d = exp["document"]
    fact("format", doc.get("format") == "jixiao.document/1", doc.get("format"))
    fact("fiscal_year", doc.get("fiscal_year") == d["fiscal_year"], doc.get("fiscal_year"))
    fact("department", _norm(doc.get("department")) == d["department"], doc.get("department"))
    fact("money_unit", _norm(doc.get("money_unit")) == d["currency_unit"], doc.get("money_unit"))
    tables = doc.get("tables") or []
    fact("table_count", len(tables) == d["table_count"], len(tables))
    dept = [t for t in tables if t.get("kind") == "department"]
    proj = [t for t in tables if t.get("kind") == "project"]

    def indicators(prefix: str, t: dict[str, Any], inds: list[dict[str, Any]], weight_total: int) -> None:
        got = t.get("indicators") or []
        fact(f"{prefix} indicator count", len(got) == len(inds), len(got))
        total = sum((_dec(g.get("weight")) or Decimal(0)) for g in got)
        fact(f"{prefix} weight total", total == Decimal(weight_total), total)
        for i, e in enumerate(inds):
            g = got[i] if i < len(got) else {}
            raw = g.get("raw") or {}
            fact(f"{prefix}[{i}] name", _norm(g.get("name")) == e["name"], g.get("name"))
            fact(f"{prefix}[{i}] weight", _dec(g.get("weight")) == Decimal(str(e["weight"])), g.get("weight"))
            fact(f"{prefix}[{i}] unit", _norm(raw.get("unit", g.get("unit"))) == e["unit"], raw.get("unit"))
            fact(f"{prefix}[{i}] level1", _norm(g.get("level1")) == e["category"], g.get("level1"))
            fact(f"{prefix}[{i}] value", _dec(g.get("value")) == _dec(e["value_raw"]), g.get("value"))
            fact(f"{prefix}[{i}] raw value", _norm(raw.get("value")) == e["value_raw"], raw.get("value"))

    dt = exp["department_table"]
    t = dept[0] if dept else {}
    fact("department table present", len(dept) == 1, len(dept))
    fact("department title", _norm(t.get("title")) == dt["title"], t.get("title"))
    fact(
        "department budget_total",
        _dec(t.get("budget_total")) == Decimal(dt["total_budget"]),
        t.get("budget_total"),
    )
    fact("department goal start", (_norm(t.get("goal")) or "").startswith(dt["annual_goal_starts_with"]))
    fact("department goal end", (_norm(t.get("goal")) or "").endswith(dt["annual_goal_ends_with"]))
    fact(
        "department competent", _norm(t.get("department")) == dt["competent_department"], t.get("department")
    )
    indicators("department", t, dt["indicators"], dt["weight_total"])

    fact("project count", len(proj) == len(exp["project_tables"]), len(proj))
    for k, e in enumerate(exp["project_tables"]):
        t = proj[k] if k < len(proj) else {}
        p = f"project{k + 1}"
        fact(f"{p} name", _norm(t.get("name")) == e["name"], t.get("name"))
        fact(f"{p} budget", _dec(t.get("budget_total")) == Decimal(e["budget"]), t.get("budget_total"))
        fact(f"{p} budget as printed", str(t.get("budget_total")) == e["budget"], t.get("budget_total"))
        fact(f"{p} competent", _norm(t.get("department")) == e["competent_department"], t.get("department"))
        fact(f"{p} preparer", _norm(t.get("preparer")) == e["preparer"], t.get("preparer"))
        fact(f"{p} basis", _norm(t.get("basis")) == e["basis"], t.get("basis"))
        fact(f"{p} overview", (_norm(t.get("overview")) or "").startswith(e["overview_starts_with"]))
        fact(f"{p} goal", (_norm(t.get("goal")) or "").startswith(e["annual_goal_starts_with"]))
        lines = {_norm(b.get("label")): b for b in t.get("budget_lines") or []}
        district = lines.get("区级支出", {}).get("amount")
        fact(f"{p} 区级支出", _dec(district) == Decimal(e["district_spending"]), district)
        fact(
            f"{p} 补助街镇 present and empty", "补助街镇" in lines and lines["补助街镇"].get("amount") is None
        )
        indicators(p, t, e["indicators"], e["weight_total"])

    budgets = [_dec(t.get("budget_total")) or Decimal(0) for t in proj]
    fact("project budget sum", sum(budgets) == Decimal(exp["totals"]["project_budget_sum"]), sum(budgets))
    return missed, count
