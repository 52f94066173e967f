"""What a publisher's page layout tells about a pasted article: where its text starts and ends, and what is not its.

Indonesian news pages wrap the article in the publisher's lines: labels, bylines, dates and photo captions above
it; "Baca juga:" links, ad slots and promos inside it; credits (``Penulis : … Editor : …``), initials
(``(rdn/rdn)``) and promos below it. :func:`infer_layout` reads them off the non-blank lines of a seed and says
why for each decision, so ``latar article new`` can show every guess to the person who checks it.

The article text starts at the dateline (``JAKARTA, KOMPAS.com -``, ``Jakarta, CNN Indonesia --``,
``Bandung (ANTARA) -``, ``Jakarta -`` on a line of its own); every line above it is the preamble. The postscript
is the run of credit, promo and link lines after the last paragraph. Lines in between are the publisher's when
they are a known insertion (any capitalisation), a photo caption, or an ad slot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_HEAD = 10
"""The dateline is looked for among this many first lines."""
MAX_TAIL = 8
"""At most this many lines at the end are taken for the postscript."""
HEAD_WORDS = 12
"""A line of this many words or fewer may be a label above a bare dateline (``Jakarta -``)."""

_WORD = r"[^\W\d_][\w.&'’-]{0,40}"  # a word that starts with a letter: Jakarta, KOMPAS.TV, Liputan6.com
_CAPS = r"[A-Z][A-Z0-9.&'’-]{0,40}"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,2}}"
_DASH = r"\s*(?:--|[-–—])"
_DOMAIN = r"[\w.-]{0,40}\.(?i:co\.id|com|id|co|net|tv|org|news)\b"
STRONG_DATELINES = (
    # "AMBON, KOMPAS.com -", "Liputan6.com, Jakarta -", "GenPI.co -", "Intisari - Online.com -"
    re.compile(rf"^(?P<dateline>.{{0,40}}?{_DOMAIN}(?:, ?{_PLACE})?{_DASH})"),
    # "Jakarta, CNN Indonesia --", "Banten, Jurnal Jabar -"
    re.compile(rf"^(?P<dateline>{_PLACE}, {_PLACE}{_DASH})"),
    # "Bandung (ANTARA) -"
    re.compile(rf"^(?P<dateline>{_PLACE} \({_CAPS}\){_DASH})"),
    # "DEPOK, headlinejabar.com" alone on its line
    re.compile(rf"^(?P<dateline>{_PLACE}, ?{_DOMAIN})$"),
)
BARE_DATELINE = re.compile(rf"^(?P<dateline>(?:{_WORD}|{_CAPS}(?: {_CAPS}){{1,3}}){_DASH})")
"""``Jakarta -``, ``PORTAL MAJALENGKA -``: taken only below lines that look like labels."""

MARKERS = (
    ("^Baca( juga)?\\s*:", "a 'Baca juga:' link"),
    ("^Baca (berita|artikel) (terkait|lainnya)\\b", "a link to other articles"),
    ("^(Baca|Lihat|Simak|Saksikan|Tonton) juga\\b", "a 'Baca/Lihat/Simak/Saksikan juga' link"),
    ("^ADVERTISEMENT$", "an advertisement slot"),
    ("^SCROLL TO CONTINUE WITH CONTENT$", "an advertisement slot"),
    ("^\\[Gambas:", "an embedded video"),
    ("^Pilihan Editor\\s*:", "an editor's pick"),
)
"""The publisher's insertions: written into ``publisher_lines`` as they are here, matched ignoring case."""
_MARKERS = tuple((pattern, re.compile(pattern, re.IGNORECASE), why) for pattern, why in MARKERS)

_PHOTO = r"(?:\((?:Foto|Sumber|Dok|Ilustrasi)\b[^()]*\)|\(?(?:ANTARA FOTO|TEMPO|KOMPAS\.com|Kompas\.com)/[^()]+\)?|/Twitter\.com/\S+)"
CAPTION = re.compile(rf"(?:^(?:Foto|Ilustrasi)\s*:|{_PHOTO}\s*\.?\s*$)", re.IGNORECASE)
"""A photo caption: ``Foto: …`` or a photo credit at the end (``(Foto: …)``, ``(ANTARA FOTO/…)``, ``/Twitter.com/…``)."""
CREDIT_AT_END = re.compile(r"\([^()]*/[^()]*\)\s*\.?\s*$")
"""A credit in parentheses with a slash at the end of a line (``(Liputan6.com/Faizal Fanani)``): a caption above the text."""
PROMO = re.compile(
    r"google news|whatsapp channel|channel whatsapp|saluran whatsapp|di whatsapp anda|grup telegram|"
    r"klik (?:di ?sini|link ini|tanda bintang)|berlangganan (?:majalah|koran|sekarang)|ikuti (?:kami|saluran|akun)|"
    r"dapatkan (?:berita|informasi|update)|unduh aplikasi|download aplikasi|simak (?:berita|video|breaking news)|"
    r"silakan baca konten|cek berita dan artikel|baca berita tanpa iklan|baca artikel lainnya|jangan lewatkan",
    re.IGNORECASE,
)
"""A promo of the publisher's channels, apps or subscriptions (specific phrases: an article's last paragraph may say WhatsApp)."""
CREDIT = re.compile(
    r"^(?:(?:penulis|editor|redaktur|reporter|pewarta|sumber|produser|kontributor|fotografer|penyunting|halaman)(?:\s*&\s*\w+)?\s*:"
    r"|copyright\b|all rights reserved|©|\(c\))",
    re.IGNORECASE,
)
"""A credit line: ``Penulis : …``, ``Redaktur & Reporter : …``, ``Sumber: ANTARA``, ``Copyright © …``, ``Halaman:``."""
INITIALS = re.compile(r"^[(\[]\s*(?:[a-z0-9*]{1,6}(?:/[a-z0-9]{1,6})*|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4})\s*[)\]]$")
"""``(isa/isa)``, ``(ysw)``, ``[dem]``, ``(*)``, ``(Fakhrizal Fakhri )``: the writer's initials or name at the end."""
DATE_LABEL = re.compile(
    r"(?:\b\d{1,2}[/ ](?:\d{1,2}|[A-Za-z]{3,9})[/ ]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b).{0,30}$|\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:penulis|editor|reporter|pewarta|oleh|bagikan|share|tag|foto|laporan|rep|tim redaksi)\b[^.!?]{0,80}$", re.IGNORECASE
)
AUTHOR = re.compile(
    r"^(?:penulis|reporter|pewarta|oleh|ditulis oleh|laporan|rep)\s*:?\s+(?P<name>[^\W\d_][^\d:|/]{1,60}?)\s*(?:$|[|/]|\s(?:diperbarui|diterbitkan|pada)\b)",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,4}) - [\w.]+$")
"""``Kurniawan Fadilah - detikNews``."""
BYLINE_LIST = re.compile(r"^(?P<names>[^|]+?), [^,|]+ \| .*\d")
"""``Tiara Sutari, Christine Nababan, CNN Indonesia | Sabtu, 16/12/2017 00:56 WIB``: names, outlet, date."""
NAME_LINE = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,5},?$")
ROLE_LABEL = re.compile(r"^(?:tim redaksi|penulis|editor|reporter)$", re.IGNORECASE)
NAME_AT_END = re.compile(r"\((?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4})\s*\)\s*$")
NOT_AUTHORS = {"antara", "afp", "ap", "reuters", "dpa", "red", "redaksi", "tim", "kompas", "tribunnews", "bernama", "xinhua"}
ONE_TOKEN = re.compile(r"^\S{1,30}$")
SHARE = re.compile(r"^(?:bagikan|share|tags?)\s*:?$", re.IGNORECASE)
"""A share bar or tag label left at the end of a paste."""
PROMOTION = re.compile(r"^Promosi\s.*[^.!?\"”]$")
SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")


@dataclass
class Layout:
    """Where the article text is in a seed's non-blank lines, and why: every field is a guess to show."""

    head: int = 0
    """How many lines come before the article text (``preamble_lines``)."""
    tail: int = 0
    """How many lines come after it (``postscript_lines``)."""
    dateline: str | None = None
    author: str | None = None
    publisher_lines: list[tuple[str, list[int], str]] = field(default_factory=list)
    """Each expression, the indexes of the lines it matches, and what those lines are."""
    reasons: dict[str, str] = field(default_factory=dict)
    """Why, for each inferred key, in words a contributor can check against the page."""


def infer_layout(lines: list[str], numbers: list[int] | None = None) -> Layout:
    """Read the layout off ``lines`` (the seed's non-blank lines); ``numbers`` are their lines in the file, for the reasons."""
    numbers = numbers or list(range(1, len(lines) + 1))
    raw, lines = lines, [line.strip() for line in lines]
    layout = Layout()
    if not lines:
        return layout
    start, dateline, why = _text_start(lines)
    layout.head = start
    if dateline:
        layout.dateline = dateline
        layout.reasons["dateline"] = f"line {numbers[start]} starts with it: {why}"
        if start:
            layout.reasons["preamble_lines"] = f"{_lines(numbers[0], numbers[start - 1], verb=True)} before the dateline"
    else:
        layout.head = _labels_on_top(lines)
        if layout.head:
            layout.reasons["preamble_lines"] = f"{_lines(numbers[0], numbers[layout.head - 1])}: labels, bylines or captions"
    layout.tail = _tail(lines, layout.head)
    if layout.tail:
        first = len(lines) - layout.tail
        layout.reasons["postscript_lines"] = (
            f"{_lines(numbers[first], numbers[-1], verb=True)} after the last paragraph: credits, initials, links or promos"
        )
    middle = range(layout.head, len(lines) - layout.tail)
    layout.publisher_lines = _publisher_lines(lines, middle, raw)
    author = _author(lines, layout, numbers)
    if author:
        layout.author, layout.reasons["author"] = author
    return layout


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _lines(first: int, last: int, verb: bool = False) -> str:
    """``line 3`` or ``lines 3–5``; with ``verb``, ``line 3 comes`` or ``lines 3–5 come``."""
    if first == last:
        return f"line {first} comes" if verb else f"line {first}"
    return f"lines {first}–{last} come" if verb else f"lines {first}–{last}"


def _text_start(lines: list[str]) -> tuple[int, str | None, str]:
    """The index of the first line of article text, its dateline, and why it is one (0, None, '' when none is found)."""
    for index, line in enumerate(lines[:MAX_HEAD]):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        for pattern in STRONG_DATELINES:
            match = pattern.match(line)
            if match and _text_follows(line, match.group("dateline"), following):
                return index, match.group("dateline"), "a place and the outlet's name"
        match = BARE_DATELINE.match(line)
        if match and _text_follows(line, match.group("dateline"), following) and all(map(_label_like, lines[:index])):
            return index, match.group("dateline"), "a place name and a dash, below the labels"
    return 0, None, ""


def _text_follows(line: str, dateline: str, following: str) -> bool:
    """The dateline is followed by a sentence, on its line or (when it stands alone) on the next."""
    rest = line[len(dateline) :].strip()
    return _sentence(rest) if rest else _sentence(following)


def _sentence(text: str) -> bool:
    return len(text.split()) >= 6 or (len(text.split()) >= 3 and bool(SENTENCE_END.search(text)))


def _label_like(line: str) -> bool:
    """A label, byline, date or caption line: what stands above an article's first line."""
    return len(line.split()) <= HEAD_WORDS or bool(CAPTION.search(line) or CREDIT_AT_END.search(line) or LABEL.match(line))


def _labels_on_top(lines: list[str]) -> int:
    """Without a dateline: how many first lines are plainly labels (``Penulis: …``, a date, a caption, a share bar)."""
    head = 0
    while head < min(MAX_HEAD, len(lines) - 1):
        line = lines[head]
        if not (LABEL.match(line) or (DATE_LABEL.search(line) and len(line.split()) <= 8) or CAPTION.search(line) or BYLINE.match(line)):
            break
        head += 1
    return head


def _tail_line(line: str) -> bool:
    return bool(
        CREDIT.match(line)
        or INITIALS.match(line)
        or SHARE.match(line)
        or PROMO.search(line)
        or any(regex.search(line) for _, regex, _ in _MARKERS)
    )


def _tail(lines: list[str], head: int) -> int:
    tail = 0
    while tail < MAX_TAIL and len(lines) - tail - 1 > head and _tail_line(lines[len(lines) - 1 - tail]):
        tail += 1
    return tail


def _publisher_lines(lines: list[str], middle: range, raw: list[str]) -> list[tuple[str, list[int], str]]:
    """The expressions for the publisher's lines inside the text: known insertions as such, other lines exactly."""
    found: dict[str, tuple[list[int], str]] = {}
    taken: set[int] = set()
    for pattern, regex, why in _MARKERS:
        hits = [i for i in middle if i not in taken and regex.search(lines[i])]
        if hits:
            found[pattern] = (hits, why)
            taken.update(hits)
    first_text = next((i for i in middle if i not in taken), None)
    for i in middle:
        if i in taken or i == first_text:
            continue
        line = lines[i]
        reason = None
        if i - 1 in taken and re.fullmatch(r"(?i)(baca|lihat|simak) juga\s*:", lines[i - 1].strip()):
            reason = "the linked title under a 'Baca juga:' line"
        elif CAPTION.search(line):
            reason = "a photo caption"
        elif ONE_TOKEN.match(line) and not SENTENCE_END.search(line):
            reason = "a one-word line between paragraphs (an ad slot)"
        elif PROMOTION.match(line):
            reason = "a promotion"
        if reason:
            pattern = f"^{literal(line)}$" if raw[i] == line else f"^\\s*{literal(line)}\\s*$"
            found.setdefault(pattern, ([], reason))[0].append(i)
            taken.add(i)
    return [(pattern, hits, why) for pattern, (hits, why) in found.items()]


def literal(text: str) -> str:
    """``text`` as a regular expression that matches it (only the characters that mean something are escaped)."""
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", text)


def _author(lines: list[str], layout: Layout, numbers: list[int]) -> tuple[str, str] | None:
    """The writer as the page names them, and where: a label, a byline, names above 'Tim Redaksi', a name at the end."""
    preamble = range(layout.head)
    postscript = range(len(lines) - layout.tail, len(lines))
    for i in [*preamble, *postscript]:
        match = AUTHOR.match(lines[i])
        if match:
            return match.group("name").strip().rstrip(","), f"line {numbers[i]}: {_quote(lines[i])}"
    for i in preamble:
        match = BYLINE.match(lines[i]) or BYLINE_LIST.match(lines[i])
        if match:
            names = match.groupdict().get("name") or match.group("names")
            return names.strip(), f"the byline on line {numbers[i]}"
        if ROLE_LABEL.match(lines[i].strip()):
            above = i
            while above > 0 and i - above < 3 and NAME_LINE.match(lines[above - 1].strip()):
                above -= 1
            if above < i:
                names = " ".join(line.strip() for line in lines[above:i]).rstrip(",")
                return names, f"{_lines(numbers[above], numbers[i - 1])}, above the label {_quote(lines[i])}"
    ends = [i for i in postscript if INITIALS.match(lines[i])]
    last_text = len(lines) - layout.tail - 1
    for i in [*ends, last_text] if last_text >= layout.head else ends:
        match = NAME_AT_END.search(lines[i])
        if match and match.group("name").casefold() not in NOT_AUTHORS:
            return match.group("name").strip(), f"the name in parentheses at the end of line {numbers[i]}"
    return None


def _quote(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return f"'{text}'" if len(text) <= width else f"'{text[: width - 1]}…'"
