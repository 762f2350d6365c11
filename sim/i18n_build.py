"""Compile the translators' ``.po`` catalogs into the ``.mo`` files the program reads.

Translators edit ``assets/locale/<lang>/LC_MESSAGES/blockade.po``; the program reads
the compiled ``blockade.mo`` beside it with the standard library's ``gettext``
(sim/i18n.py). The ``.mo`` files are checked in, and tests/test_i18n.py fails when one
is stale. After editing a catalog, compile every catalog again::

    python -m sim.i18n_build            # write every .mo that differs from its .po
    python -m sim.i18n_build --check    # only report stale or missing .mo files (exit 1)

Standard library only, no pygame: this is CPython's Tools/i18n/msgfmt.py logic (the
GNU ``.mo`` layout, no hash table, keys sorted by their bytes, so the output is the same
bytes every time), with a stricter reader: a syntax error, a duplicate msgid or a plural
entry without exactly ``nplurals`` forms stops the build with the file and line.
Fuzzy and untranslated entries are left out, as ``msgfmt`` does, so a lookup falls back
to English. Catalogs in ``assets/locale-pending/`` (languages not yet shown) are
compiled too, so they are ready the day they move back.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "blockade"
#: gettext's separator between a msgctxt and its msgid in catalog keys
CONTEXT_SEPARATOR = "\x04"
MO_MAGIC = 0x950412DE

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


class PoError(ValueError):
    """A ``.po`` file could not be read or compiled; the message names the file and line."""


def _unquote(text: str, where: str) -> str:
    """The value of one ``"..."`` string literal from a .po file."""
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise PoError(f"{where}: expected a string in double quotes, got {text!r}")
    out: list[str] = []
    body = text[1:-1]
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise PoError(f"{where}: unknown escape in {text!r}")
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        elif ch == '"':
            raise PoError(f"{where}: unescaped quote inside {text!r}")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class PoEntry:
    """One catalog entry as written in the file (including untranslated and fuzzy ones)."""

    msgid: str
    msgstr: str  # for plural entries, the first form (msgstr[0])
    msgctxt: str | None = None
    flags: frozenset[str] = frozenset()
    line: int = 0  # where the entry starts, for error messages
    msgid_plural: str | None = None
    plural_forms: tuple[str, ...] = ()  # msgstr[0], msgstr[1], ... of a plural entry

    @property
    def key(self) -> str:
        """The catalog key: the msgid, prefixed with ``msgctxt + "\\x04"`` if there is one."""
        if self.msgctxt is None:
            return self.msgid
        return self.msgctxt + CONTEXT_SEPARATOR + self.msgid

    @property
    def is_plural(self) -> bool:
        return self.msgid_plural is not None

    @property
    def texts(self) -> tuple[str, ...]:
        """Every text the entry holds: its msgstr, or each plural form."""
        return self.plural_forms if self.is_plural else (self.msgstr,)

    @property
    def usable(self) -> bool:
        """Whether gettext would use it: translated (every form) and not marked fuzzy."""
        return all(self.texts) and bool(self.texts) and "fuzzy" not in self.flags


def read_po_entries(text: str, source: str = "<po>") -> list[PoEntry]:
    """Every entry of .po text, in file order (the header is the one with msgid "").

    Strict, like ``msgfmt``: a syntax error or a duplicate msgid raises PoError
    naming ``source`` and the line. Duplicates matter here because several
    people append to the same file; a silent "last one wins" would hide one.
    """
    entries: list[PoEntry] = []
    seen: dict[str, int] = {}
    fields: dict[str, str] = {}
    flags: set[str] = set()
    start = 0  # line where the current entry's first keyword is
    field: str | None = None  # the keyword that a continuation line extends

    def finish() -> None:
        nonlocal fields, flags, field
        if "msgid" in fields:
            forms: tuple[str, ...] = ()
            if "msgid_plural" in fields:
                if "msgstr" in fields:
                    raise PoError(f"{source}:{start}: plural msgid {fields['msgid']!r} needs "
                                  "msgstr[0], msgstr[1], ... not msgstr")
                indexes = sorted(int(k[7:-1]) for k in fields if k.startswith("msgstr["))
                if indexes != list(range(len(indexes))) or not indexes:
                    raise PoError(f"{source}:{start}: plural msgid {fields['msgid']!r} needs "
                                  f"msgstr[0] to msgstr[n-1], got {indexes}")
                forms = tuple(fields[f"msgstr[{i}]"] for i in indexes)
                msgstr = forms[0]
            else:
                if any(k.startswith("msgstr[") for k in fields):
                    raise PoError(f"{source}:{start}: msgid {fields['msgid']!r} has msgstr[n] "
                                  "but no msgid_plural")
                msgstr = fields.get("msgstr")
                if msgstr is None:
                    raise PoError(f"{source}:{start}: msgid {fields['msgid']!r} has no msgstr")
            entry = PoEntry(fields["msgid"], msgstr, fields.get("msgctxt"), frozenset(flags),
                            start, fields.get("msgid_plural"), forms)
            if entry.key in seen:
                raise PoError(
                    f"{source}:{start}: duplicate msgid {entry.key!r} (first at line {seen[entry.key]})"
                )
            seen[entry.key] = start
            entries.append(entry)
        elif fields:
            raise PoError(f"{source}:{start}: entry without a msgid")
        fields, flags, field = {}, set(), None

    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if line.startswith("#~"):
                continue  # obsolete entry kept by translation tools: not a message
            if fields:
                finish()  # a comment after a complete entry starts the next one
            if line.startswith("#,"):
                flags.update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith('"'):
            if field is None:
                raise PoError(f"{where}: a continuation string with nothing to continue")
            fields[field] += _unquote(line, where)
            continue
        keyword, *rest = line.split(None, 1)
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
            re.fullmatch(r"msgstr\[\d+\]", keyword)
        ):
            raise PoError(f"{where}: unknown keyword {keyword!r}")
        if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields):
            finish()  # entries not separated by a blank line are still separate entries
        if keyword in fields:
            raise PoError(f"{where}: {keyword} given twice in one entry")
        if not fields:
            start = number
        fields[keyword] = _unquote(rest[0] if rest else "", where)
        field = keyword
    finish()
    return entries


def parse_header(msgstr: str) -> dict[str, str]:
    """The header entry's ``Name: value`` lines as a dict (names as written)."""
    header = {}
    for line in msgstr.splitlines():
        name, sep, value = line.partition(":")
        if sep:
            header[name.strip()] = value.strip()
    return header


def parse_po(text: str, source: str = "<po>") -> tuple[dict[str, str], dict[str, str]]:
    """Parse .po text into ``(messages, header)``.

    ``messages`` maps each entry's key to its msgstr (a plural entry: its first form).
    Fuzzy and untranslated entries are left out, as gettext would.
    """
    messages: dict[str, str] = {}
    header: dict[str, str] = {}
    for entry in read_po_entries(text, source):
        if entry.key == "":
            header = parse_header(entry.msgstr)
        elif entry.usable:
            messages[entry.key] = entry.msgstr
    return messages, header


def nplurals(header: dict[str, str], source: str = "<po>") -> int:
    """The number of plural forms the header's ``Plural-Forms`` line declares."""
    match = re.search(r"nplurals\s*=\s*(\d+)", header.get("Plural-Forms", ""))
    if not match:
        raise PoError(f"{source}: the header has no Plural-Forms: nplurals=...; plural=...;")
    return int(match.group(1))


def compile_po(text: str, source: str = "<po>") -> bytes:
    """The ``.mo`` bytes for .po text (the same text always gives the same bytes)."""
    entries = read_po_entries(text, source)
    head = [e for e in entries if e.key == ""]
    if not head:
        raise PoError(f"{source}: no header entry (msgid \"\")")
    header = parse_header(head[0].msgstr)
    if "charset=UTF-8" not in header.get("Content-Type", ""):
        raise PoError(f"{source}: the header must say Content-Type: text/plain; charset=UTF-8")
    count = None
    messages: dict[bytes, bytes] = {b"": head[0].msgstr.encode("utf-8")}
    for entry in entries:
        if entry.key == "" or not entry.usable:
            continue
        key = entry.key.encode("utf-8")
        if entry.is_plural:
            count = nplurals(header, source) if count is None else count
            if len(entry.plural_forms) != count:
                raise PoError(f"{source}:{entry.line}: {entry.msgid!r} has "
                              f"{len(entry.plural_forms)} plural forms; the header's "
                              f"Plural-Forms says nplurals={count}")
            key += b"\0" + entry.msgid_plural.encode("utf-8")
            value = b"\0".join(form.encode("utf-8") for form in entry.plural_forms)
        else:
            value = entry.msgstr.encode("utf-8")
        messages[key] = value
    return mo_bytes(messages)


def mo_bytes(messages: dict[bytes, bytes]) -> bytes:
    """The GNU .mo layout (as CPython's msgfmt.py writes it, without a hash table)."""
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\0"
        strs += messages[key] + b"\0"
    n = len(keys)
    keystart = 7 * 4 + 16 * n  # the header, then the two tables of (length, offset)
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    return (struct.pack("Iiiiiii", MO_MAGIC, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
            + struct.pack(f"{len(koffsets)}i", *koffsets)
            + struct.pack(f"{len(voffsets)}i", *voffsets)
            + ids + strs)


# -- the catalogs in the tree ---------------------------------------------------------------


def locale_roots() -> list[Path]:
    """The folders holding catalogs: assets/locale (shown) and assets/locale-pending (not yet)."""
    from sim.resources import asset_path

    return [asset_path("locale"), asset_path("locale-pending")]


def po_files(roots: Iterable[Path] | None = None) -> list[Path]:
    """Every ``<lang>/LC_MESSAGES/blockade.po`` under the roots, sorted."""
    found: list[Path] = []
    for root in locale_roots() if roots is None else roots:
        found += sorted(Path(root).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return found


def mo_for(po: Path) -> Path:
    return po.with_suffix(".mo")


def compile_file(po: Path) -> bytes:
    try:
        text = po.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        line = po.read_bytes()[: err.start].count(b"\n") + 1
        raise PoError(f"{po}:{line}: not UTF-8 (byte 0x{err.object[err.start]:02x}); "
                      "save the catalog as UTF-8") from None
    return compile_po(text, str(po))


_FIELD = re.compile(r"\{[^{}]*\}")
#: counts tried when working out which plural forms serve a single number
_PLURAL_PROBE = range(0, 1000)


def single_number_forms(header: dict[str, str]) -> frozenset[int]:
    """The plural forms the header's ``Plural-Forms`` rule gives to exactly one count
    (Arabic: the forms for 0, 1 and 2). Such a form may leave the number out, as GNU
    ``msgfmt --check-format`` allows: Arabic writes "ثانية واحدة" (one second) and the dual
    "ثانيتين" (two seconds), never "1 ثانية"."""
    import gettext

    match = re.search(r"plural\s*=\s*([^;]+)", header.get("Plural-Forms", ""))
    if not match:
        return frozenset()
    rule = gettext.c2py(match.group(1))
    counts: dict[int, int] = {}
    for n in _PLURAL_PROBE:
        form = rule(n)
        counts[form] = counts.get(form, 0) + 1
    return frozenset(form for form, count in counts.items() if count == 1)


def placeholders_fit(text: str, want: Sequence[str], may_omit: bool = False) -> bool:
    """Whether ``text`` keeps exactly the ``{name}`` fields ``want`` (sorted); a plural form
    for a single number (``may_omit``) may leave fields out but never add one."""
    found = sorted(_FIELD.findall(text))
    if may_omit:
        return set(found) <= set(want) and len(found) == len(set(found))
    return found == list(want)


def check_placeholders(po: Path) -> None:
    """Every translation keeps English's ``{name}`` fields (in each plural form; a form
    for a single number may leave them out, see ``single_number_forms``): else PoError
    naming the file, the line, the msgid and the placeholders (the program would use the
    English text there, and say so at start-up)."""
    english = po.parents[2] / "en" / "LC_MESSAGES" / po.name
    if po == english or not english.is_file():
        return
    want = {e.msgid: sorted(_FIELD.findall(e.msgstr))
            for e in read_po_entries(english.read_text(encoding="utf-8"), str(english))}
    text = po.read_text(encoding="utf-8")
    single = single_number_forms(parse_po(text, str(po))[1])
    for entry in read_po_entries(text, str(po)):
        fields = want.get(entry.msgid)
        if fields is None or not entry.msgid:
            continue
        for index, form in enumerate(entry.plural_forms or (entry.msgstr,)):
            may_omit = entry.is_plural and index in single
            if form and not placeholders_fit(form, fields, may_omit):
                raise PoError(f"{po}:{entry.line}: {entry.msgid} has "
                              f"{' '.join(sorted(_FIELD.findall(form))) or 'no placeholder'} "
                              f"where English has {' '.join(fields) or 'none'}")


def stale(roots: Iterable[Path] | None = None) -> list[Path]:
    """The ``.po`` files whose ``.mo`` is missing or differs from compiling them again."""
    out = []
    for po in po_files(roots):
        mo = mo_for(po)
        if not mo.is_file() or mo.read_bytes() != compile_file(po):
            out.append(po)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sim.i18n_build",
        description="Compile assets/locale*/<lang>/LC_MESSAGES/blockade.po into blockade.mo.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a .mo is missing or stale")
    parser.add_argument("roots", nargs="*", type=Path,
                        help="locale folders (default: assets/locale and assets/locale-pending)")
    args = parser.parse_args(argv)
    roots = args.roots or None
    try:
        if args.check:
            bad = stale(roots)
            for po in bad:
                print(f"{mo_for(po)}: stale or missing; run: python -m sim.i18n_build",
                      file=sys.stderr)
            return 1 if bad else 0
        for po in po_files(roots):
            check_placeholders(po)
            data = compile_file(po)
            mo = mo_for(po)
            if not mo.is_file() or mo.read_bytes() != data:
                mo.write_bytes(data)
                print(f"wrote {mo}")
    except PoError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
