"""The jurisdiction a letter speaks for, read from its issuing organ's name.

Figures, running totals and relative names (市财政局, 县人大常委会) are about the issuer's own
place: 累计完成投资 in a 安吉县 letter and in a 武汉市江汉区 letter are two different totals.
The jurisdiction is the innermost of the place names that start the organ's name (浙江省,
江汉区 for 武汉市江汉区).
"""

from __future__ import annotations

import re

# One place name: two to nine characters and an administrative ending (市, not 市场).
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,9}?(?:特别行政区|自治区|自治州|自治县|地区|省|市(?!场)|州|盟|县|旗|区)")


def jurisdiction(organ: str | None) -> str | None:
    """The innermost place an organ's name starts with: ``武汉市江汉区住房和城乡建设局`` and
    ``江汉区住房和城乡建设局`` both give ``江汉区``, ``浙江省农业农村厅`` gives ``浙江省``.

    ``None`` when the name is missing or starts with no place name (``市教育局``).
    """
    inner, at = None, 0
    while organ and (m := _PLACE.match(organ, at)):
        inner, at = m.group(), m.end()
    return inner
