"""Events: something a letter says happened in a given year, with its action and object.

``2022年市工信局……成立“数字化智能化改造升级政策走进产业集群”宣讲团`` is an event: action
*establish* (成立), object ``“数字化智能化改造升级政策走进产业集群”宣讲团``, dated 2022. Only
objects that name one thing are kept: a quoted name with its head noun, or an unquoted name
that ends in a body's suffix (指挥部, 联合会, 宣讲团 …) and holds no figure. The issuing of a
document named in 《》 is a title's ``issued`` date, not an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from replylint.claims import Claim
from replylint.extract.dating import When, governing_date
from replylint.letter import Structure
from replylint.models import Span
from replylint.source import Source

# Verbs of one-off actions, mapped to the action they name.
ACTIONS = {
    "成立": "establish", "组建": "establish", "设立": "establish", "建立": "establish",
    "挂牌": "establish", "揭牌": "establish", "启动": "launch", "开通": "launch", "上线": "launch",
    "认定": "recognise", "评为": "recognise", "获评": "recognise", "入选": "select", "获批": "approve",
    "举办": "hold", "召开": "hold",
}
_LEADS = ("正式", "相继", "联合", "共同", "先后", "首次", "率先")
# A lookahead at the first character lets the search pass over every other position at once.
_VERB = re.compile(
    f"(?=[{''.join(sorted({word[0] for word in (*_LEADS, *ACTIONS)}))}])"
    f"(?:{'|'.join(_LEADS)})?(?P<verb>{'|'.join(ACTIONS)})(?:了|实施)?"
)
# A quoted name and the noun it heads: “数字化智能化改造升级政策走进产业集群”宣讲团.
_QUOTED = re.compile(r"“(?P<name>[^“”\n]{2,40})”(?P<head>[\u4e00-\u9fff]{0,6}?)(?=[，。、；：,;:（(]|$|[与和及并等])")
# An unquoted name of a body: 招商引资工作指挥部.
_BODY = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,24}?(?:指挥部|领导小组|工作专班|宣讲团|座谈会|联合会|协会|联盟|委员会|研究院|办公室|服务中心|中心|基地|学院))"
    r"(?=[，。、；：,;:（(]|$)"
)
_FIGURE = re.compile(r"[\d０-９一二三四五六七八九十百千万亿两]+\s*[家个项座名批条所支场期]")


class Event(Claim):
    """A dated one-off action: ``action`` (normalised) on ``object``, in ``when``.

    ``key`` groups the same event across letters: the action and the object with its
    quotation marks and spaces removed. ``date_span`` is the date's own text.
    """

    kind: Literal["event"] = "event"
    action: str
    verb: str
    object: str
    key: str
    when: When
    date_span: Span


def extract_events(source: Source, structure: Structure) -> Iterator[Event]:
    """Every dated event of the letter whose object names one thing, in text order."""
    letter_date = structure.date.value if structure.date else None
    for para in source.paragraphs:
        text = para.text
        for v in _VERB.finditer(text):
            obj = _QUOTED.match(text, v.end()) or _BODY.match(text, v.end())
            if obj is None or _FIGURE.search(obj.group()):
                continue
            dated = governing_date(text, v.start(), letter_date)
            if dated is None:
                continue
            when, date_start, date_end = dated
            name = re.sub(r"[\s“”]", "", obj.group())
            span = source.view_span(para.start + date_start, para.start + obj.end())
            yield Event(
                span=span, raw=source.excerpt(span), action=ACTIONS[v["verb"]], verb=v["verb"],
                object=obj.group(), key=f"{ACTIONS[v['verb']]}:{name}", when=when,
                date_span=source.view_span(para.start + date_start, para.start + date_end),
            )
