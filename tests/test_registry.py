"""Registering a rule checks what its findings will carry."""

import pytest

from replylint.registry import rule


@pytest.mark.parametrize(
    ("code", "name", "severity", "message"),
    [
        ("RL9", "odd-code", "info", "not of the form RLnnn"),
        ("RL997", "Not_Kebab", "info", "not kebab-case"),
        ("RL997", "bad-severity", "critical", "rule severity 'critical' is not one of info, warning, error"),
    ],
)
def test_a_rule_with_a_bad_code_name_or_severity_is_refused(code, name, severity, message):
    with pytest.raises(ValueError, match=message):
        rule(code, name=name, severity=severity, message_zh="甲", message_en="a")(lambda corpus: ())
