"""The loader composes a file from the YAML events it counts against the limits, in one pass: what it
gives is what composing with PyYAML after counting gave (aliases, merge keys, the order of errors)."""

from __future__ import annotations

import pytest

from reportgen.errors import ReportError
from reportgen.pyyaml import yaml
from reportgen.source import limits, loader


def _load(tmp_path, text: str):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return loader.load_plain(path)


def _refusal(tmp_path, text: str) -> str:
    with pytest.raises(ReportError) as caught:
        _load(tmp_path, text)
    return str(caught.value)


def test_an_alias_gives_its_anchor_value_located_where_the_anchor_was_written(tmp_path):
    loaded = _load(tmp_path, "a: &x {p: 1, q: [1, 2]}\nb: *x\n")
    assert loaded.data == {"a": {"p": 1, "q": [1, 2]}, "b": {"p": 1, "q": [1, 2]}}
    assert loaded.where(("b", "q", 1)).line == 1 and loaded.where_key(("b",)).line == 2


def test_an_alias_repeats_the_warnings_of_what_it_names(tmp_path):
    loaded = _load(tmp_path, "k: &k [x #w\n]\nl: [*k, *k]\n")
    assert [w.location.line for w in loaded.warnings] == [1, 1, 1]


def test_merge_keys_are_flattened_as_pyyaml_does(tmp_path):
    loaded = _load(tmp_path, "a: &a {x: 1}\nb: &b {x: 2, w: 0}\nc: {<<: [*a, *b], z: 3}\n")
    assert loaded.data["c"] == {"x": 1, "w": 0, "z": 3}
    assert "khóa \"x\" bị khai báo hai lần" in _refusal(tmp_path, "b: &b {x: 1}\nc: {<<: *b, x: 3}\n")
    with pytest.raises(yaml.constructor.ConstructorError):
        _load(tmp_path, "c: {z: 3, <<: 5}\n")


def test_a_bound_crossed_after_an_undefined_alias_is_told_first(tmp_path):
    items = ", ".join(["x"] * (limits.MAX_ITEMS + 1))
    assert "danh sách có quá 10.000 mục" in _refusal(tmp_path, f"a: x\nb: *u\nc: [{items}]\n")
    assert "văn bản bắt đầu bằng dấu *" in _refusal(tmp_path, "a: *u\nb: 1\n")


def test_a_second_document_is_refused_after_its_values_are_counted(tmp_path):
    items = ", ".join(["x"] * (limits.MAX_ITEMS + 1))
    assert "danh sách có quá 10.000 mục" in _refusal(tmp_path, f"a: 1\n---\nb: [{items}]\n")
    assert "tệp chỉ chứa một văn bản YAML" in _refusal(tmp_path, "a: 1\n---\nb: 2\n")


def test_what_a_key_that_is_not_text_holds_is_not_told(tmp_path):
    message = _refusal(tmp_path, '? [1]\n: "\\x01"\n')
    assert "khóa phải là một chữ" in message and "ký tự điều khiển" not in message


def test_a_value_replaced_by_a_key_given_twice_is_not_checked(tmp_path):
    message = _refusal(tmp_path, 'a: "\\x01"\na: 2\n')
    assert "bị khai báo hai lần" in message and "ký tự điều khiển" not in message
    assert "ký tự điều khiển U+0001" in _refusal(tmp_path, 'a: 1\na: "\\x01"\n')


def test_an_alias_bomb_is_refused_without_being_expanded(tmp_path):
    lines = ["l0: &l0 [" + ", ".join(["a"] * 9) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 30)]
    assert "làm báo cáo có quá 120.000 giá trị" in _refusal(tmp_path, "\n".join(lines) + "\n")
