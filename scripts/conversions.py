"""Every layout fixture, turned into the files people make of it, read back and checked.

    .venv/bin/python scripts/conversions.py [--out DIR] [--kind KIND ...]

Each fixture in tests/fixtures/layouts/ with its .yaml is read, written by our docx and xlsx writers,
and converted as filers and sites convert documents: LibreOffice prints the workbook and the Word file
to PDF, saves them as .xls, as web pages, as CSV, as plain text and again as .xlsx/.docx;
pdftotext -layout copies the PDFs' text, and pdfplumber as a viewer copies it (cells a space apart); Chromium copies the fixtures' web pages and the pages
LibreOffice saved as text, as a reader copies a table off a site: as document.body.innerText gives it
and as a selection of the whole page copies (window.getSelection().toString(), what Ctrl+C gives). Each
result is read and compared with the fixture's facts (its .yaml, less the reader's name and the
warnings, which come from text our writers do not copy). Prints, per kind, how many read to the same
facts, and what differs for the others.

Needs LibreOffice (Writer and Calc), pdftotext and, for the web copies, Chromium at /usr/bin/chromium.
Not a test: the conversions take a few minutes, and the kinds that fail are the work still to do.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.readers import test_layouts  # noqa: E402

from jixiao.readers import ReadError, read_path  # noqa: E402
from jixiao.readers.legacy_word import converter  # noqa: E402
from jixiao.writers.docx import write_docx  # noqa: E402
from jixiao.writers.xlsx import write_xlsx  # noqa: E402

LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"
# kind → (what is converted, LibreOffice's target, the file's suffix)
OFFICE = {
    "excel-pdf": ("xlsx", "pdf", "pdf"),
    "word-pdf": ("docx", "pdf", "pdf"),
    "xls": ("xlsx", "xls", "xls"),
    "excel-html": ("xlsx", "html", "html"),
    "word-html": ("docx", "html:HTML (StarWriter)", "html"),
    "csv": ("xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv"),
    "word-txt": ("docx", "txt:Text (encoded):UTF8", "txt"),
    "xlsx-resaved": ("xlsx", "xlsx:Calc MS Excel 2007 XML", "xlsx"),
    "docx-resaved": ("docx", "docx:MS Word 2007 XML", "docx"),
}
TEXT_OF_PDF = {"excel-pdf-text": "excel-pdf", "word-pdf-text": "word-pdf"}
# the PDFs' text as a viewer copies it (pdfplumber's extract_text: a row a line, cells a space apart)
WORDS_OF_PDF = {"excel-pdf-words": "excel-pdf", "word-pdf-words": "word-pdf"}
# the web pages LibreOffice saved, copied as text in Chromium (Word's pages hold a paragraph a cell)
COPY_OF_PAGE = {"excel-html-copy": "excel-html", "word-html-copy": "word-html"}
# the same pages selected whole and copied as a browser puts a selection on the clipboard
# (window.getSelection().toString(): what Ctrl+C gives, which innerText does not quite)
SELECTION_OF_PAGE = {"excel-html-selection": "excel-html", "word-html-selection": "word-html"}
KINDS = [*OFFICE, *TEXT_OF_PDF, *WORDS_OF_PDF, *COPY_OF_PAGE, *SELECTION_OF_PAGE, "web-copy", "web-selection"]


def fixtures() -> list[Path]:
    return sorted(p for p in LAYOUTS.iterdir() if p.suffix != ".yaml" and p.with_suffix(".yaml").exists())


def office(sources: list[Path], target: str, out: Path, profile: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [converter(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
         "--outdir", str(out), *map(str, sources)],
        capture_output=True, timeout=1800, check=False,
    )  # fmt: skip


_SELECTED = (
    "() => { const s = window.getSelection(); s.selectAllChildren(document.body); return s.toString(); }"
)


def web_copies(pages: list[Path], out: Path, selection: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for html in pages:
            page.goto(html.as_uri())
            text = page.evaluate(_SELECTED if selection else "document.body.innerText")
            (out / f"{html.stem}.txt").write_text(text, encoding="utf-8")
        browser.close()


def check(path: Path, stem: str, work: Path) -> str | None:
    """None when the file reads to the fixture's facts, else what differs."""
    expected = yaml.safe_load((LAYOUTS / f"{stem}.yaml").read_text(encoding="utf-8"))
    for key in ("reader", "warnings", "warnings_mention"):
        expected.pop(key, None)
    for table in expected["tables"]:
        table.pop("notes", None)  # the official layouts our writers print have no column for notes
    case = work / "cases" / f"{stem}{path.suffix}"
    case.parent.mkdir(parents=True, exist_ok=True)
    case.write_bytes(path.read_bytes())
    case.with_suffix(".yaml").write_text(yaml.safe_dump(expected, allow_unicode=True), encoding="utf-8")
    try:
        test_layouts.test_layout_facts(case)
    except AssertionError as exc:
        line = traceback.extract_tb(exc.__traceback__)[-1].line or ""
        return f"{line.strip()[:70]} {str(exc)[:90]}".replace("\n", " ")
    except Exception as exc:  # a ReadError, or a crash: both are findings
        return f"{type(exc).__name__}: {str(exc)[:120]}".replace("\n", " ")
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "jixiao-conversions")
    ap.add_argument("--kind", action="append", choices=KINDS, help="only these kinds (repeatable)")
    args = ap.parse_args()
    kinds = args.kind or KINDS
    out: Path = args.out
    written = out / "written"
    written.mkdir(parents=True, exist_ok=True)
    stems = []
    for path in fixtures():
        try:
            doc = read_path(path)
        except ReadError as exc:  # the fixture itself does not read (an older reader): nothing to convert
            print(f"fixture not read: {exc}")
            continue
        write_docx(doc, written / f"{path.stem}.docx")
        write_xlsx(doc, written / f"{path.stem}.xlsx")
        stems.append(path.stem)
    made: dict[str, Callable[[str], Path]] = {}
    for kind in kinds:
        if (
            kind in OFFICE
            or kind in TEXT_OF_PDF
            or kind in WORDS_OF_PDF
            or kind in COPY_OF_PAGE
            or kind in SELECTION_OF_PAGE
        ):
            source_kind = (
                TEXT_OF_PDF.get(kind)
                or WORDS_OF_PDF.get(kind)
                or COPY_OF_PAGE.get(kind)
                or SELECTION_OF_PAGE.get(kind)
                or kind
            )
            source, target, suffix = OFFICE[source_kind]
            folder = out / source_kind
            if not folder.exists():
                office([written / f"{s}.{source}" for s in stems], target, folder, out / "profile")
            if kind in TEXT_OF_PDF:
                texts = out / kind
                texts.mkdir(exist_ok=True)
                for pdf in folder.glob("*.pdf"):
                    subprocess.run(
                        ["pdftotext", "-layout", str(pdf), str(texts / f"{pdf.stem}.txt")], check=False
                    )
                made[kind] = lambda s, texts=texts: texts / f"{s}.txt"
            elif kind in WORDS_OF_PDF:
                import pdfplumber

                words = out / kind
                words.mkdir(exist_ok=True)
                for pdf in folder.glob("*.pdf"):
                    with pdfplumber.open(pdf) as opened:
                        text = "\n".join(page.extract_text() for page in opened.pages)
                    (words / f"{pdf.stem}.txt").write_text(text, encoding="utf-8")
                made[kind] = lambda s, words=words: words / f"{s}.txt"
            elif kind in COPY_OF_PAGE or kind in SELECTION_OF_PAGE:
                web_copies(sorted(folder.glob("*.html")), out / kind, selection=kind in SELECTION_OF_PAGE)
                made[kind] = lambda s, copies=out / kind: copies / f"{s}.txt"
            else:
                made[kind] = lambda s, folder=folder, suffix=suffix: folder / f"{s}.{suffix}"
        elif kind in ("web-copy", "web-selection"):  # the fixtures' own web pages
            pages = [p for p in fixtures() if p.suffix == ".html"]
            web_copies(pages, out / kind, selection=kind == "web-selection")
            made[kind] = lambda s, folder=out / kind: folder / f"{s}.txt"
    for kind, file_of in made.items():
        same, differ = 0, []
        for stem in stems:
            path = file_of(stem)
            if not path.exists():
                continue
            found = check(path, stem, out / "work" / kind)
            if found is None:
                same += 1
            else:
                differ.append(f"    {stem}: {found}")
        print(f"{kind}: {same} of {same + len(differ)} read to the fixture's facts")
        print("\n".join(differ))


if __name__ == "__main__":
    main()
