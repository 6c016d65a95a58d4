from decimal import Decimal

import pytest

from jixiao.domain.review import params as P


def test_national_defaults():
    p = P.load_params()
    assert Decimal(90) in p.weight_totals and Decimal(100) in p.weight_totals
    assert p.required_level1["project"] == ("产出", "效益")
    assert p.satisfaction_floor == Decimal(85)


def test_a_regional_file_overrides_for_its_years(monkeypatch):
    base = P._files()
    local = {"version": "test", "region": "某市", "years": [2024, 2025], "satisfaction_floor": 95}
    monkeypatch.setattr(P, "_files", lambda: [*base, local])
    monkeypatch.setattr(P, "_CACHE", {})
    assert P.load_params("某市", 2024).satisfaction_floor == Decimal(95)
    assert P.load_params("某市", 2023).satisfaction_floor == Decimal(85)  # outside its years
    assert P.load_params("别的市", 2024).satisfaction_floor == Decimal(85)  # another region


def test_a_bad_severity_is_refused(monkeypatch):
    base = P._files()
    monkeypatch.setattr(
        P,
        "_files",
        lambda: [
            *base,
            {"version": "x", "region": "某市", "years": [2000, 2100], "satisfaction_severity": "fatal"},
        ],
    )
    monkeypatch.setattr(P, "_CACHE", {})
    with pytest.raises(ValueError, match="级别"):
        P.load_params("某市", 2024)


def test_a_year_before_any_rules_is_reviewed_by_the_national_defaults():
    """A 2012 table (older than every rule file) is reviewed by the defaults, not refused with a crash."""
    old, now = P.load_params("全国", 2012), P.load_params("全国", 2024)
    assert old.version == now.version and old.weight_totals == now.weight_totals
    assert P.load_params("重庆", 1999).required_level1 == P.load_params("重庆", None).required_level1
