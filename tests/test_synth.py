"""Synthetic data is deterministic and carries the defects review must find."""

from collections import Counter

from jixiao.domain.review import review
from jixiao.synth import synth_document


def test_same_seed_same_data():
    a, b = synth_document(400, seed=7), synth_document(400, seed=7)
    assert [[i.name for i in t.indicators] for t in a.tables] == [
        [i.name for i in t.indicators] for t in b.tables
    ]
    assert sum(len(t.indicators) for t in a.tables) == 400


def test_injected_defects_are_found():
    codes = Counter(f.code for f in review(synth_document(4000, seed=1)))
    for code in ("values-copied-from-weights", "level1-missing", "rate-not-percent", "satisfaction-below-floor",
                 "placeholder-left"):  # fmt: skip
        assert codes[code] > 0, code
    assert codes["duplicate-indicator"] == 0  # the generator keeps names distinct within a table
