"""Review: rules that find the defects an expert reviewer would, each with a reason and a basis."""

from __future__ import annotations

from jixiao.domain.cache import gc_paused
from jixiao.domain.model import Document
from jixiao.domain.review import (  # noqa: F401  (importing registers the rules)
    appropriateness,
    completeness,
    consistency,
    measurability,
    monitoring,
    self_evaluation,
    year_over_year,
)
from jixiao.domain.review.context import ReviewContext
from jixiao.domain.review.finding import RULES, SEVERITY_RANK, Finding, Rule
from jixiao.domain.review.params import ReviewParams, load_params

FORMAT = "jixiao.findings/1"

__all__ = ["FORMAT", "RULES", "Finding", "Rule", "ReviewParams", "findings_to_dict", "load_params", "review"]


def review(
    doc: Document, params: ReviewParams | None = None, previous: Document | None = None
) -> list[Finding]:
    """Every finding on the document, ordered by table, row and severity."""
    with gc_paused():
        ctx = ReviewContext(doc, params or load_params(year=doc.fiscal_year), previous)
        findings = [f for r in RULES.values() for f in r.check(ctx)]
    findings.sort(
        key=lambda f: (
            -1 if f.table is None else f.table,
            -1 if f.indicator is None else f.indicator,
            SEVERITY_RANK[f.severity],
            f.code,
        )
    )
    return findings


def findings_to_dict(findings: list[Finding], source: str | None = None) -> dict[str, object]:
    return {"format": FORMAT, "source": source, "findings": [f.as_dict() for f in findings]}
