"""Every rule has a card in docs/rules/, and each card's two examples behave as the card says."""

import pytest

from jixiao.domain.review import RULES, review
from tests.rule_examples import RULES_DIR, card_examples, document

CODES = sorted(RULES)


def test_every_rule_has_a_card():
    missing = [code for code in CODES if not (RULES_DIR / f"{code}.md").exists()]
    assert missing == []


def test_every_card_names_a_rule():
    cards = {p.stem for p in RULES_DIR.glob("*.md")} - {"README"}
    assert sorted(cards - set(RULES)) == []


def test_index_lists_every_rule():
    index = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    assert [c for c in CODES if f"[{c}]({c}.md)" not in index] == []


@pytest.mark.parametrize("code", CODES)
def test_card_example_triggers(code):
    examples = card_examples(RULES_DIR / f"{code}.md")
    doc, previous = document(examples["triggers"])
    found = [f for f in review(doc, previous=previous) if f.code == code]
    assert found, f"{code}: the triggering example in its card was not reported"
    for f in found:
        assert f.message and f.basis and f.severity in ("error", "warning", "info")
        assert f.table is not None  # every finding names its table


@pytest.mark.parametrize("code", CODES)
def test_card_example_passes(code):
    examples = card_examples(RULES_DIR / f"{code}.md")
    doc, previous = document(examples["passes"])
    found = [f.message for f in review(doc, previous=previous) if f.code == code]
    assert found == []


@pytest.mark.parametrize("code", CODES)
def test_card_states_severity_and_basis(code):
    text = (RULES_DIR / f"{code}.md").read_text(encoding="utf-8")
    rule = RULES[code]
    assert f"({rule.severity})" in text.replace("（", "(").replace("）", ")")
    assert "依据" in text and "检查什么" in text and "为什么" in text
