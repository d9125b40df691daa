"""Reading the bytes of a CSV file as text, one encoding per file, never a silent mix.

Personnel offices save CSV from Excel in UTF-8 or in a Windows code page. A file that is
UTF-8 except for a few lines pasted from another program must not be read whole as
cp1252 (turning "Forlì" into "ForlÃ¬"): those lines are reported, with their number, and
the file is refused. A file with no valid UTF-8 at all gets its code page detected with
charset-normalizer, among the ones Italian offices use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Encodings a non-UTF-8 Italian spreadsheet can be in (Excel on Windows, old Macs, DOS).
CANDIDATES = ("cp1252", "mac_roman", "cp850", "utf_16", "utf_32")


@dataclass
class Decoded:
    """A file's text, its encoding and the lines that do not fit it."""

    text: str
    encoding: str
    bad_lines: list[tuple[int, str]] = field(default_factory=list)


def _utf8_lines(data: bytes) -> tuple[list[int], bool]:
    """Numbers of the lines that are not UTF-8, and whether any line is non-ASCII UTF-8."""
    bad: list[int] = []
    any_utf8 = False
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
        else:
            any_utf8 = any_utf8 or not line.isascii()
    return bad, any_utf8


def decode(data: bytes) -> Decoded:
    """Decode ``data``: UTF-8 (with or without BOM), else the detected code page.

    :returns: with ``bad_lines`` filled when the file is UTF-8 but some lines are not.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    bad, any_utf8 = _utf8_lines(data.removeprefix(b"\xef\xbb\xbf"))
    if any_utf8 or data.startswith(b"\xef\xbb\xbf"):
        text = data.decode("utf-8-sig", errors="replace")
        lines = text.split("\n")
        return Decoded(text, "utf-8", [
            (n, (f"la riga non è UTF-8 come il resto del file (letta: «{lines[n - 1][:60]}»): "
                "salva il file tutto in UTF-8")) for n in bad])
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252", [
            (n, "la riga non è un testo leggibile (né UTF-8 né Windows-1252)") for n in bad])
