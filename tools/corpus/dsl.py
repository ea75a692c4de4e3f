"""A small vocabulary for writing process specs by hand.

A model is a list of pools; a pool holds a list of nodes written in flow order.
Node ``i`` flows to node ``i+1`` unless it is an end event or says where it goes
(``go=``). Extra outgoing flows are given with ``alt=[(alias, label), ...]``.
``L("Lane")`` switches the current lane (``L("Outer/Inner")`` nests lanes).
Every activity may carry a cluster tag ``c=`` (see truth.toml) and extension
properties ``ext={key: value}``, written the way the model's tool writes them
(``camunda:property``, ``signavio:signavioMetaData``, ``bizagi:BizagiProperty``).
Service-standard figures go there: time as the SOP states it (``{"waktu": "2 hari
kerja"}``, Signavio ``durasi``, English ``duration``) and cost in rupiah
(``{"biaya": "Rp 25.000"}``); see processes/README.md.
"""

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Node:
    kind: str  # task kinds, call, sub, start, end, catch, throw, boundary, xor, and, or, evb
    label: str
    n: Optional[str] = None  # alias, unique within a model
    c: Optional[str] = None  # cluster tag
    go: Optional[str] = None  # replaces the chained flow
    alt: list = field(default_factory=list)  # extra flows: (alias, label)
    yes: Optional[str] = None  # label of the chained flow (gateways)
    r: list = field(default_factory=list)  # data read
    w: list = field(default_factory=list)  # data written
    ev: Optional[str] = None  # event definition
    called: Optional[str] = None
    children: list = field(default_factory=list)
    on: Optional[str] = None  # boundary: attached to alias
    lane: Optional[str] = None
    ext: dict = field(default_factory=dict)
    nolane: bool = False  # deliberately left out of every lane (flawed files)
    dur: Optional[str] = None  # timer: ISO 8601 duration (boundary) or cycle (start)


@dataclass
class LaneMark:
    path: str


def L(path):
    return LaneMark(path)


def _t(kind):
    def make(label, c=None, n=None, go=None, alt=None, r=None, w=None, **kw):
        return Node(kind, label, n=n, c=c, go=go, alt=alt or [], r=r or [], w=w or [], **kw)

    return make


T = _t("task")
U = _t("userTask")
SV = _t("serviceTask")
SD = _t("sendTask")
RC = _t("receiveTask")
M = _t("manualTask")
SC = _t("scriptTask")
BR = _t("businessRuleTask")


def C(label, called, c=None, n=None, go=None, alt=None, r=None, w=None, ext=None):
    return Node("callActivity", label, n=n, c=c, go=go, alt=alt or [], r=r or [], w=w or [], called=called,
                ext=ext or {})


def SUB(label, children, c=None, n=None, go=None, alt=None):
    return Node("subProcess", label, n=n, c=c, go=go, alt=alt or [], children=children)


def S(label, ev=None, n=None, go=None, dur=None):
    return Node("startEvent", label, ev=ev, n=n, go=go, dur=dur)


def E(label, ev=None, n=None):
    return Node("endEvent", label, ev=ev, n=n)


def IC(label, ev="message", n=None, go=None, alt=None):
    return Node("intermediateCatchEvent", label, ev=ev, n=n, go=go, alt=alt or [])


def IT(label, ev="message", n=None, go=None):
    return Node("intermediateThrowEvent", label, ev=ev, n=n, go=go)


def B(label, on, go, ev="timer", n=None, dur=None):
    return Node("boundaryEvent", label, ev=ev, n=n, go=go, on=on, dur=dur)


def X(label, alt=None, yes="Ya", n=None, go=None):
    return Node("exclusiveGateway", label, alt=alt or [], yes=yes if alt else None, n=n, go=go)


def XJ(n=None, go=None, label=""):
    """A merging exclusive gateway."""
    return Node("exclusiveGateway", label, n=n, go=go)


def P(alt=None, n=None, go=None):
    return Node("parallelGateway", "", alt=alt or [], n=n, go=go)


def OR(label, alt=None, n=None, go=None, yes=None):
    return Node("inclusiveGateway", label, alt=alt or [], n=n, go=go, yes=yes)


@dataclass
class Pool:
    name: str
    nodes: list = field(default_factory=list)
    pid: Optional[str] = None  # process id (set when other files call it)
    pname: Optional[str] = None  # process name
    data: list = field(default_factory=list)  # (alias, label) data objects
    stores: list = field(default_factory=list)  # (alias, label) data stores
    blackbox: bool = False
    boundary: list = field(default_factory=list)


@dataclass
class Model:
    path: str  # relative to processes/
    dialect: str  # camunda | legacy | signavio | bizagi | semantic | yaoqiang
    pools: list
    msgs: list = field(default_factory=list)  # (src, dst, label); "@i" = pool i
    di: bool = True
    encoding: str = "UTF-8"
    name: Optional[str] = None
    flaws: list = field(default_factory=list)  # "dangling-flow", "shape-missing-element"
    notes: list = field(default_factory=list)  # (alias, text): text annotations on nodes
    doc: Optional[str] = None
