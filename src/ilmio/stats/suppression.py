"""Small-number suppression: the one rule, in one place.

The rule
========
* A count ``1 <= n < threshold`` (default 5) is never published (*primary* suppression);
  it is shown as ``"<5"``.
* A count of ``0`` is published: it reveals no one.  Zeros are never chosen as
  complements either — a hidden 0 protects nothing, because the reader can still
  derive the neighbouring cell from the total (the 0 contributes nothing).
* *Complementary* suppression: further cells (shown as ``".."``) are hidden so that no
  suppressed value can be derived from the published totals or other published cells.
  Complements are the smallest available non-zero values (ties broken
  deterministically).
* A rate is suppressed whenever its count is (:func:`suppress_rate`).

Everything the system outputs (pages, API, CSV/XLSX, PDF, public site) must come
from one of :func:`suppress`, :func:`suppress_table`, :func:`suppress_series` or
:func:`suppress_hierarchy`, and may be checked with :func:`audit`.

Model
=====
A published aggregate is a set of *nodes* (cells and totals) linked by linear
:class:`Constraint` s ``total = sum(parts)`` (each row with its row total, each column
with its column total, the totals with the grand total, a county with its
municipalities, …).  For distinct-person counts the sum is only an upper bound
(a person may be a client in two municipalities): such constraints are marked
``exact=False`` and read as ``max(parts) <= total <= sum(parts)``.

The reader (attacker) is assumed to know the structure, every published number,
that every hidden value is an integer ``>= 1`` (zeros are published), that a ``"<5"``
cell is ``<= threshold - 1`` and that a ``".."`` cell is ``>= threshold`` (complements
are never small — if primary and complementary cells looked the same this is
weaker knowledge, so protecting against it is conservative).

The algorithm iterates to a fixpoint:

1. *propagation*: a constraint with exactly one hidden node reveals it → hide the
   smallest non-zero published node of that constraint;
2. *linear algebra*: a hidden node lying outside the null space of the hidden part of
   the equality system can be solved exactly (e.g. ``a+b``, ``b+c``, ``a+c`` known)
   → hide a complement next to it;
3. *bounds* (linear programming, per connected component of hidden nodes): a hidden
   node whose feasible range contains only one integer (e.g. two ``"<5"`` cells
   that must sum to 2) → hide a complement next to it.

If no non-zero node is left to hide in the affected region, the whole region
(zeros included) is masked — a safe fallback that only very small tables reach.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, Literal, TypeVar

import numpy as np

__all__ = [
    "DEFAULT_THRESHOLD",
    "Cell",
    "Constraint",
    "Suppressed",
    "SuppressedSeries",
    "SuppressedTable",
    "audit",
    "is_safe",
    "primary_suppression_sql",
    "suppress",
    "suppress_hierarchy",
    "suppress_rate",
    "suppress_series",
    "suppress_table",
]

DEFAULT_THRESHOLD = 5
PRIMARY_PLACEHOLDER = "<{threshold}"
COMPLEMENTARY_PLACEHOLDER = ".."

Reason = Literal["primary", "complementary"]
# The node type of one structure (str, tuples of str, ...): every node of it shares N.
N = TypeVar("N", bound=Hashable)
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Cell:
    """One published number.  ``value`` is ``None`` whenever ``suppressed`` is true,
    so a hidden count cannot leak through a template that forgets to check."""

    value: int | None
    suppressed: bool = False
    reason: Reason | None = None

    def display(
        self, placeholder: str = "<5", complementary_placeholder: str = COMPLEMENTARY_PLACEHOLDER
    ) -> str:
        if not self.suppressed:
            return str(self.value)
        return placeholder if self.reason == "primary" else complementary_placeholder

    def __str__(self) -> str:
        return self.display()


@dataclass(frozen=True, slots=True)
class Constraint(Generic[N]):
    """``total = sum(parts)`` (``exact``) or ``max(parts) <= total <= sum(parts)``."""

    total: N
    parts: tuple[N, ...]
    exact: bool = True

    @property
    def nodes(self) -> tuple[N, ...]:
        return (self.total, *self.parts)


def _check_threshold(threshold: int) -> None:
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        raise ValueError(f"threshold must be an integer >= 1, got {threshold!r}")


def _canon(node: Hashable) -> str:
    # repr() of tuples of str/int is stable across processes (hash() of str is not).
    return repr(node)


@dataclass(frozen=True)
class Suppressed(Generic[N]):
    """Result of :func:`suppress`: the published cells plus the structure they obey.

    It deliberately does not keep the original values of suppressed nodes."""

    cells: Mapping[N, Cell]
    constraints: tuple[Constraint[N], ...]
    threshold: int
    distinguishable: bool = True
    masked: bool = False  # the zero-masking fallback fired somewhere

    def __getitem__(self, node: N) -> Cell:
        return self.cells[node]

    def __iter__(self) -> Iterator[N]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(self.cells)

    @property
    def placeholder(self) -> str:
        return PRIMARY_PLACEHOLDER.format(threshold=self.threshold)

    def display(self, node: N) -> str:
        if not self.distinguishable and self.cells[node].suppressed:
            return COMPLEMENTARY_PLACEHOLDER
        return self.cells[node].display(self.placeholder)

    def published(self) -> dict[N, int | None]:
        return {n: c.value for n, c in self.cells.items()}

    @property
    def suppressed_nodes(self) -> list[N]:
        return [n for n, c in self.cells.items() if c.suppressed]


# ---------------------------------------------------------------------------
# Core engine
# ---------------------------------------------------------------------------


class _Engine(Generic[N]):
    def __init__(
        self,
        values: Mapping[N, int],
        constraints: Sequence[Constraint[N]],
        threshold: int,
        distinguishable: bool,
        check_bounds: bool,
        fixed: Collection[N] = (),
        hidden: Collection[N] = (),
        free: Collection[N] = (),
    ) -> None:
        self.values = dict(values)
        # Never shown to anyone (kept in the structure so the sums hold): hiding one costs
        # no information, so they are the first choice as complements.
        self.free = frozenset(free)
        # Published upstream (a coarser period already out): chosen as a complement only
        # when nothing else can protect a cell.
        self.fixed = frozenset(fixed)
        self.nodes = sorted(self.values, key=_canon)
        self.order = {n: i for i, n in enumerate(self.nodes)}
        self.constraints = list(constraints)
        self.threshold = threshold
        self.distinguishable = distinguishable
        self.check_bounds = check_bounds
        self.member: dict[N, list[int]] = {n: [] for n in self.nodes}
        for k, con in enumerate(self.constraints):
            for n in set(con.nodes):
                if n not in self.values:
                    raise KeyError(f"constraint refers to unknown node {n!r}")
                self.member[n].append(k)
        self.sup: dict[N, Reason] = {
            n: "primary" for n in self.nodes if 0 < self.values[n] < threshold
        }
        for n in hidden:  # hidden upstream: stays hidden here
            if n not in self.values:
                raise KeyError(f"hidden node {n!r} is not in the values")
            self.sup.setdefault(n, "complementary")
        self.masked_zero: set[N] = set()

    # -- helpers -----------------------------------------------------------
    def _unknown_count(self, k: int) -> int:
        return sum(1 for n in set(self.constraints[k].nodes) if n in self.sup)

    def _key(self, n: N, current: int | None) -> tuple[bool, int, int, int]:
        # Never-shown nodes first; then the smallest value (least information lost); then
        # prefer a node that closes other one-unknown constraints and opens few new ones;
        # then a stable order.
        balance = 0
        for k in self.member[n]:
            if k == current:
                continue
            u = self._unknown_count(k)
            if u == 1:
                balance -= 1
            elif u == 0:
                balance += 1
        return (n not in self.free, self.values[n], balance, self.order[n])

    def _candidates(self, ks: Iterable[int], allow_fixed: bool = False) -> list[N]:
        seen: set[N] = set()
        out = []
        for k in ks:
            for n in self.constraints[k].nodes:
                if n not in seen and n not in self.sup and self.values[n] > 0:
                    seen.add(n)
                    if allow_fixed or n not in self.fixed:
                        out.append(n)
        return out

    def _hide(self, n: N) -> None:
        self.sup[n] = "complementary"

    # -- step 1: propagation ------------------------------------------------
    def close_singletons(self) -> None:
        changed = True
        while changed:
            changed = False
            for k in range(len(self.constraints)):
                if self._unknown_count(k) != 1:
                    continue
                cands = self._candidates([k]) or self._candidates([k], allow_fixed=True)
                if not cands:  # only possible with inconsistent input; mask region
                    self._mask_region(self.constraints[k].total)
                else:
                    self._hide(min(cands, key=partial(self._key, current=k)))
                changed = True

    # -- steps 2/3: exposure fix-ups ----------------------------------------
    def fix(self, exposed: Sequence[N]) -> None:
        touched: set[int] = set()
        # First a complement right next to each exposed node, among nodes not published
        # upstream; an exposed node with none next to it usually has an exposed hidden
        # neighbour that does, and hiding that one frees both.
        for e in exposed:
            if touched.intersection(self.member[e]):
                continue  # a complement was already added next to it this round
            cands = self._candidates(self.member[e])
            if cands:
                self._hide_near(e, cands, touched)
        if touched:
            return
        for e in exposed:
            if touched.intersection(self.member[e]):
                continue
            self._fix_wider(e, touched)

    def _hide_near(self, e: N, cands: list[N], touched: set[int]) -> None:
        choice = min(cands, key=lambda n: self._key(n, None))
        self._hide(choice)
        touched.update(self.member[choice])
        touched.update(self.member[e])

    def _fix_wider(self, e: N, touched: set[int]) -> None:
        """Widen through hidden neighbours; upstream-published nodes only as a last resort."""
        for allow_fixed in (False, True):
            if allow_fixed and not self.fixed:
                break
            frontier = list(self.member[e])
            seen_k = set(frontier)
            seen_n = {e}
            while frontier:
                cands = self._candidates(frontier, allow_fixed)
                if cands:
                    self._hide_near(e, cands, touched)
                    return
                nxt: list[int] = []
                for k in frontier:
                    for n in self.constraints[k].nodes:
                        if n in self.sup and n not in seen_n:
                            seen_n.add(n)
                            for k2 in self.member[n]:
                                if k2 not in seen_k:
                                    seen_k.add(k2)
                                    nxt.append(k2)
                frontier = nxt
        # Hiding an upstream-published node is still safe (the reader learns less);
        # masking the region is the fallback of last resort.
        self._mask_region(e)
        touched.update(self.member[e])

    def _mask_region(self, start: N) -> None:
        stack, seen = [start], {start}
        while stack:
            n = stack.pop()
            if n not in self.sup:
                self._hide(n)
                if self.values[n] == 0:
                    self.masked_zero.add(n)
            for k in self.member[n]:
                for m in self.constraints[k].nodes:
                    if m not in seen:
                        seen.add(m)
                        stack.append(m)

    def result(self) -> Suppressed[N]:
        cells = {
            n: (Cell(None, True, self.sup[n]) if n in self.sup else Cell(int(self.values[n])))
            for n in self.values  # caller's order: rows, then margins
        }
        return Suppressed(
            cells,
            tuple(self.constraints),
            self.threshold,
            self.distinguishable,
            masked=bool(self.masked_zero),
        )

    def run(self) -> Suppressed[N]:
        for _ in range(10 * len(self.nodes) + 10):
            self.close_singletons()
            res = self.result()
            exposed = _linear_exposed(res)
            if not exposed and self.check_bounds:
                exposed = _hull_exposed(res)
            if not exposed:
                return res
            before = (dict(self.sup), set(self.masked_zero))
            self.fix(exposed)
            if (self.sup, self.masked_zero) == before:
                if not self.distinguishable:
                    break  # pragma: no cover - nothing left to hide, nothing left to merge
                # Everything that could be hidden is, and the two markers themselves give
                # it away (e.g. "<3" = "<3" + "<3" forces 2 = 1 + 1): one marker for all.
                self.distinguishable = False
        raise RuntimeError("suppression did not converge")  # pragma: no cover


def suppress(
    values: Mapping[N, int],
    constraints: Iterable[Constraint[N]] = (),
    *,
    threshold: int = DEFAULT_THRESHOLD,
    distinguishable: bool = True,
    check_bounds: bool = True,
    fixed: Collection[N] = (),
    hidden: Collection[N] = (),
    free: Collection[N] = (),
) -> Suppressed[N]:
    """Apply primary and complementary suppression to ``values`` obeying ``constraints``.

    ``fixed`` and ``hidden`` carry an earlier, coarser publication into a finer one
    (years before quarters before months): ``hidden`` nodes stay hidden, ``fixed`` ones
    are chosen as complements only as a last resort, so a large total is not hidden
    because one of its parts is small. Hiding more than before never makes the earlier
    publication less safe (the reader only learns less). ``free`` nodes are in the
    structure but never shown (e.g. a column that only makes the sums hold): they are the
    first complements chosen.

    ``distinguishable``: primary cells are shown differently from complementary ones
    (``"<5"`` vs ``".."``), which gives the reader bounds; keep it ``True`` unless all
    hidden cells share one placeholder.  ``check_bounds`` runs the LP bounds step
    (slower; only switch off for very large structures and say so in the output notes).
    """
    _check_threshold(threshold)
    for n, v in values.items():
        if isinstance(v, bool) or int(v) != v or v < 0:
            raise ValueError(f"counts must be non-negative integers, got {n!r}={v!r}")
    return _Engine(values, tuple(constraints), threshold, distinguishable, check_bounds, fixed, hidden, free).run()


# ---------------------------------------------------------------------------
# Derivation checks (shared by the engine and the independent audit)
# ---------------------------------------------------------------------------


def _components(res: Suppressed[N]) -> list[tuple[list[N], list[Constraint[N]]]]:
    """Connected components of hidden nodes (linked by constraints they share)."""
    hidden = [n for n in sorted(res.cells, key=_canon) if res.cells[n].suppressed]
    idx = {n: i for i, n in enumerate(hidden)}
    parent = list(range(len(hidden)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    touching: list[Constraint[N]] = []
    for con in res.constraints:
        hs = [idx[n] for n in set(con.nodes) if n in idx]
        if not hs:
            continue
        touching.append(con)
        for h in hs[1:]:
            parent[find(h)] = find(hs[0])
    groups: dict[int, list[N]] = {}
    for n in hidden:
        groups.setdefault(find(idx[n]), []).append(n)
    comp_cons: dict[int, list[Constraint[N]]] = {}
    for con in touching:
        first = next(n for n in con.nodes if n in idx)
        comp_cons.setdefault(find(idx[first]), []).append(con)
    return [(nodes, comp_cons.get(root, [])) for root, nodes in groups.items()]


def _rows(
    res: Suppressed[N], nodes: Sequence[N], cons: Sequence[Constraint[N]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Equality system A x = b and inequality system G x <= h over hidden ``nodes``."""
    col = {n: i for i, n in enumerate(nodes)}
    eq_a: list[np.ndarray] = []
    eq_b: list[float] = []
    ub_a: list[np.ndarray] = []
    ub_b: list[float] = []

    def split(coefs: Mapping[N, float]) -> tuple[np.ndarray, float]:
        row = np.zeros(len(nodes))
        known = 0.0
        for n, c in coefs.items():
            if n in col:
                row[col[n]] += c
            else:
                known += c * float(res.cells[n].value or 0)
        return row, -known

    for con in cons:
        coefs: dict[N, float] = {}
        for p in con.parts:
            coefs[p] = coefs.get(p, 0.0) + 1.0
        coefs[con.total] = coefs.get(con.total, 0.0) - 1.0
        row, rhs = split(coefs)
        if not row.any():
            continue
        if con.exact:
            eq_a.append(row)
            eq_b.append(rhs)
        else:
            # total <= sum(parts)  <=>  -(sum(parts) - total) <= 0
            ub_a.append(-row)
            ub_b.append(-rhs)
            for p in set(con.parts):  # part <= total
                r, h = split({p: 1.0, con.total: -1.0})
                if r.any():
                    ub_a.append(r)
                    ub_b.append(h)
    k = len(nodes)
    return (
        np.array(eq_a).reshape(-1, k),
        np.array(eq_b),
        np.array(ub_a).reshape(-1, k),
        np.array(ub_b),
    )


def _linear_exposed(res: Suppressed[N]) -> list[N]:
    """Hidden nodes that the published *equalities* determine exactly."""
    out: list[N] = []
    for nodes, cons in _components(res):
        a, _, _, _ = _rows(res, nodes, cons)
        if a.shape[0] == 0:
            continue
        fixed = _nullspace_fixed(a)
        out.extend(n for i, n in enumerate(nodes) if fixed[i])
    return out


def _bounds(res: Suppressed[N], n: N) -> tuple[float, float | None]:
    c = res.cells[n]
    if res.masked:
        # zeros may be hidden somewhere, so a hidden cell is only known to be >= 0
        primary = c.reason == "primary" and res.distinguishable
        return (0.0, float(res.threshold - 1) if primary else None)
    if not res.distinguishable:
        return (1.0, None)
    if c.reason == "primary":
        return (1.0, float(res.threshold - 1))
    return (float(res.threshold), None)


def _nullspace_fixed(a: np.ndarray) -> np.ndarray:
    """Boolean mask of the variables that ``a @ x = const`` determines exactly."""
    k = a.shape[1]
    if a.shape[0] == 0:
        return np.zeros(k, dtype=bool)
    _, s, vt = np.linalg.svd(a)
    rank = int((s > 1e-9 * max(1.0, float(s[0]) if s.size else 1.0)).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        return np.ones(k, dtype=bool)
    return np.all(np.abs(null) < 1e-9, axis=0)


def _hull_exposed(res: Suppressed[N]) -> list[N]:
    """Fast bounds check used inside the engine (a few LPs per component).

    Finds the inequalities that hold with equality on the whole feasible set (the
    *implicit equalities*, e.g. ``x >= 1`` when two "<5" cells must sum to 2) by
    maximising their slacks; a hidden node is pinned iff it is fixed on the affine
    hull (equalities + implicit equalities).  :func:`audit` cross-checks with a
    per-node LP.
    """
    from scipy.optimize import linprog  # local: scipy import is slow and only needed here

    out: list[N] = []
    for nodes, cons in _components(res):
        a, b, g, h = _rows(res, nodes, cons)
        k = len(nodes)
        ineq: list[np.ndarray] = [g[i] for i in range(g.shape[0])]
        rhs: list[float] = [float(h[i]) for i in range(g.shape[0])]
        for i, n in enumerate(nodes):
            lo, hi = _bounds(res, n)
            e = np.zeros(k)
            e[i] = 1.0
            ineq.append(-e)
            rhs.append(-lo)
            if hi is not None:
                ineq.append(e)
                rhs.append(hi)
        rows_x = np.array(ineq).reshape(-1, k)
        rhs_v = np.array(rhs)
        pending = list(range(len(ineq)))
        implicit: list[int] = []
        feasible = True
        while pending:
            m = len(pending)
            # variables: x (free), t_r for pending rows in [0, 1]; maximise sum(t)
            c = np.concatenate([np.zeros(k), -np.ones(m)])
            t_cols = np.zeros((len(ineq), m))
            for j, r in enumerate(pending):
                t_cols[r, j] = 1.0
            kw: dict[str, Any] = {
                "A_ub": np.hstack([rows_x, t_cols]),
                "b_ub": rhs_v,
                "bounds": [(None, None)] * k + [(0.0, 1.0)] * m,
                "method": "highs",
            }
            if a.shape[0]:
                kw.update(A_eq=np.hstack([a, np.zeros((a.shape[0], m))]), b_eq=b)
            sol = linprog(c, **kw)
            if sol.status != 0:
                feasible = False
                break
            t = sol.x[k:]
            tight = [r for j, r in enumerate(pending) if t[j] < 1e-7]
            if len(tight) == len(pending):
                implicit = tight
                break
            pending = tight
        if not feasible:
            continue
        eq = np.vstack([a.reshape(-1, k), rows_x[implicit].reshape(-1, k)])
        fixed = _nullspace_fixed(eq)
        out.extend(n for i, n in enumerate(nodes) if fixed[i])
    return out


def _spans_two_integers(lo: float, hi: float) -> bool:
    if not hi >= lo:  # nothing seen yet (inf/-inf)
        return False
    return math.floor(hi + 1e-6) - math.ceil(lo - 1e-6) >= 1


def _bounds_exposed(res: Suppressed[N]) -> list[N]:
    """Hidden nodes whose feasible integer range (equalities + known bounds) is a point."""
    from scipy.optimize import linprog  # local: scipy import is slow and only needed here

    out: list[N] = []
    for nodes, cons in _components(res):
        a, b, g, h = _rows(res, nodes, cons)
        if a.shape[0] == 0 and g.shape[0] == 0:
            continue
        bounds = [_bounds(res, n) for n in nodes]
        kw: dict[str, Any] = {"bounds": bounds, "method": "highs"}
        if a.shape[0]:
            kw.update(A_eq=a, b_eq=b)
        if g.shape[0]:
            kw.update(A_ub=g, b_ub=h)
        k = len(nodes)
        # Every LP solution is a feasible point; a coordinate seen at two different
        # integers across solutions is not determined, so most nodes need no LP of
        # their own.
        seen_lo = np.full(k, np.inf)
        seen_hi = np.full(k, -np.inf)
        for i, n in enumerate(nodes):
            if _spans_two_integers(seen_lo[i], seen_hi[i]):
                continue
            c = np.zeros(k)
            c[i] = 1.0
            lo = linprog(c, **kw)
            if lo.status != 0:
                break  # infeasible (inconsistent input) or numerical trouble
            np.minimum(seen_lo, lo.x, out=seen_lo)
            np.maximum(seen_hi, lo.x, out=seen_hi)
            if _spans_two_integers(seen_lo[i], seen_hi[i]):
                continue
            hi = linprog(-c, **kw)
            if hi.status != 0:
                continue  # unbounded above → not determined
            np.minimum(seen_lo, hi.x, out=seen_lo)
            np.maximum(seen_hi, hi.x, out=seen_hi)
            if not _spans_two_integers(seen_lo[i], seen_hi[i]):
                out.append(n)
    return out


def audit(result: Suppressed[N], *, bounds: bool = True) -> list[str]:
    """Independent check of a published structure; returns problems (empty = safe).

    Works only from what is published (cells, structure, threshold): a small count
    shown, a hidden node solvable by constraint propagation, by linear algebra, or
    (``bounds``) pinned to one integer by the bounds a reader knows.
    """
    problems: list[str] = []
    t = result.threshold
    for n, c in result.cells.items():
        if not c.suppressed and c.value is not None and 0 < c.value < t:
            problems.append(f"{n!r}: small count {c.value} published")
        if c.suppressed and c.value is not None:
            problems.append(f"{n!r}: suppressed cell carries a value")

    # Propagation, as a reader with a pencil would do it.
    known: dict[N, int] = {
        n: c.value for n, c in result.cells.items() if not c.suppressed and c.value is not None
    }
    progress = True
    while progress:
        progress = False
        for con in result.constraints:
            unknown = [n for n in dict.fromkeys(con.nodes) if n not in known]
            if len(unknown) != 1:
                continue
            (u,) = unknown
            if con.exact:
                s = sum(known[p] for p in con.parts if p != u)
                known[u] = known[con.total] - s if u != con.total else s
            else:
                known[u] = -1  # only approximately derivable, still a leak
            problems.append(f"{u!r}: derivable by propagation from {con.total!r}")
            progress = True
    for n in _linear_exposed(result):
        problems.append(f"{n!r}: derivable by linear algebra")
    if bounds and not problems:
        for n in _bounds_exposed(result):
            problems.append(f"{n!r}: pinned to a single value by known bounds")
    return problems


def is_safe(result: Suppressed[N], *, bounds: bool = True) -> bool:
    return not audit(result, bounds=bounds)


# ---------------------------------------------------------------------------
# Builders for common shapes
# ---------------------------------------------------------------------------

CELL, ROW, COL, ALL, ITEM = "cell", "row", "col", "all", "item"
# The nodes the builders below make: a kind (CELL, ROW, ...) followed by the keys.
BuiltNode = tuple[Hashable, ...]
R = TypeVar("R", bound=Hashable)
C = TypeVar("C", bound=Hashable)


@dataclass(frozen=True)
class SuppressedTable(Generic[R, C]):
    """A two-way table (rows × columns) with optional margins, after suppression."""

    result: Suppressed[BuiltNode]
    row_keys: tuple[R, ...]
    col_keys: tuple[C, ...]
    has_row_totals: bool = True
    has_col_totals: bool = True
    has_grand_total: bool = True

    @property
    def threshold(self) -> int:
        return self.result.threshold

    def rows(self) -> tuple[R, ...]:
        return self.row_keys

    def cols(self) -> tuple[C, ...]:
        return self.col_keys

    def cell(self, r: R, c: C) -> Cell:
        return self.result[(CELL, r, c)]

    def row_total(self, r: R) -> Cell:
        return self.result[(ROW, r)]

    def col_total(self, c: C) -> Cell:
        return self.result[(COL, c)]

    @property
    def grand_total(self) -> Cell:
        return self.result[(ALL,)]

    def display(self, cell: Cell) -> str:
        if not self.result.distinguishable and cell.suppressed:
            return COMPLEMENTARY_PLACEHOLDER
        return cell.display(self.result.placeholder)

    def records(self) -> Iterator[dict[str, Any]]:
        """Flat records for exports: row, col (``None`` for a margin), kind and cell."""
        kinds: dict[Hashable, str] = {
            CELL: "cell", ROW: "row_total", COL: "col_total", ALL: "grand_total"
        }
        for node, cell in self.result.cells.items():
            kind = node[0]
            row = node[1] if kind in (CELL, ROW) else None
            col = node[2] if kind == CELL else node[1] if kind == COL else None
            yield {
                "row": row,
                "col": col,
                "kind": kinds[kind],
                "value": cell.value,
                "suppressed": cell.suppressed,
                "reason": cell.reason,
                "display": self.display(cell),
            }

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.records()


def _ordered_unique(items: Iterable[K]) -> tuple[K, ...]:
    return tuple(dict.fromkeys(items))


def suppress_table(
    counts: Mapping[tuple[R, C], int],
    *,
    rows: Sequence[R] | None = None,
    cols: Sequence[C] | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    row_totals: bool = True,
    col_totals: bool = True,
    grand_total: bool = True,
    distinguishable: bool = True,
) -> SuppressedTable[R, C]:
    """Suppress a two-way table whose margins are the sums of its cells.

    Missing ``(row, col)`` pairs count as 0.  Totals are computed here, so they are
    always consistent with the cells."""
    row_keys = _ordered_unique(rows if rows is not None else (k[0] for k in counts))
    col_keys = _ordered_unique(cols if cols is not None else (k[1] for k in counts))
    values: dict[BuiltNode, int] = {}
    for r in row_keys:
        for c in col_keys:
            values[(CELL, r, c)] = int(counts.get((r, c), 0))
    cons: list[Constraint[BuiltNode]] = []
    if row_totals:
        for r in row_keys:
            parts = tuple((CELL, r, c) for c in col_keys)
            values[(ROW, r)] = sum(values[p] for p in parts)
            cons.append(Constraint((ROW, r), parts))
    if col_totals:
        for c in col_keys:
            parts = tuple((CELL, r, c) for r in row_keys)
            values[(COL, c)] = sum(values[p] for p in parts)
            cons.append(Constraint((COL, c), parts))
    if grand_total:
        values[(ALL,)] = sum(v for k, v in values.items() if k[0] == CELL)
        if row_totals:
            cons.append(Constraint((ALL,), tuple((ROW, r) for r in row_keys)))
        if col_totals:
            cons.append(Constraint((ALL,), tuple((COL, c) for c in col_keys)))
        if not row_totals and not col_totals:
            cons.append(Constraint((ALL,), tuple(k for k in values if k[0] == CELL)))
    res = suppress(values, cons, threshold=threshold, distinguishable=distinguishable)
    return SuppressedTable(res, row_keys, col_keys, row_totals, col_totals, grand_total)


@dataclass(frozen=True)
class SuppressedSeries(Generic[K]):
    """A one-way series (e.g. counts per municipality) with an optional total."""

    result: Suppressed[BuiltNode]
    item_keys: tuple[K, ...]
    has_total: bool = True

    def keys(self) -> tuple[K, ...]:
        return self.item_keys

    def cell(self, key: K) -> Cell:
        return self.result[(ITEM, key)]

    def __getitem__(self, key: K) -> Cell:
        return self.cell(key)

    @property
    def total(self) -> Cell | None:
        return self.result[(ALL,)] if self.has_total else None

    def display(self, cell: Cell) -> str:
        if not self.result.distinguishable and cell.suppressed:
            return COMPLEMENTARY_PLACEHOLDER
        return cell.display(self.result.placeholder)

    def records(self) -> Iterator[dict[str, Any]]:
        for k in self.item_keys:
            c = self.cell(k)
            yield {"key": k, "kind": "item", "value": c.value, "suppressed": c.suppressed,
                   "reason": c.reason, "display": self.display(c)}
        if self.has_total:
            c = self.result[(ALL,)]
            yield {"key": None, "kind": "total", "value": c.value, "suppressed": c.suppressed,
                   "reason": c.reason, "display": self.display(c)}


def suppress_series(
    counts: Mapping[K, int],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    total: bool = True,
    distinguishable: bool = True,
) -> SuppressedSeries[K]:
    keys = tuple(counts)
    values: dict[BuiltNode, int] = {(ITEM, k): int(v) for k, v in counts.items()}
    cons: list[Constraint[BuiltNode]] = []
    if total:
        values[(ALL,)] = sum(values.values())
        cons.append(Constraint((ALL,), tuple((ITEM, k) for k in keys)))
    res = suppress(values, cons, threshold=threshold, distinguishable=distinguishable)
    return SuppressedSeries(res, keys, total)


def suppress_hierarchy(
    values: Mapping[N, int],
    parent: Mapping[N, N | None],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    exact: bool = True,
    extra_constraints: Iterable[Constraint[N]] = (),
    distinguishable: bool = True,
    check_bounds: bool = True,
) -> Suppressed[N]:
    """Suppress values published at several levels of an area hierarchy at once.

    ``values`` holds every published node (municipalities, counties, cooperation areas,
    country) with its *own* value; ``parent`` maps a node to its parent (``None`` or
    absent at the top).  Each parent present in ``values`` gets ``parent = sum(children)``.
    Use ``exact=False`` for distinct-person counts, where the parent is at most the sum
    of the children (the suppression treats it as additive, which is conservative).
    ``extra_constraints`` adds other published relations (e.g. year vs quarters).
    """
    children: dict[N, list[N]] = {}
    for n in sorted(values, key=_canon):
        p = parent.get(n)
        if p is not None and p in values:
            children.setdefault(p, []).append(n)
    cons = [Constraint(p, tuple(ch), exact) for p, ch in children.items()]
    cons.extend(extra_constraints)
    return suppress(
        values, cons, threshold=threshold, distinguishable=distinguishable, check_bounds=check_bounds
    )


# ---------------------------------------------------------------------------
# Rates and SQL
# ---------------------------------------------------------------------------


def suppress_rate(
    count: Cell, denominator: float | int | None, per: float = 1000, ndigits: int | None = None
) -> float | None:
    """A rate ``count / denominator * per``; ``None`` when the count is suppressed
    (else the count could be recomputed from the published denominator)."""
    if count.suppressed or count.value is None or not denominator:
        return None
    rate = count.value / float(denominator) * per
    return round(rate, ndigits) if ndigits is not None else rate


def primary_suppression_sql(expr: str, threshold: int | str = DEFAULT_THRESHOLD) -> str:
    """Portable SQL (DuckDB, PostgreSQL, SQLite, ANSI) for the primary rule: the value of
    ``expr`` when it is 0 or at least the threshold, else NULL.

    ``threshold`` is an int (inlined) or a bind-parameter placeholder written in the
    driver's style (``"?"``, ``"%(threshold)s"``, ``":threshold"``, ``"$threshold"``);
    it appears exactly once so positional placeholders work.  Complementary suppression
    needs the whole table and happens in Python (:func:`suppress`).
    """
    if isinstance(threshold, bool):
        raise TypeError("threshold must be an int or a placeholder string")
    if isinstance(threshold, int):
        _check_threshold(threshold)
        t = str(threshold)
    else:
        t = threshold
    return f"CASE WHEN ({expr}) = 0 OR ({expr}) >= {t} THEN ({expr}) END"
