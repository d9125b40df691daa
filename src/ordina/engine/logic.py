"""Three-valued conditions over facts (Kleene logic), readable back in Italian.

A condition is an expression tree built from :func:`F` (a fact reference),
constants, comparisons, arithmetic and ``&`` / ``|`` / ``~``. Evaluating it
against a fact set gives ``True``, ``False`` or :data:`UNKNOWN`: an unknown fact
makes the result unknown only when the known facts cannot already decide it
(``False & UNKNOWN`` is ``False``, ``True | UNKNOWN`` is ``True``).

Expressions also say which facts they read and which constants they compare a
fact with, so the engine can try the values that matter when it ranks the
missing facts to ask first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, Self


class _Unknown:
    """The third truth value: a fact nobody has stated."""

    _instance: _Unknown | None = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("UNKNOWN has no truth value: test it with 'is UNKNOWN'")


UNKNOWN: Any = _Unknown()
"""The value of a fact that is not known. Never a default: checks must handle it."""

Values = Mapping[str, Any]
"""What an expression reads: fact name -> value (missing keys are unknown)."""


def fmt(value: Any) -> str:
    """A value as an Italian reader expects it (``1.500,00 €`` is formatted by the caller)."""
    if value is UNKNOWN:
        return "non noto"
    if value is True:
        return "sì"
    if value is False:
        return "no"
    if isinstance(value, float):
        text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        return text.removesuffix(",00")
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).replace("_", " ")


class Expr:
    """A node of a condition. Subclasses implement :meth:`eval` and :meth:`describe`."""

    __slots__ = ()

    def eval(self, values: Values) -> Any:
        """The value of the node: a value, True/False, or UNKNOWN."""
        raise NotImplementedError

    def facts(self) -> list[str]:
        """Names of the facts the node reads, in first-appearance order."""
        return []

    def probes(self, name: str) -> list[Any]:
        """Values worth trying for fact ``name`` (the constants it is compared with)."""
        return []

    def labels(self) -> dict[str, str]:
        """Italian labels of the facts the node reads, by name."""
        out: dict[str, str] = {}
        for child in self._children():
            out.update(child.labels())
        return out

    def _children(self) -> tuple[Expr, ...]:
        return ()

    def describe(self, values: Values | None = None) -> str:
        """Italian text of the node; with ``values``, the values it had."""
        raise NotImplementedError

    # Logic -----------------------------------------------------------------------------
    def __and__(self, other: Any) -> Expr:
        return And(self, lift(other))

    def __rand__(self, other: Any) -> Expr:
        return And(lift(other), self)

    def __or__(self, other: Any) -> Expr:
        return Or(self, lift(other))

    def __ror__(self, other: Any) -> Expr:
        return Or(lift(other), self)

    def __invert__(self) -> Expr:
        return Not(self)

    # Comparisons -------------------------------------------------------------------------
    def __eq__(self, other: object) -> Expr:  # type: ignore[override]
        return Compare("==", self, lift(other))

    def __ne__(self, other: object) -> Expr:  # type: ignore[override]
        return Compare("!=", self, lift(other))

    def __lt__(self, other: Any) -> Expr:
        return Compare("<", self, lift(other))

    def __le__(self, other: Any) -> Expr:
        return Compare("<=", self, lift(other))

    def __gt__(self, other: Any) -> Expr:
        return Compare(">", self, lift(other))

    def __ge__(self, other: Any) -> Expr:
        return Compare(">=", self, lift(other))

    __hash__ = object.__hash__

    # Arithmetic ----------------------------------------------------------------------------
    def __add__(self, other: Any) -> Expr:
        return Arith("+", self, lift(other))

    def __radd__(self, other: Any) -> Expr:
        return Arith("+", lift(other), self)

    def __sub__(self, other: Any) -> Expr:
        return Arith("-", self, lift(other))

    def __rsub__(self, other: Any) -> Expr:
        return Arith("-", lift(other), self)

    def __mul__(self, other: Any) -> Expr:
        return Arith("*", self, lift(other))

    def __rmul__(self, other: Any) -> Expr:
        return Arith("*", lift(other), self)

    def __truediv__(self, other: Any) -> Expr:
        return Arith("/", self, lift(other))

    def isin(self, options: Iterable[Any]) -> Expr:
        """True when the value is one of ``options``."""
        return In(self, tuple(options))


def lift(value: Any) -> Expr:
    """Wrap a Python constant as an expression (expressions pass through)."""
    return value if isinstance(value, Expr) else Const(value)


class Const(Expr):
    """A constant (a threshold, a category, a label)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def eval(self, values: Values) -> Any:
        return self.value

    def describe(self, values: Values | None = None) -> str:
        return fmt(self.value)


class F(Expr):
    """A reference to a fact of the vocabulary, by name: ``F("percentuale_part_time") > 50``."""

    __slots__ = ("label", "name")

    def __init__(self, name: str, label: str | None = None) -> None:
        self.name = name
        self.label = label or name.replace("_", " ")

    def eval(self, values: Values) -> Any:
        value = values.get(self.name, UNKNOWN)
        return UNKNOWN if value is None else value

    def facts(self) -> list[str]:
        return [self.name]

    def labels(self) -> dict[str, str]:
        return {self.name: self.label}

    def describe(self, values: Values | None = None) -> str:
        if values is None:
            return self.label
        return f"{self.label} = {fmt(self.eval(values))}"


def _merge(*lists: list[str]) -> list[str]:
    out: list[str] = []
    for names in lists:
        for name in names:
            if name not in out:
                out.append(name)
    return out


class And(Expr):
    """Kleene conjunction: one False decides it."""

    __slots__ = ("parts",)

    def __init__(self, *parts: Expr) -> None:
        flat: list[Expr] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, And) else (part,))
        self.parts = tuple(flat)

    def eval(self, values: Values) -> Any:
        result: Any = True
        for part in self.parts:
            value = part.eval(values)
            if value is UNKNOWN:
                result = UNKNOWN
            elif not value:
                return False
        return result

    def facts(self) -> list[str]:
        return _merge(*(p.facts() for p in self.parts))

    def _children(self) -> tuple[Expr, ...]:
        return self.parts

    def probes(self, name: str) -> list[Any]:
        return [v for p in self.parts for v in p.probes(name)]

    def describe(self, values: Values | None = None) -> str:
        return " e ".join(p.describe(values) for p in self.parts)


class Or(Expr):
    """Kleene disjunction: one True decides it."""

    __slots__ = ("parts",)

    def __init__(self, *parts: Expr) -> None:
        flat: list[Expr] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, Or) else (part,))
        self.parts = tuple(flat)

    def eval(self, values: Values) -> Any:
        result: Any = False
        for part in self.parts:
            value = part.eval(values)
            if value is UNKNOWN:
                result = UNKNOWN
            elif value:
                return True
        return result

    def facts(self) -> list[str]:
        return _merge(*(p.facts() for p in self.parts))

    def _children(self) -> tuple[Expr, ...]:
        return self.parts

    def probes(self, name: str) -> list[Any]:
        return [v for p in self.parts for v in p.probes(name)]

    def describe(self, values: Values | None = None) -> str:
        return "(" + " oppure ".join(p.describe(values) for p in self.parts) + ")"


class Not(Expr):
    """Negation; the negation of UNKNOWN is UNKNOWN."""

    __slots__ = ("part",)

    def __init__(self, part: Expr) -> None:
        self.part = part

    def eval(self, values: Values) -> Any:
        value = self.part.eval(values)
        return UNKNOWN if value is UNKNOWN else not value

    def facts(self) -> list[str]:
        return self.part.facts()

    def _children(self) -> tuple[Expr, ...]:
        return (self.part,)

    def probes(self, name: str) -> list[Any]:
        return self.part.probes(name)

    def describe(self, values: Values | None = None) -> str:
        return f"non ({self.part.describe(values)})"


_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
_OP_WORDS = {"==": "è", "!=": "non è", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}


class Compare(Expr):
    """A comparison; unknown when either side is."""

    __slots__ = ("left", "op", "right")

    def __init__(self, op: str, left: Expr, right: Expr) -> None:
        self.op, self.left, self.right = op, left, right

    def eval(self, values: Values) -> Any:
        a = self.left.eval(values)
        if a is UNKNOWN:
            return UNKNOWN
        b = self.right.eval(values)
        if b is UNKNOWN:
            return UNKNOWN
        try:
            return bool(_OPS[self.op](a, b))
        except TypeError:
            return False

    def facts(self) -> list[str]:
        return _merge(self.left.facts(), self.right.facts())

    def _children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def probes(self, name: str) -> list[Any]:
        out: list[Any] = []
        for mine, other in ((self.left, self.right), (self.right, self.left)):
            if isinstance(mine, F) and mine.name == name and isinstance(other, Const):
                c = other.value
                out.append(c)
                if isinstance(c, (int, float)) and not isinstance(c, bool):
                    out += [c - 1, c + 1]
        return out

    def describe(self, values: Values | None = None) -> str:
        if isinstance(self.left, F) and isinstance(self.right, Const) and self.op in ("==", "!="):
            if values is None:
                return f"{self.left.label} {_OP_WORDS[self.op]} {fmt(self.right.value)}"
            return self.left.describe(values)
        text = f"{self.left.describe(values)} {_OP_WORDS[self.op]} {self.right.describe(values)}"
        if values is not None:
            result = self.eval(values)
            if result is not UNKNOWN:
                text += ": " + ("vero" if result else "falso")
        return text


class Arith(Expr):
    """Arithmetic between facts and constants; unknown when any operand is."""

    __slots__ = ("left", "op", "right")

    def __init__(self, op: str, left: Expr, right: Expr) -> None:
        self.op, self.left, self.right = op, left, right

    def eval(self, values: Values) -> Any:
        a = self.left.eval(values)
        b = self.right.eval(values)
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        return _OPS[self.op](a, b)

    def facts(self) -> list[str]:
        return _merge(self.left.facts(), self.right.facts())

    def _children(self) -> tuple[Expr, ...]:
        return (self.left, self.right)

    def describe(self, values: Values | None = None) -> str:
        text = f"{self.left.describe(None)} {self.op} {self.right.describe(None)}"
        if values is not None:
            value = self.eval(values)
            text = f"({text} = {fmt(float(value) if isinstance(value, (int, float)) else value)})"
        return text


class In(Expr):
    """Membership in a set of allowed values."""

    __slots__ = ("options", "part")

    def __init__(self, part: Expr, options: tuple[Any, ...]) -> None:
        self.part, self.options = part, options

    def eval(self, values: Values) -> Any:
        value = self.part.eval(values)
        if value is UNKNOWN:
            return UNKNOWN
        if isinstance(value, (list, tuple, set, frozenset)):
            return any(v in self.options for v in value)
        return value in self.options

    def facts(self) -> list[str]:
        return self.part.facts()

    def _children(self) -> tuple[Expr, ...]:
        return (self.part,)

    def probes(self, name: str) -> list[Any]:
        if isinstance(self.part, F) and self.part.name == name:
            return list(self.options)
        return []

    def describe(self, values: Values | None = None) -> str:
        if values is None:
            return f"{self.part.describe(None)} tra {', '.join(fmt(o) for o in self.options)}"
        return self.part.describe(values)


def is_true(name: str, label: str | None = None) -> Expr:
    """Shorthand for a boolean fact that must be true."""
    return F(name, label) == True


def is_false(name: str, label: str | None = None) -> Expr:
    """Shorthand for a boolean fact that must be false."""
    return F(name, label) == False


class Known(Expr):
    """True when the fact is stated, False when not: never unknown.

    Used as a check's precondition ("the cap matters when a compensation is given"),
    never to default a value.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def eval(self, values: Values) -> Any:
        value = values.get(self.name, UNKNOWN)
        return value is not UNKNOWN and value is not None

    def facts(self) -> list[str]:
        return [self.name]

    def describe(self, values: Values | None = None) -> str:
        return f"{self.name.replace('_', ' ')} indicato"


def known(name: str) -> Expr:
    """An expression true when fact ``name`` is known (see :class:`Known`)."""
    return Known(name)


ALWAYS: Expr = Const(True)
"""The condition of a note that always applies (when its check reaches the note's verdict)."""


class Call(Expr):
    """A named pure function of other expressions: unknown when any argument is.

    ``Call("categoria immediatamente superiore", next_category, F("category"))``.
    """

    __slots__ = ("args", "fn", "label")

    def __init__(self, label: str, fn: Callable[..., Any], *args: Any) -> None:
        self.label, self.fn, self.args = label, fn, tuple(lift(a) for a in args)

    def eval(self, values: Values) -> Any:
        args = []
        for arg in self.args:
            value = arg.eval(values)
            if value is UNKNOWN:
                return UNKNOWN
            args.append(value)
        result = self.fn(*args)
        return UNKNOWN if result is None else result

    def facts(self) -> list[str]:
        return _merge(*(a.facts() for a in self.args))

    def _children(self) -> tuple[Expr, ...]:
        return self.args

    def describe(self, values: Values | None = None) -> str:
        text = f"{self.label}({', '.join(a.describe(None) for a in self.args)})"
        if values is not None:
            text += f" = {fmt(self.eval(values))}"
        return text
