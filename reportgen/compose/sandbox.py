"""The Jinja sandbox with bounds: nothing a template writes can run for long or fill the memory.

Jinja's immutable sandbox already keeps templates away from the file system and from
changing the report's data; this adds the bounds it lacks. Every operation that can
make a large value from a small expression (repetition, format widths, big powers,
joins, padding filters), every loop iteration and every call is measured against a
budget per text; going over raises `LimitExceeded` with a Vietnamese message, which
the renderer reports at the template's file and line.
"""

from __future__ import annotations

import functools
import re
import types

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from reportgen.records import record

MAX_VALUE_LENGTH = 100_000       # characters (or items) one operation may produce
MAX_PRODUCED_PER_TEXT = 2_000_000  # characters (or items) all operations of one text may produce
MAX_TEXT_OUTPUT = 200_000        # characters one text or template file may print
MAX_BUILD_OUTPUT = 1_000_000     # characters all the texts of one report may print
MAX_ITERATIONS = 50_000          # loop iterations in one text
MAX_CALLS = 20_000               # calls (macros, methods, includes) in one text
MAX_BUILD_WORK = 200_000         # iterations and calls of all the texts of one report
MAX_RANGE = 10_000               # items of one range()
MAX_WIDTH = 1_000                # a width or precision in a format, a padding or indent
MAX_INT_BITS = 14_000            # about 4 200 digits: Python prints no longer integer

LOOP_NAME = "_rg_loop"
CONCAT_NAME = "_rg_concat"

_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([a-zA-Z%])")
_FORMAT_SPEC = re.compile(r"^(?:.?[<>=^])?[+\- ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?[a-zA-Z%]?$")


class LimitExceeded(Exception):
    """A template went over one of the bounds; the message says which, in Vietnamese."""


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _too_long(what: str, size: int, limit: int = MAX_VALUE_LENGTH) -> LimitExceeded:
    return LimitExceeded(f"{what} tạo ra giá trị dài {_number(size)} ký tự (phần tử), "
                         f"vượt giới hạn {_number(limit)}")


def _too_wide(what: str, width: int) -> LimitExceeded:
    return LimitExceeded(f"{what}: độ rộng {_number(width)} vượt giới hạn {_number(MAX_WIDTH)}")


def _size(value) -> int:
    if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)):
        return len(value)
    return 0


def _text_size(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 3 + 1
    try:
        return len(str(value))
    except Exception:
        return 0


@record
class Budget:
    """What one text has used so far, and the whole build."""

    iterations: int = 0
    calls: int = 0
    produced: int = 0
    printed: int = 0
    build_printed: int = 0
    build_work: int = 0
    depth: int = 0
    exhausted: bool = False  # a bound of the whole build was crossed: no further text is rendered

    def begin(self) -> None:
        if self.depth == 0:
            self.build_work += self.iterations + self.calls
            self.iterations = self.calls = self.produced = self.printed = 0
            if self.build_work > MAX_BUILD_WORK:
                self.exhausted = True
                raise LimitExceeded(f"các văn bản của báo cáo chạy quá {_number(MAX_BUILD_WORK)} lượt lặp "
                                    "và lần gọi")
        self.depth += 1

    def end(self) -> None:
        self.depth -= 1

    def count_iteration(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_ITERATIONS:
            raise LimitExceeded(f"vòng lặp chạy quá {_number(MAX_ITERATIONS)} lượt trong một văn bản")

    def count_call(self) -> None:
        self.calls += 1
        if self.calls > MAX_CALLS:
            raise LimitExceeded(f"quá {_number(MAX_CALLS)} lần gọi macro, hàm hoặc include trong một văn bản "
                                "(đệ quy không dừng?)")

    def count_produced(self, value) -> None:
        size = _size(value)
        if size > MAX_VALUE_LENGTH:
            raise _too_long("biểu thức", size)
        self.produced += size
        if self.produced > MAX_PRODUCED_PER_TEXT:
            raise LimitExceeded(f"các biểu thức của một văn bản tạo ra quá {_number(MAX_PRODUCED_PER_TEXT)} ký tự")

    def count_printed(self, size: int) -> None:
        self.printed += size
        if self.printed > MAX_TEXT_OUTPUT:
            raise LimitExceeded(f"văn bản in ra quá {_number(MAX_TEXT_OUTPUT)} ký tự")

    def count_build(self, size: int) -> None:
        self.build_printed += size
        if self.build_printed > MAX_BUILD_OUTPUT:
            self.exhausted = True
            raise LimitExceeded(f"các văn bản của báo cáo in ra quá {_number(MAX_BUILD_OUTPUT)} ký tự")


def _check_printf(template: str, args) -> None:
    """`'%0999999999d' % 1` and `'%s%s…' % (big, big, …)` are refused before Python runs them."""
    specs = _PRINTF_SPEC.findall(template)
    for width, precision, _ in specs:
        for part in (width, precision):
            if part.isdigit() and int(part) > MAX_WIDTH:
                raise _too_wide(f'định dạng "%" trong "{template[:40]}"', int(part))
    values = list(args) if isinstance(args, tuple) else [args]
    if any(w == "*" or p == "*" for w, p, _ in specs):
        for value in values:
            if isinstance(value, int) and abs(value) > MAX_WIDTH:
                raise _too_wide(f'định dạng "%*" trong "{template[:40]}"', abs(value))
    if isinstance(args, dict):
        longest = max((_text_size(v) for v in args.values()), default=0)
        estimate = len(template) + len(specs) * longest
    else:
        estimate = len(template) + sum(_text_size(v) for v in values)
    if estimate > MAX_VALUE_LENGTH:
        raise _too_long('phép định dạng "%"', estimate)


class BoundedFormatter(SandboxedFormatter):
    """str.format in the sandbox, with widths and the result's length bounded."""

    def __init__(self, env):
        super().__init__(env)
        self.length = 0

    def format_field(self, value, format_spec: str):
        match = _FORMAT_SPEC.match(format_spec or "")
        if match is None and format_spec:
            numbers = [int(n) for n in re.findall(r"\d+", format_spec)]
        else:
            numbers = [int(n) for n in (match.groups() if match else ()) if n]
        for number in numbers:
            if number > MAX_WIDTH:
                raise _too_wide(f'định dạng "{{:{format_spec[:20]}}}"', number)
        result = super().format_field(value, format_spec)
        self.length += len(result)
        if self.length > MAX_VALUE_LENGTH:
            raise _too_long("phép .format()", self.length)
        return result


class _Bounder(NodeTransformer):
    """Rewrites a parsed template: every loop's iterable is counted, every `~` is measured."""

    def visit_For(self, node: nodes.For):
        node = self.generic_visit(node)
        counted = nodes.Call(nodes.Name(LOOP_NAME, "load"), [node.iter], [], None, None)
        node.iter = counted.set_lineno(node.iter.lineno or node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat):
        node = self.generic_visit(node)
        call = nodes.Call(nodes.Name(CONCAT_NAME, "load"), list(node.nodes), [], None, None)
        return call.set_lineno(node.lineno)


class BoundedNamespace(Namespace):
    """`namespace()` whose attributes cannot grow past the bounds (`{% set ns.s = ns.s ~ ns.s %}`)."""

    def __setitem__(self, name, value):
        if _size(value) > MAX_VALUE_LENGTH:
            raise _too_long(f'gán "{name}"', _size(value))
        super().__setitem__(name, value)


_STR_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}


class BoundedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, **options):
        super().__init__(**options)
        self.budget = Budget()
        self.concat = self._bounded_join
        self.globals.pop("lipsum", None)
        self.globals.update({"range": self._range, "namespace": BoundedNamespace,
                             LOOP_NAME: self._loop, CONCAT_NAME: self._concat})
        self.filters.update(_bounded_filters(self.filters, self.budget))

    # --- rewriting the parsed template ---
    def _parse(self, source, name, filename):
        tree = _Bounder().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    # --- the counted constructs ---
    def _bounded_join(self, pieces) -> str:
        out = []
        for piece in pieces:
            self.budget.count_printed(len(piece))
            out.append(piece)
        return "".join(out)

    def _loop(self, iterable):
        budget = self.budget
        for item in iterable:
            budget.count_iteration()
            yield item

    def _concat(self, *values) -> str:
        parts = [str(v) for v in values]
        size = sum(len(p) for p in parts)
        if size > MAX_VALUE_LENGTH:
            raise _too_long('phép nối "~"', size)
        result = "".join(parts)
        self.budget.count_produced(result)
        return result

    def _range(self, *args):
        rng = range(*args)
        if len(rng) > MAX_RANGE:
            raise LimitExceeded(f"range() có {_number(len(rng))} phần tử, vượt giới hạn {_number(MAX_RANGE)}")
        return rng

    # --- operators, calls, str.format ---
    def call_binop(self, context, operator, left, right):
        _check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        self.budget.count_produced(result)
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        __self.budget.count_call()
        args = _check_method(__obj, args)
        result = super().call(__context, __obj, *args, **kwargs)
        __self.budget.count_produced(result)
        return result

    def get_template(self, name, parent=None, globals=None):
        self.budget.count_call()  # every include and import
        return super().get_template(name, parent, globals)

    def wrap_str_format(self, value):
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or \
                value.__name__ not in ("format", "format_map") or not isinstance(value.__self__, str):
            return None
        template, is_map = value.__self__, value.__name__ == "format_map"

        def bounded_format(*args, **kwargs):
            if is_map:
                if kwargs or len(args) != 1:
                    raise LimitExceeded("format_map() nhận đúng một bảng giá trị")
                args, kwargs = (), args[0]
            return BoundedFormatter(self).vformat(template, args, kwargs)

        return functools.update_wrapper(bounded_format, value)


def _check_binop(operator: str, left, right) -> None:
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if _size(seq) and isinstance(count, int) and not isinstance(seq, (dict, set, frozenset)):
                if len(seq) * count > MAX_VALUE_LENGTH:
                    raise _too_long('phép lặp "*"', len(seq) * count)
        if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise LimitExceeded(f'phép nhân "*" cho số quá lớn (quá {_number(MAX_INT_BITS)} bit)')
    elif operator == "**":
        if _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1 \
                and left.bit_length() * right > MAX_INT_BITS:
            raise LimitExceeded(f'lũy thừa "**" với số mũ {_number(right)} cho số quá lớn '
                                f'(quá {_number(MAX_INT_BITS)} bit)')
    elif operator == "%" and isinstance(left, str):
        _check_printf(left, right)
    elif operator == "+" and _size(left) and _size(right) and _size(left) + _size(right) > MAX_VALUE_LENGTH:
        raise _too_long('phép cộng "+"', _size(left) + _size(right))


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_method(obj, args: tuple) -> tuple:
    """str methods that can make a huge string from a small call; returns the (materialised) args."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, (str, bytes)) or not isinstance(obj, types.BuiltinMethodType):
        return args
    if name in _STR_WIDTH_METHODS and args and _is_int(args[0]):
        width = args[0] * (owner.count("\t") if name == "expandtabs" else 1)
        if args[0] > MAX_WIDTH or width > MAX_VALUE_LENGTH:
            raise _too_wide(f".{name}()", args[0])
    elif name == "join" and args:
        items = list(args[0]) if not isinstance(args[0], (list, tuple, str)) else args[0]
        size = sum(_text_size(i) for i in items) + len(owner) * max(len(items) - 1, 0)
        if size > MAX_VALUE_LENGTH:
            raise _too_long(".join()", size)
        return (items, *args[1:])
    elif name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else -1)
    return args


def _check_replace(text, old, new, count) -> None:
    if not isinstance(old, (str, bytes)) or not isinstance(new, (str, bytes)):
        return
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    size = len(text) + found * (len(new) - len(old))
    if size > MAX_VALUE_LENGTH:
        raise _too_long("phép thay thế replace", size)


def _bounded_filters(filters: dict, budget: Budget) -> dict:
    """Jinja's filters that take a width or a count, wrapped with the bounds; every filter's
    result is measured."""
    originals = dict(filters)

    def width_checked(name, position, key):
        """`position`: of the width among the filter's own arguments (the value is 0)."""
        original = originals[name]
        if getattr(original, "jinja_pass_arg", None) is not None:
            position += 1  # the environment or context Jinja passes first

        @functools.wraps(original)
        def bounded(*args, **kwargs):
            width = kwargs.get(key, args[position] if len(args) > position else None)
            if _is_int(width) and abs(width) > MAX_WIDTH:
                raise _too_wide(f'bộ lọc "{name}"', abs(width))
            if isinstance(width, str) and len(width) > MAX_WIDTH:
                raise _too_wide(f'bộ lọc "{name}"', len(width))
            return original(*args, **kwargs)
        return bounded

    def formatted(value, *args, **kwargs):
        _check_printf(str(value), args if args else kwargs)
        return originals["format"](value, *args, **kwargs)

    def replaced(eval_ctx, s, old, new, count=None):
        _check_replace(str(s), str(old), str(new), -1 if count is None else count)
        return originals["replace"](eval_ctx, s, old, new, count)
    replaced.jinja_pass_arg = originals["replace"].jinja_pass_arg

    def joined(eval_ctx, value, d="", attribute=None):
        items = list(value)
        size = sum(_text_size(i) for i in items) + len(str(d)) * max(len(items) - 1, 0)
        if attribute is None and size > MAX_VALUE_LENGTH:
            raise _too_long('bộ lọc "join"', size)
        return originals["join"](eval_ctx, items, d, attribute)
    joined.jinja_pass_arg = originals["join"].jinja_pass_arg

    bounded = {
        "center": width_checked("center", 1, "width"),
        "indent": width_checked("indent", 1, "width"),
        "wordwrap": width_checked("wordwrap", 1, "width"),
        "batch": width_checked("batch", 1, "linecount"),
        "slice": width_checked("slice", 1, "slices"),
        "tojson": width_checked("tojson", 1, "indent"),
        "format": formatted,
        "replace": replaced,
        "join": joined,
    }
    for name, original in originals.items():
        bounded.setdefault(name, original)
    return {name: _measured(f, budget) for name, f in bounded.items()}


def _measured(original, budget: Budget):
    """A filter whose result is counted in the text's budget (filters bypass the sandbox's call)."""
    @functools.wraps(original)
    def measured(*args, **kwargs):
        result = original(*args, **kwargs)
        budget.count_produced(result)
        return result
    return measured
