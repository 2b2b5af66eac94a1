"""Files a batch's reports share are parsed once per process: a reused parse gives what parsing
again would (the values, their lines, the warnings of each report), and a changed file is read again."""

from pathlib import Path

from reportgen.source import loader


def _report(folder, shared_text):
    (folder / "chung").mkdir(exist_ok=True)
    (folder / "chung" / "co-quan.yaml").write_text(shared_text, encoding="utf-8")
    report = folder / "bao-cao.yaml"
    report.write_text("bao_gom:\n  - chung/co-quan.yaml\nky: nam-2024\n", encoding="utf-8")
    return report


def test_shared_file_read_again_gives_the_same_values_and_warnings(tmp_path):
    report = _report(tmp_path, "co_quan: Sở Tài chính #\nnoi_ban_hanh: Quy Nhơn\n")
    first, _, second = loader.load(report), loader.load(report), loader.load(report)
    assert first.data == second.data == {"co_quan": "Sở Tài chính", "noi_ban_hanh": "Quy Nhơn", "ky": "nam-2024"}
    assert second.where(("noi_ban_hanh",)).line == 2
    assert [w.render() for w in first.warnings] == [w.render() for w in second.warnings]
    assert len(second.warnings) == 1 and 'phần sau " #"' in second.warnings[0].message


def test_changed_shared_file_of_the_same_size_is_read_again(tmp_path):
    report = _report(tmp_path, "co_quan: Sở Tài chính\n")
    assert loader.load(report).data["co_quan"] == "Sở Tài chính"
    (tmp_path / "chung" / "co-quan.yaml").write_text("co_quan: Sở Tài chánh\n", encoding="utf-8")
    assert loader.load(report).data["co_quan"] == "Sở Tài chánh"


def test_a_file_is_parsed_again_once_then_kept(tmp_path, monkeypatch):
    """A report's own files are read once in a run and are not kept; a file read again is kept
    from then on: a batch parses its shared files twice, whatever the number of reports."""
    parsed = []
    real_parse = loader._parse
    monkeypatch.setattr(loader, "_parse", lambda shown, data: parsed.append(shown) or real_parse(shown, data))
    report = _report(tmp_path, "co_quan: Sở Tài chính\n")
    for _ in range(4):
        assert loader.load(report).data["co_quan"] == "Sở Tài chính"
    assert sorted(Path(p).name for p in parsed) == ["bao-cao.yaml"] * 2 + ["co-quan.yaml"] * 2


def test_reused_file_does_not_keep_its_includes_for_the_next_report(tmp_path):
    report = _report(tmp_path, "co_quan: Sở Tài chính\n")
    loader.load(report)
    loader.load(report)
    again = loader.load(report)
    assert "bao_gom" not in again.data and again.files[-1].endswith("co-quan.yaml")
