"""Data shown on a terminal, in the Actions log or in Markdown, with its control characters made visible.

A partnership file, a file name or a member name can carry ESC or CSI (U+009B) sequences that erase
lines, move the cursor or recolour text, and bidirectional overrides that reorder it. Every output
of ``escp check`` passes untrusted text through :func:`visible`, which writes each such character as
its escape (``\\x1b``, ``\\u009b``, ``\\u202e``): a member name cannot erase a line and print
"ALL GOOD".
"""

from __future__ import annotations

import re

# C0 controls (tab and line breaks included: a message is one line), DEL, C1 controls, the Unicode
# line and paragraph separators, and the bidirectional embeddings, overrides and isolates.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, separator and bidirectional control written as its escape."""
    return _INVISIBLE.sub(_escaped, text)
