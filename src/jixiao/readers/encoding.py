"""Decode text files as they arrive from the field: UTF-8 (with or without BOM), GB18030/GBK, UTF-16."""

from __future__ import annotations

from jixiao.readers.errors import ReadError

_BOMS = (  # the mark, how the bytes after it decode, the encoding's name
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """Word's "Unicode text" without a BOM: every other byte of ASCII is NUL."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > half * 0.2 and even_nul < half * 0.05:
        return "utf-16-le"
    if even_nul > half * 0.2 and odd_nul < half * 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises ReadError for empty or binary input."""
    # the first bytes settle it for nearly every file: a strip of it all copies a 30 MB file
    if not data[:4096].strip(b" \t\r\n\x00") and not data.strip(b" \t\r\n\x00"):
        raise ReadError(path, "文件是空的，没有可读取的内容。")
    for bom, after, name in _BOMS:
        if data.startswith(bom):
            try:  # from a view after the mark: data.decode("utf-8-sig") copies the bytes first
                return str(memoryview(data)[len(bom) :], after), name
            except UnicodeDecodeError:
                break
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" not in data:
        for name in ("utf-8", "gb18030"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if _mostly_text(text):
                return text, name
    raise ReadError(
        path, "不是文本文件（含有无法识别的二进制内容），请上传 txt、xlsx、docx、pdf 或 html 文件。"
    )


def _mostly_text(text: str) -> bool:
    """Reject decodings full of control characters (a binary file that happens to decode)."""
    if not text:
        return False
    bad = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\t\r\n\f\v")
    return bad <= max(2, len(text[:20000]) // 200)
