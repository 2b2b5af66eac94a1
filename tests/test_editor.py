"""The JSON Schema in the real editor client: yaml-language-server (what VS Code's YAML extension
runs), driven over stdio with LSP JSON-RPC. scripts/setup.sh installs it into .tools/ when Node
is there; the test is skipped only when Node is absent."""

import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from reportgen.source.json_schema import render
from reportgen.source.templates import template_roots

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / ".tools/node_modules/yaml-language-server/bin/yaml-language-server"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="cần Node.js cho yaml-language-server")


class LanguageServer:
    """A minimal LSP client: Content-Length framed JSON-RPC over the server's stdin/stdout."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages = []
        self.lock = threading.Condition()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = json.loads(stream.read(int(headers["content-length"])))
            if body.get("method") == "workspace/configuration":  # the server asks for its settings
                self._send({"jsonrpc": "2.0", "id": body["id"],
                            "result": [self.settings.get(i.get("section"), None) for i in body["params"]["items"]]})
            with self.lock:
                self.messages.append(body)
                self.lock.notify_all()

    def _send(self, message):
        data = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=30):
        self.next_id += 1
        wanted = self.next_id
        self._send({"jsonrpc": "2.0", "id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m, timeout)["result"]

    def wait(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                found = next((m for m in self.messages if predicate(m)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"yaml-language-server không trả lời; đã nhận: {self.messages[-5:]}")
                self.lock.wait(left)

    def close(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (AssertionError, OSError, subprocess.TimeoutExpired):  # the server is gone or stuck
            self.process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not SERVER.is_file():
        subprocess.run(["npm", "install", "--prefix", str(ROOT / ".tools"), "--no-audit", "--no-fund", "--silent",
                        "--no-save", "yaml-language-server@1.19.2"], check=True, capture_output=True, timeout=300)
    folder = tmp_path_factory.mktemp("editor")
    schema = folder / "reportgen.schema.json"
    schema.write_text(render(template_roots(ROOT)), encoding="utf-8")
    client = LanguageServer(["node", str(SERVER), "--stdio"])
    client.settings = {"yaml": {"validate": True, "completion": True, "hover": True,
                                "schemas": {schema.as_uri(): ["*.yaml"]}}}
    client.request("initialize", {"processId": None, "rootUri": folder.as_uri(),
                                  "capabilities": {"workspace": {"configuration": True},
                                                   "textDocument": {"completion": {"completionItem": {}},
                                                                    "hover": {"contentFormat": ["plaintext"]}}}})
    client.notify("initialized", {})
    client.notify("workspace/didChangeConfiguration", {"settings": client.settings})
    client.folder = folder
    # the schema is read asynchronously: a document underlined by it says the server has it, so
    # that a test asking for completions first (run alone) does not ask before that
    _diagnostics(client, "san-sang.yaml", "khong_co: 1\n")
    yield client
    client.close()


REPORT = """\
mau: de-an-06-bao-cao
co_quan:
  ten: [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]
  ten_goi: Ủy ban nhân dân xã An Bình
so: [15]
ky_hieu: BC-UBND
dia_danh: An Bình
ngay: 2025-10-31
noi_dung:
  - muc: Kết quả
    noi_dung:
      - khaon: Công tác chỉ đạo
chu_ky:
  tham_quyen: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]
  chuc_vu: PHÓ CHỦ TỊCH
noi_nhan: [Như trên]
luu: VT, VP
phu_luc:
  - id: nhiem-vu
    tieu_de: Nhiệm vụ
    bang:
      loai: nhiem_vu
      dong:
        - {noi_dung: Việc một, trang_thai: xong}
"""

_opened = []


def _open(server, name, text):
    uri = (server.folder / name).as_uri()
    _opened.append(uri)
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                            "text": text}})
    return uri


def _diagnostics(server, name, text):
    uri = _open(server, name, text)
    message = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri and m["params"]["diagnostics"])
    return {d["range"]["start"]["line"]: d["message"] for d in message["params"]["diagnostics"]}


def test_typo_wrong_type_missing_field_and_status_are_underlined(server):
    found = _diagnostics(server, "bao-cao.yaml", REPORT)
    lines = REPORT.splitlines()
    by_text = {lines[line].strip(): message for line, message in found.items()}
    # a misspelt block key is named as such, not "Missing property muc"
    assert "khaon" in by_text["- khaon: Công tác chỉ đạo"] and "not allowed" in by_text["- khaon: Công tác chỉ đạo"]
    assert "Incorrect type" in by_text["so: [15]"]
    assert "ho_ten" in by_text["chu_ky:"] and "Missing property" in by_text["chu_ky:"]
    # the status comes from the table kind nhiem_vu of the templates
    status = by_text["- {noi_dung: Việc một, trang_thai: xong}"]
    assert "hoan_thanh" in status and "dang_trien_khai" in status
    assert len(found) == 4, found


def test_a_report_with_includes_needs_no_signer_of_its_own(server):
    text = "mau: de-an-06-bao-cao\nbao_gom: [chung/co-quan.yaml]\nky_hieu: BC-UBND\nngay: 2025-10-31\n" \
           "noi_dung: [Một đoạn.]\nnoi_nhan: [Như trên]\nluu: VT\nkhong_co: 1\n"
    found = _diagnostics(server, "co-bao-gom.yaml", text)
    assert list(found) == [7] and "khong_co" in found[7]


def test_completion_inside_chu_ky_offers_its_keys_with_descriptions(server):
    text = "mau: de-an-06-bao-cao\nchu_ky:\n  chuc_vu: CHỦ TỊCH\n  \n"
    uri = _open(server, "hoan-thanh.yaml", text)
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                        "position": {"line": 3, "character": 2}})
    items = result["items"] if isinstance(result, dict) else result
    labels = {item["label"] for item in items}
    assert {"ho_ten", "tham_quyen"} <= labels
    assert "mau" not in labels and "chuc_vu" not in labels  # only chu_ky's keys, not one already there
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 4}})
    shown = json.dumps(hover, ensure_ascii=False)
    assert "Chức vụ người ký" in shown
