"""RL305 corpus-near-variant."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress, islice
from operator import itemgetter

from replylint.corpus import Corpus, Letter
from replylint.listing import listed
from replylint.models import Finding
from replylint.parallel import map_forked, processes_available
from replylint.query import at_view
from replylint.registry import At, rule
from replylint.source import Paragraph
from replylint.tables import Confusion, NearVariant, load_tables

_KIND_ZH = {"sound": "音", "shape": "形"}
_KIND_EN = {"sound": "sound", "shape": "look"}
_MASK = "\0"


_NOT_HANZI = re.compile(r"[^\u4e00-\u9fff]+")


# The most windows counted at once. The windows are counted a share at a time, those whose
# first character falls in one share of the characters, so that the counts of a large
# archive stay in bounded memory (a window counted takes about 160 bytes at the peak).
WINDOWS_PER_SHARE = 1_000_000
# The fewest windows of a corpus for which a run that reports on a few letters counts only
# the windows those letters can be in a finding with: below, counting every window is faster.
FOCUS_FROM_WINDOWS = 500_000
# The most characters of text searched for windows at once: the windows found are listed
# before they are counted.
_CHUNK_CHARS = 1 << 16


@dataclass(frozen=True)
class Variant:
    """A window seen once, the recurring window it differs from, the differing position,
    and how often the recurring window occurs."""

    rare: str
    common: str
    position: int
    kind: str
    count: int


class Index:
    """The corpus as Chinese characters only, with where each window of it occurs.

    Punctuation, digits and spaces are skipped, so 数字化、网络化 reads 数字化网络化; windows
    never run across paragraphs. Windows are counted a share at a time (:meth:`share_patterns`);
    places and letters are looked up in the joined text, and pairs in the distinct texts,
    for the few windows that matter.
    """

    def __init__(
        self, corpus: Corpus, table: NearVariant, windows_per_share: int = WINDOWS_PER_SHARE, processes: int = 1
    ) -> None:
        self.table = table
        self._paragraphs: list[tuple[Letter, Paragraph]] = []
        # For each paragraph, the number of the first paragraph of the next letter.
        self._next_letter: list[int] = []
        texts: list[str] = []
        # Letters repeat paragraphs word for word (boilerplate), so each text is stripped once.
        hanzi: dict[str, str] = {}
        for letter in corpus.with_source:
            first = len(texts)
            for para in letter.source.paragraphs:
                if para.text not in hanzi:
                    hanzi[para.text] = _NOT_HANZI.sub("", para.text)
                self._paragraphs.append((letter, para))
                texts.append(hanzi[para.text])
            self._next_letter += [len(texts)] * (len(texts) - first)
        self._joined = "\n".join(texts)
        # Where each paragraph starts in the joined text, and where one after the last would.
        self._starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
        self._hanzi_at: dict[str, list[int]] = {}
        # The answers of the searches of the whole text, which many rare windows ask alike.
        self._attested: dict[str, bool] = {}
        self._in_letters: dict[tuple[str, int], bool] = {}
        # Each distinct text is searched for windows once, and its windows counted as often
        # as the text occurs: paragraphs also repeat once figures are stripped.
        by_repeats: dict[int, list[str]] = defaultdict(list)
        for text, repeats in Counter(texts).items():
            by_repeats[repeats].append(text)
        self._chunks = [(repeats, chunk) for repeats, group in by_repeats.items() for chunk in _chunked(group)]
        # Pairs are looked for in each distinct text once, not in every copy: a pair in a text
        # that repeats occurs more than once, and one in texts that do not must be found twice.
        self._repeated = "\n".join(chunk for repeats, chunk in self._chunks if repeats > 1)
        self._once = "\n".join(chunk for repeats, chunk in self._chunks if repeats == 1)
        # The windows of the distinct texts, and how many shares they are counted in, by
        # ``processes`` processes: when there are several shares, as many for each process.
        self.windows = sum(max(0, len(text) - table.window + 1) for group in by_repeats.values() for text in group)
        self.processes = processes
        self.shares = max(1, -(-self.windows // windows_per_share))
        if self.shares > 1:
            self.shares = -(-self.shares // processes) * processes

    def count_of(self, windows: set[str]) -> Counter[str]:
        """How often each of ``windows`` occurs; those that never do are left out."""
        return self.count(".", windows.__contains__)

    def windows_of(self, letters: Iterable[Letter]) -> set[str]:
        """The windows of the paragraphs of ``letters``."""
        paths = {letter.path for letter in letters}
        windows = self._windows(".")
        return {window for k, (letter, _) in enumerate(self._paragraphs) if letter.path in paths
                for window in windows.findall(self._joined, self._starts[k], self._starts[k + 1] - 1)}

    def covering(self, window: str, position: int) -> list[tuple[str, int]]:
        """The windows that hold, at an inner position, the character at ``position`` of the
        first occurrence of ``window``, each with that position."""
        at = self._joined.find(window) + position
        size = self.table.window
        found = []
        for i in range(1, min(at, size - 2) + 1):
            other = self._joined[at - i : at - i + size]
            if len(other) == size and "\n" not in other:
                found.append((other, i))
        return found

    @cached_property
    def characters(self) -> set[str]:
        """The characters of the corpus."""
        return (set(self._once) | set(self._repeated)) - {"\n"}

    def count(self, first: str = ".", keep: Callable[[str], bool] | None = None) -> Counter[str]:
        """How often each window whose first character matches the pattern ``first`` (one of
        :meth:`share_patterns`), and that ``keep`` accepts (every one without it), occurs."""
        windows = self._windows(first)
        count: Counter[str] = Counter()
        for repeats, chunk in self._chunks:
            found = windows.findall(chunk) if keep is None else filter(keep, windows.findall(chunk))
            if repeats == 1:
                count.update(found)
            else:
                for window, n in Counter(found).items():
                    count[window] += n * repeats
        return count

    def _windows(self, first: str) -> re.Pattern[str]:
        """A pattern that finds every window whose first character matches ``first``."""
        return re.compile(f"(?=({first}.{{{self.table.window - 1}}}))")

    def share_patterns(self) -> list[str]:
        """A pattern of the first characters of each share of the windows: the characters,
        most frequent first, each go to the share with the fewest windows so far.

        A window and every window one inner character away from it start with the same
        character, so they are counted in the same share.
        """
        if self.shares == 1:
            return ["."]
        frequency: Counter[str] = Counter()
        for _, chunk in self._chunks:
            frequency.update(chunk)
        del frequency["\n"]
        loads = [0] * self.shares
        shares: list[list[str]] = [[] for _ in range(self.shares)]
        for char, n in frequency.most_common():
            lightest = loads.index(min(loads))
            loads[lightest] += n
            shares[lightest].append(char)
        return ["[" + "".join(chars) + "]" for chars in shares if chars]

    def first(self, window: str) -> int:
        """Where ``window`` first occurs in the corpus, in the joined text: the order in which
        windows are first seen."""
        return self._joined.find(window)

    def attested(self, pair: str) -> bool:
        """Whether two adjacent characters occur more than once in the corpus."""
        if pair not in self._attested:
            first = self._once.find(pair)
            self._attested[pair] = pair in self._repeated or (first >= 0 and self._once.find(pair, first + 1) >= 0)
        return self._attested[pair]

    def in_letters(self, window: str, n: int) -> bool:
        """Whether ``window`` occurs in at least ``n`` letters."""
        if (window, n) not in self._in_letters:
            self._in_letters[window, n] = sum(1 for _ in islice(self._first_in_each_letter(window), n)) == n
        return self._in_letters[window, n]

    def places(self, window: str) -> Iterator[tuple[Letter, list[int]]]:
        """The first occurrence of ``window`` in each letter that has it: the letter and the
        view offset of each of its characters."""
        for k, local in self._first_in_each_letter(window):
            letter, para = self._paragraphs[k]
            # Where the Chinese characters of a paragraph's text are: worked out once per text,
            # as a common window is placed in every letter and letters share paragraphs.
            if para.text not in self._hanzi_at:
                self._hanzi_at[para.text] = [i for i, c in enumerate(para.text) if "\u4e00" <= c <= "\u9fff"]
            yield letter, [para.start + i for i in self._hanzi_at[para.text][local : local + len(window)]]

    def _first_in_each_letter(self, window: str) -> Iterator[tuple[int, int]]:
        """The paragraph number and offset in its Chinese text of the first occurrence of
        ``window`` in each letter; the search skips the rest of a letter once found in it."""
        at = self._joined.find(window)
        while at >= 0:
            k = bisect_right(self._starts, at) - 1
            yield k, at - self._starts[k]
            at = self._joined.find(window, self._starts[self._next_letter[k]])


def _chunked(texts: list[str]) -> Iterator[str]:
    """The texts joined by line breaks, in order, in pieces of about ``_CHUNK_CHARS`` characters."""
    piece: list[str] = []
    length = 0
    for text in texts:
        piece.append(text)
        length += len(text) + 1
        if length >= _CHUNK_CHARS:
            yield "\n".join(piece)
            piece, length = [], 0
    if piece:
        yield "\n".join(piece)


def _recurring(count: dict[str, int], table: NearVariant) -> dict[str, list[str]]:
    """The windows of ``count`` seen often enough, filed under each key with one inner
    position masked. Whether they are in enough letters is left to :meth:`Index.in_letters`,
    asked only of the few that a rare window is confusable with."""
    out: dict[str, list[str]] = defaultdict(list)
    for window in compress(count, map(table.min_count.__le__, count.values())):
        for i in range(1, table.window - 1):
            out[window[:i] + _MASK + window[i + 1 :]].append(window)
    return out


def variants(index: Index, confusion: Confusion, focus: Sequence[Letter] | None = None) -> list[Variant]:
    """Rare windows one confusable character away from a recurring one, found by masked keys,
    in the order the rare window, the position and the recurring window are first seen.

    A rare window finds its recurring neighbours by lookup rather than by comparing all
    pairs. A rare window whose differing character forms, with a neighbour, a pair of
    characters seen elsewhere in the corpus is attested usage (网格 in 网格化管理) and is left out.
    With ``focus``, at least the variants that a finding touching one of those letters comes
    from (:func:`_variants_near`).
    """
    if focus is not None:
        found = _variants_near(index, confusion, focus)
    else:
        # Each share is counted, and its count dropped, before the next: in this process or,
        # with several, in forked ones, which see the index without its being sent.
        shares = map_forked(lambda first: _variants_among(index, index.count(first), confusion),
                            index.share_patterns(), index.processes)
        found = [variant for share in shares for variant in share]
    return sorted(found, key=lambda v: (index.first(v.rare), v.position, index.first(v.common)))


def _variants_near(index: Index, confusion: Confusion, letters: Sequence[Letter]) -> list[Variant]:
    """The variants that a finding touching ``letters`` comes from, and each variant of the
    same rare characters, found by counting only the windows they can be made of.

    A finding touches a letter when its rare window or its recurring window is in it, and
    the other window is one confusable inner character away: the letters' windows and those
    neighbours of theirs are counted. A finding is the variant of a rare character whose
    recurring window is the most common: the windows around each rare character found, and
    their neighbours at that character, are counted too, and the variants looked for again.
    """
    inner = range(1, index.table.window - 1)
    own = index.windows_of(letters)
    count = index.count_of(own | _neighbours(((window, i) for window in own for i in inner), index, confusion))
    found = _variants_among(index, count, confusion)
    around = {pair for variant in found for pair in index.covering(variant.rare, variant.position)}
    more = ({window for window, _ in around} | _neighbours(around, index, confusion)) - count.keys()
    if not more:
        return found
    count.update(index.count_of(more))
    return _variants_among(index, count, confusion)


def _neighbours(places: Iterable[tuple[str, int]], index: Index, confusion: Confusion) -> set[str]:
    """The windows one confusable character away from each window at its position, made of
    characters of the corpus; characters the rule leaves out neither vary nor replace."""
    leave_out = index.table.leave_out
    allowed: dict[str, str] = {}  # the replacements of each character
    found: set[str] = set()
    for window, i in places:
        char = window[i]
        if char not in allowed:
            allowed[char] = "" if char in leave_out else "".join(
                other for other in confusion.partners(char) if other in index.characters and other not in leave_out)
        head, tail = window[:i], window[i + 1 :]
        found.update(head + other + tail for other in allowed[char])
    return found


def _variants_among(index: Index, count: dict[str, int], confusion: Confusion) -> list[Variant]:
    """The variants among the windows counted in ``count``: one share of them, or those near
    the letters in focus."""
    table = index.table
    recurring = _recurring(count, table)
    if not recurring:
        return []
    found = []
    # Most windows are seen once: which of them have a recurring neighbour is worked out by
    # iterators over them all, and only those that have one are looked at one by one. Those
    # that end as no recurring window does, after the position, are dropped first.
    once = list(compress(count, map((1).__eq__, count.values())))
    for i in range(1, table.window - 1):
        head, tail = itemgetter(slice(0, i)), itemgetter(slice(i + 1, None))
        tails = {key[i + 1 :] for key in recurring if key[i] == _MASK}
        ending = list(compress(once, map(tails.__contains__, map(tail, once))))
        masked = map(_MASK.join, zip(map(head, ending), map(tail, ending)))
        for window in compress(ending, map(recurring.__contains__, masked)):
            char = window[i]
            if char in table.leave_out:
                continue
            for common in recurring[window[:i] + _MASK + window[i + 1 :]]:
                kind = confusion.kind(char, common[i])
                # The searches of the whole text last, and each asked once.
                if (
                    kind
                    and common[i] not in table.leave_out
                    and not (index.attested(window[i - 1 : i + 1]) or index.attested(window[i : i + 2]))
                    and index.in_letters(common, table.min_letters)
                ):
                    found.append(Variant(window, common, i, kind, count[common]))
    return found


@rule(
    "RL305",
    severity="warning",
    text_only=True,
    message_zh="“{rare}”仅此一处，而“{common}”在{letters}中出现{count}次；“{a}”“{b}”{kind_zh}近，疑为错字",
    message_en=(
        "“{rare}” occurs only here while “{common}” occurs {count} times in {letters_en}; "
        "“{a}” and “{b}” {kind_en} alike: a typo?"
    ),
)
def corpus_near_variant(corpus: Corpus) -> Iterator[Finding]:
    """A phrase seen once that differs by one confusable character from a phrase the corpus repeats.

    ## What it flags
    A window of four Chinese characters (punctuation and digits skipped) that occurs once in
    the corpus, while a window that differs from it in one inner character occurs at least
    three times in at least two letters, and the two differing characters are confusable by
    sound or shape (the ECSpell confusion sets in ``rules/confusion.toml``). Numerals and
    ordinals are left out (一是/二是), and so is a character the corpus uses elsewhere with
    the same neighbour (省级 beside 市级). Thresholds are in ``rules/near_variant.toml``.

    ## Why it matters
    Pinyin and shape slips produce real words that no dictionary check catches; the corpus
    itself shows which spelling is the norm, across letters a per-document tool never sees
    together. One finding points at the slip and at every letter that has the usual form; its message
    names three of them and counts the rest.

    ## Example
    ### Bad
    ```letter a.txt
    推动企业向数字化、网格化、智能化方向转型。 <!-- expect: RL305 -->
    ```
    ```letter b.txt
    推动企业向数字化、网络化、智能化方向转型。全方位数字化网络化智能化转型。
    ```
    ```letter c.txt
    实现数字化、网络化、智能化发展。
    ```
    ### Good
    ```letter a.txt
    推动企业向数字化、网络化、智能化方向转型。认定省级示范工厂。
    ```
    ```letter b.txt
    推动企业向数字化、网络化、智能化方向转型。认定市级示范工厂。认定市级示范工厂。
    ```
    ```letter c.txt
    实现数字化、网络化、智能化发展。认定市级示范工厂。
    ```

    ## Known false positives
    A rare but correct term one confusable character away from a common one, when the
    corpus does not use its characters elsewhere; a name that differs from a common word.
    """
    tables = load_tables()
    index = Index(corpus, tables.near_variant, processes=processes_available())
    best: dict[tuple[str, int], tuple[Variant, At]] = {}
    # Counting only the windows of the letters in focus and their neighbours has a cost of its
    # own (0.1 s): it pays on corpora of many distinct windows (measured: bench/near_variant.py).
    focus = None if corpus.focus is None or index.windows < FOCUS_FROM_WINDOWS else list(corpus.in_focus())
    for variant in variants(index, tables.confusion, focus):
        letter, offsets = next(index.places(variant.rare))
        at = offsets[variant.position]
        key = (letter.path, at)
        if key not in best or variant.count > best[key][0].count:
            best[key] = (variant, at_view(letter, at, at + 1, "rare"))
    for variant, rare in best.values():
        others = [
            at_view(letter, offsets[0], offsets[-1] + 1, "common") for letter, offsets in index.places(variant.common)
        ]
        # Three named: a common form can be in thousands of letters.
        labels = [place.letter.label for place in others]
        yield corpus_near_variant.finding(
            [rare, *others],
            rare=variant.rare,
            common=variant.common,
            count=variant.count,
            letters=listed(labels, "、", limit=3),
            letters_en=listed(labels, ", ", limit=3),
            a=variant.rare[variant.position],
            b=variant.common[variant.position],
            kind_zh=_KIND_ZH[variant.kind],
            kind_en=_KIND_EN[variant.kind],
        )
