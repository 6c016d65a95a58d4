"""Web archives (.mht, .mhtml): a page and its pictures in one MIME message.

Word saves a document as a "single file web page" this way, and many sites publish such files
named .doc. The page inside is read as HTML.
"""

from __future__ import annotations

import email
import email.policy

from jixiao.readers.errors import ReadError

# the Chinese charsets a MIME header names, read as their superset
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def looks_like_mht(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"mime-version:" in head and b"multipart/" in head


def html_of_mht(data: bytes, name: str) -> bytes:
    """The archive's page as UTF-8 bytes (with a byte-order mark, which settles the encoding)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = (part.get_content_charset() or "").lower()
        charset = _SUPERSETS.get(charset, charset)
        if charset:
            try:
                return b"\xef\xbb\xbf" + payload.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown name: the page's bytes, decoded as any text file is
        return payload
    raise ReadError(name, "这是网页存档（.mht）文件，但其中没有网页内容，没有可读取的表格。")
