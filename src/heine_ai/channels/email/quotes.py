"""Quoted history and signatures cut from a customer's mail before the assistant reads it.

Mail clients put the previous mail under (or, rarely, above) a header line: Outlook's
"-----Ursprüngliche Nachricht-----" or "Von: ... Gesendet: ..." block, Thunderbird's and Gmail's
"Am 01.12.2026 um 10:00 schrieb ...:" / "On ... wrote:", and "> " prefixed lines. A signature starts at "-- ".
Everything from the first such marker on is dropped; if nothing is left, the text above stays as it was.
"""

from __future__ import annotations

import re

_HEADER_LINES = (
    re.compile(r"^-{2,}\s*(Ursprüngliche Nachricht|Original Message|Weitergeleitete Nachricht|Forwarded message)"),
    re.compile(r"^_{10,}\s*$"),  # Outlook's rule above its "Von:/Gesendet:" block
    re.compile(r"^Am .{4,200}schrieb .{0,200}:\s*$"),
    re.compile(r"^On .{4,200}wrote:\s*$"),
    re.compile(r"^\S.{0,200} schrieb( am .{0,100})?:\s*$"),
)
_OUTLOOK_BLOCK = re.compile(r"^(Von|From):\s.+$")
_OUTLOOK_FOLLOW = re.compile(r"^(Gesendet|Sent|Datum|Date|An|To|Betreff|Subject):\s")
_SIGNATURE = re.compile(r"^--\s?$")
_MOBILE = re.compile(r"^(Von meinem|Gesendet von meinem|Sent from my) .{2,60}$")


def strip_quotes(text: str) -> str:
    """The customer's own words: no quoted history, no signature, surrounding blank lines trimmed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _join_wrapped_attribution(lines)
    kept: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if _is_history_start(lines, index, stripped) or _SIGNATURE.match(line) or _MOBILE.match(stripped):
            break
        if stripped.startswith(">"):
            continue
        kept.append(line.rstrip())
    result = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", result)


def _is_history_start(lines: list[str], index: int, stripped: str) -> bool:
    if any(pattern.match(stripped) for pattern in _HEADER_LINES):
        return True
    if _OUTLOOK_BLOCK.match(stripped):
        following = [line.strip() for line in lines[index + 1 : index + 4]]
        return any(_OUTLOOK_FOLLOW.match(line) for line in following)
    return False


def _join_wrapped_attribution(lines: list[str]) -> list[str]:
    """Clients wrap a long "Am ... schrieb" / "On ... wrote:" line in two; join it back for matching."""
    joined: list[str] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[index + 1].strip() if index + 1 < len(lines) else ""
        start = line.strip()
        wrapped = start.startswith(("Am ", "On ")) and not start.endswith(":")
        if wrapped and nxt.endswith(("schrieb:", "wrote:")):
            joined.append(f"{start} {nxt}")
            skip = True
            continue
        joined.append(line)
    return joined
