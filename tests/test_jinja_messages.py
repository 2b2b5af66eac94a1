"""A Jinja expression written wrong in a report is explained in Vietnamese at its line."""

from __future__ import annotations

import re

import jinja2
import pytest

from reportgen.compose.jinja_messages import explain_syntax
from tests.conftest import run_cli

LINE = 'Trong 6 tháng đầu năm 2024, tình hình ổn định.'
ENGLISH = re.compile(r"\b(unexpected|expected|token|filter named|got|Encountered|template|tag)\b")


@pytest.mark.parametrize("expression, message", [
    ("{{ bao_cao.nam | khongco }}", 'không có bộ lọc "khongco"'),
    ("{{ (bao_cao.nam }}", "cần dấu đóng ) nhưng gặp “}”"),
    ("{{ bao_cao.nam ) }}", "không chờ “)” ở đây"),
    ("{% if bao_cao.nam %}có", "văn bản hết mà khối chưa đóng: thiếu {% endif %}"),
    ("{% lap x %}", 'thẻ "{% lap %}" không có trong Jinja'),
    ("{{ bao_cao.nam is khongco }}", 'không có phép thử "khongco"'),
])
def test_syntax_error_in_a_text_is_vietnamese_with_its_line(mini_copy, tmp_path, expression, message):
    text = mini_copy.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if LINE in l)
    mini_copy.write_text(text.replace(LINE, LINE.rstrip(".") + " " + expression.replace('"', "'") + "."),
                         encoding="utf-8")
    result = run_cli("build", mini_copy, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert f"report.yaml:{line}:" in result.output
    assert f"lỗi cú pháp Jinja: {message}" in result.output
    assert not ENGLISH.search(result.output.split("lỗi cú pháp Jinja:")[1].splitlines()[0])


@pytest.mark.parametrize("source", [
    "{{ a", "{{ a ) }}", "{{ a | nope }}", "{% if a %}", "{% for x in a %}{% endif %}", "{% nope %}",
    "{{ a is nope }}", "{{ 'a }}", "{{ a.}}", "{% %}", "{{ a b }}", "{% set %}", "{{ a[ }}", "{{ (a }}",
    "{% for %}", "{% if %}{% else %}{% else %}{% endif %}", "{{ a $ b }}",
    "{% block b %}{% endblock %}{% block b %}{% endblock %}", "{% macro %}", "{{ a | }}", "{% for x in %}{% endfor %}",
])
def test_every_jinja_syntax_error_reads_in_vietnamese(source):
    env = jinja2.Environment()
    with pytest.raises(jinja2.TemplateSyntaxError) as info:
        env.from_string(source)
    text = explain_syntax(info.value.message)
    assert text.startswith("lỗi cú pháp Jinja: ")
    assert not ENGLISH.search(text), (source, info.value.message, text)
