"""Click's own words in Vietnamese: usage lines, help headings, and every usage error.

Click passes each of its messages through `gettext` (`_()` and `ngettext()` bound in each of
its modules). `install()` rebinds those names in Click's modules to a lookup in `CATALOG`;
a message not in the catalog stays as Click wrote it, and the test of the command line
fails on any English it shows. `localise(command)` gives a command Vietnamese placeholders
(`[TÙY CHỌN]`, `TỆP`, `SỐ`) in place of `[OPTIONS]`, `PATH`, `INTEGER`.
"""

from __future__ import annotations

import importlib
import sys

import click

CATALOG = {
    # headings and help
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "deprecated": "không còn dùng",
    "(dynamic)": "(tính khi chạy)",
    "Aborted!": "Đã dừng!",
    "Confirm the action without prompting.": "Xác nhận mà không hỏi lại.",
    "Do you want to continue?": "Tiếp tục?",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    # errors
    "Error: {message}": "Lỗi: {message}",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: {command} {option}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing command.": "Thiếu tên lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Invalid start character for option ({option})": "Ký tự đầu không hợp lệ cho tùy chọn ({option})",
    "Windows error: {error}": "Lỗi của Windows: {error}",
    # values
    "file": "tệp",
    "directory": "thư mục",
    "path": "tệp",  # Click capitalises it ("Tệp 'x' không tồn tại."): one word reads well
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được (không có quyền).",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được (không có quyền).",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong các giá trị {choices}.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị đúng/sai. Các giá trị nhận: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ.",
    "{len_type} values are required, but {len_value} was given.": "Cần {len_type} giá trị nhưng có {len_value}.",
    "{len_type} values are required, but {len_value} were given.": "Cần {len_type} giá trị nhưng có {len_value}.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Không hỗ trợ gợi ý lệnh cho Bash cũ hơn 4.4.",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Không xác định được phiên bản Bash, không hỗ trợ gợi ý lệnh.",
}

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui",
                 "utils", "shell_completion", "_termui_impl")
# Imported by Click when a progress bar, pager or editor is used, and not before: none of its
# messages is one reportgen shows (a progress bar's "d" of days, an editor's failure), and
# importing it (with shlex, termios and tty) took ~4 ms of every start.
IMPORTED_WHEN_USED = ("_termui_impl",)

METAVARS = {"PATH": "ĐƯỜNG_DẪN", "FILE": "TỆP", "DIRECTORY": "THƯ_MỤC", "TEXT": "VĂN_BẢN", "SỐ NGUYÊN": "SỐ",
            "SỐ THẬP PHÂN": "SỐ", "BOOLEAN": "ĐÚNG/SAI"}
OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM SỐ]..."


def translate(message: str) -> str:
    return CATALOG.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


def install() -> None:
    """Rebind Click's `_` and `ngettext` to the catalog (idempotent)."""
    for name in CLICK_MODULES:
        if name in IMPORTED_WHEN_USED and f"click.{name}" not in sys.modules:
            continue
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a module only some platforms have
            continue
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural
    _translate_inserted_words()


def _translate_inserted_words() -> None:
    """`'x' is not a valid integer`: the kind of number is the type's name, inserted untranslated."""
    from click import types

    for kind, name in ((types.IntParamType, "số nguyên"), (types.IntRange, "số nguyên"),
                       (types.FloatParamType, "số thập phân"), (types.FloatRange, "số thập phân")):
        kind.name = name


def _metavar(param: click.Parameter) -> str | None:
    kind = param.type
    if isinstance(kind, click.Path):
        return "THƯ_MỤC" if not kind.file_okay else "TỆP" if not kind.dir_okay else "ĐƯỜNG_DẪN"
    if isinstance(kind, click.Choice):
        return None  # the choices themselves: [giu|xoa]
    return METAVARS.get(kind.name.upper())


def localise(command: click.Command) -> click.Command:
    """Vietnamese placeholders in a command's usage line and help (and its subcommands')."""
    command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            localise(sub)
    for param in command.params:
        if param.metavar is None and not getattr(param, "is_flag", False):
            name = _metavar(param)
            if name and isinstance(param, click.Argument) and param.nargs != 1:
                name += "..."
            param.metavar = name
    return command


class VietnameseGroup(click.Group):
    """A command group whose commands, however they are added, show Vietnamese placeholders."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        self.subcommand_metavar = SUBCOMMAND_METAVAR

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(localise(cmd), name)


install()
