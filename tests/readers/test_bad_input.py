"""Bad input: one clear Chinese message naming the file (and line), exit status 2, nothing stored."""

import subprocess
import sys

import pytest

from jixiao.readers import ReadError, read_path

JIXIAO = [sys.executable, "-m", "jixiao.cli"]


def _cut_after_title(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    head = text.split("\t绩效指标")[0]  # the department table without its indicator header or rows
    return head


@pytest.fixture
def bad_files(tmp_path, seed_path):
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "notable.txt": "关于做好2024年预算编制工作的通知\n\n各部门：\n请按时报送。\n".encode(),
        "noindicators.txt": _cut_after_title(seed_path).encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("empty.txt", "文件是空的"),
        ("binary.txt", "不是文本文件"),
        ("notable.txt", "没有找到绩效目标表"),
        ("noindicators.txt", "没有任何指标行"),
    ],
)
def test_read_error_names_the_file(bad_files, name, phrase):
    with pytest.raises(ReadError) as info:
        read_path(bad_files / name)
    message = str(info.value)
    assert message.startswith(name) and phrase in message


def test_missing_indicator_rows_names_the_line(bad_files):
    with pytest.raises(ReadError) as info:
        read_path(bad_files / "noindicators.txt")
    assert "第 2 行" in str(info.value)  # the table's title line


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "notable.txt", "noindicators.txt"])
def test_cli_exit_status_2_with_one_message(bad_files, name):
    run = subprocess.run([*JIXIAO, "read", str(bad_files / name)], capture_output=True, text=True)
    assert run.returncode == 2
    assert name in run.stderr and "读取失败" in run.stderr
    assert run.stdout == ""
    assert "Traceback" not in run.stderr


def test_missing_file(tmp_path):
    run = subprocess.run([*JIXIAO, "read", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert run.returncode == 2 and "文件不存在" in run.stderr


def test_truncated_table_is_read_and_reported(tmp_path, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    cut = text[: text.index("进京上访非访0人次") + 20]  # inside the third row of project table 1
    f = tmp_path / "cut.txt"
    f.write_text(cut, encoding="utf-8")
    doc = read_path(f)
    assert len(doc.tables) == 2 and len(doc.tables[1].indicators) == 2
    assert any("截断" in w.message and w.where.line for w in doc.warnings)


def test_a_truncated_xls_is_a_read_error_and_prints_nothing(tmp_path, capfd):
    """A legacy .xls cut short: one Chinese message naming the file; the format scan (xlrd, which
    reports damage on stdout by default) prints nothing beside `jixiao read --json`'s document."""
    from pathlib import Path

    whole = (Path(__file__).parents[1] / "fixtures/layouts/xls_percent_weights.xls").read_bytes()
    f = tmp_path / "半个.xls"
    f.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ReadError) as info:
        read_path(f)
    assert str(info.value).startswith("半个.xls") and "Excel" in str(info.value)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
