#!/usr/bin/env python3
"""Generates processes/ (BPMN files, agencies.toml, themes.toml, truth.toml) from the
hand-written specs in this folder. Standard library only; deterministic.

    python3 tools/corpus/gen.py            # writes into processes/
    python3 tools/corpus/gen.py --stats    # also prints the corpus counts
    python3 tools/corpus/gen.py --check    # fails when processes/ differs from the specs
"""

import hashlib
import json
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from dsl import LaneMark, Node  # noqa: E402
import registry  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "processes")

ACTIVITY_KINDS = {
    "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "scriptTask",
    "businessRuleTask", "callActivity", "subProcess",
}
EVENT_KINDS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
GATEWAY_KINDS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway"}

# ---------------------------------------------------------------------------- ids


class Ids:
    """Element ids in the style of one modelling tool."""

    def __init__(self, path, style):
        self.path = path
        self.style = style
        self.n = 0
        self.seq = {}

    def _rand(self, k=7):
        self.n += 1
        h = hashlib.sha1(f"{self.path}:{self.n}".encode()).hexdigest()
        v = int(h[:16], 16)
        s = ""
        for _ in range(k):
            v, d = divmod(v, 36)
            s += "0123456789abcdefghijklmnopqrstuvwxyz"[d]
        return s

    def _uuid(self):
        self.n += 1
        h = hashlib.sha1(f"{self.path}:{self.n}".encode()).hexdigest()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"

    CAMUNDA = {
        "task": "Activity", "userTask": "Activity", "serviceTask": "Activity", "sendTask": "Activity",
        "receiveTask": "Activity", "manualTask": "Activity", "scriptTask": "Activity",
        "businessRuleTask": "Activity", "callActivity": "Activity", "subProcess": "Activity",
        "startEvent": "Event", "endEvent": "Event", "intermediateCatchEvent": "Event",
        "intermediateThrowEvent": "Event", "boundaryEvent": "Event", "exclusiveGateway": "Gateway",
        "parallelGateway": "Gateway", "inclusiveGateway": "Gateway", "eventBasedGateway": "Gateway",
        "sequenceFlow": "Flow", "messageFlow": "Flow",
    }
    LEGACY = {
        "task": "Task", "userTask": "UserTask", "serviceTask": "ServiceTask", "sendTask": "SendTask",
        "receiveTask": "ReceiveTask", "manualTask": "ManualTask", "scriptTask": "ScriptTask",
        "businessRuleTask": "BusinessRuleTask", "callActivity": "CallActivity", "subProcess": "SubProcess",
        "startEvent": "StartEvent", "endEvent": "EndEvent", "intermediateCatchEvent": "IntermediateCatchEvent",
        "intermediateThrowEvent": "IntermediateThrowEvent", "boundaryEvent": "BoundaryEvent",
        "exclusiveGateway": "ExclusiveGateway", "parallelGateway": "ParallelGateway",
        "inclusiveGateway": "InclusiveGateway", "eventBasedGateway": "EventBasedGateway",
        "sequenceFlow": "SequenceFlow", "messageFlow": "MessageFlow",
    }
    SEQ = {
        "task": "Task", "userTask": "Task", "serviceTask": "Task", "sendTask": "Task", "receiveTask": "Task",
        "manualTask": "Task", "scriptTask": "Task", "businessRuleTask": "Task", "callActivity": "CallActivity",
        "subProcess": "SubProcess", "startEvent": "Start", "endEvent": "End", "intermediateCatchEvent": "Event",
        "intermediateThrowEvent": "Event", "boundaryEvent": "Boundary", "exclusiveGateway": "Gateway",
        "parallelGateway": "Gateway", "inclusiveGateway": "Gateway", "eventBasedGateway": "Gateway",
        "sequenceFlow": "Flow", "messageFlow": "MessageFlow",
    }

    def make(self, kind):
        st = self.style
        if st == "sid":
            return "sid-" + self._uuid().upper()
        if st == "bizagi":
            return "Id_" + self._uuid()
        if st == "underscore":
            self.n += 1
            return f"_{self.n}"
        if st == "trisotech":
            return "_" + self._uuid()
        if st == "seq":
            p = self.SEQ.get(kind, kind[:1].upper() + kind[1:])
            self.seq[p] = self.seq.get(p, 0) + 1
            return f"{p}_{self.seq[p]}"
        table = self.CAMUNDA if st == "camunda" else self.LEGACY
        p = table.get(kind, kind[:1].upper() + kind[1:])
        if kind == "startEvent" and "StartEvent_1" not in self.seq:
            self.seq["StartEvent_1"] = 1
            return "StartEvent_1"
        return f"{p}_{self._rand()}"


DIALECTS = {
    "camunda": dict(p="bpmn:", dc="dc", di="di", ids="camunda", io=True),
    "legacy": dict(p="bpmn:", dc="dc", di="di", ids="legacy", io=True),
    "seq": dict(p="bpmn:", dc="dc", di="di", ids="seq", io=False),
    "signavio": dict(p="", dc="omgdc", di="omgdi", ids="sid", io=True),
    "bizagi": dict(p="bpmn2:", dc="dc", di="di", ids="bizagi", io=True),
    "semantic": dict(p="semantic:", dc="dc", di="di", ids="trisotech", io=False),
    "yaoqiang": dict(p="", dc="dc", di="di", ids="underscore", io=True),
}

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def q(s):
    return escape(s, {'"': "&quot;"})


def raw_label(label, dialect):
    """Signavio users wrap long labels with Enter: the file holds `&#10;`. Bizagi users leave
    trailing spaces and double spaces behind; the display form folds them away."""
    s = q(label)
    if dialect == "bizagi" and len(label) % 3 == 0:
        s = s.replace(" ", "  ", 1) + " "
    if dialect == "signavio" and len(label) > 30 and " " in label:
        mid = len(label) // 2
        cut = label.rfind(" ", 0, mid + 6)
        if cut > 0:
            s = q(label[:cut]) + "&#10;" + q(label[cut + 1:])
    return s


# ---------------------------------------------------------------------------- building


class Built:
    """One model with ids assigned, flows computed, lanes resolved."""

    def __init__(self, spec):
        self.spec = spec
        self.ids = Ids(spec.path, DIALECTS[spec.dialect]["ids"])
        self.alias = {}  # alias -> node dict
        self.pools = []
        for i, pool in enumerate(spec.pools):
            self.pools.append(self._build_pool(i, pool))
        self.msgs = []
        for src, dst, label in spec.msgs:
            self.msgs.append(dict(id=self.ids.make("messageFlow"), src=self._end(src), dst=self._end(dst), label=label))
        for bp in self.pools:
            self._wire(bp)
        for alias, text in spec.notes:
            nd = self.alias[alias]
            nd["pool"].setdefault("notes", []).append(dict(
                id=("TextAnnotation_" + self.ids._rand()) if self.ids.style == "camunda" else self.ids.make("textAnnotation"),
                assoc=("Association_" + self.ids._rand()) if self.ids.style == "camunda" else self.ids.make("association"),
                node=nd, text=text))

    def _end(self, ref):
        if ref.startswith("@"):
            return ("pool", self.pools[int(ref[1:])])
        if ref not in self.alias:
            raise SystemExit(f"{self.spec.path}: unknown alias {ref!r} in message flow")
        return ("node", self.alias[ref])

    def _build_pool(self, i, pool):
        ids = self.ids
        bp = dict(spec=pool, index=i, pid=None, part=ids.make("participant") if ids.style != "camunda" else "Participant_" + ids._rand(),
                  nodes=[], flows=[], lanes=[], data=[], stores=[], assoc=[])
        if ids.style == "seq":
            bp["part"] = f"Participant_{i + 1}"
        if pool.blackbox:
            return bp
        bp["pid"] = pool.pid or (("Process_" + ids._rand()) if ids.style in ("camunda", "legacy", "seq") else ids.make("process"))
        lanes = {}  # path -> lane dict
        order = []
        current = None
        top = []

        def lane_for(path):
            if path in lanes:
                return lanes[path]
            parent = None
            if "/" in path:
                parent = lane_for(path.rsplit("/", 1)[0])
            ln = dict(id=ids.make("lane") if ids.style != "camunda" else "Lane_" + ids._rand(), name=path.rsplit("/", 1)[-1],
                      path=path, parent=parent, children=[], refs=[])
            if parent:
                parent["children"].append(ln)
            else:
                top.append(ln)
            lanes[path] = ln
            order.append(ln)
            return ln

        def add_nodes(items, parent):
            nonlocal current
            out = []
            for it in items:
                if isinstance(it, LaneMark):
                    current = lane_for(it.path)
                    continue
                nd = dict(spec=it, id=ids.make(it.kind), kind=it.kind, label=it.label, parent=parent,
                          lane=None if (parent or it.nolane) else current, pool=bp, children=[])
                if it.n:
                    if it.n in self.alias:
                        raise SystemExit(f"{self.spec.path}: duplicate alias {it.n}")
                    self.alias[it.n] = nd
                bp["nodes"].append(nd)
                out.append(nd)
                if it.kind == "subProcess":
                    saved = current
                    nd["children"] = add_nodes(it.children, nd)
                    current = saved
            return out

        bp["top"] = add_nodes(pool.nodes, None)
        for b in pool.boundary:
            nd = dict(spec=b, id=ids.make("boundaryEvent"), kind="boundaryEvent", label=b.label, parent=None,
                      lane=None, pool=bp, children=[])
            if b.n:
                self.alias[b.n] = nd
            bp["nodes"].append(nd)
            bp.setdefault("bnd", []).append(nd)
        for nd in bp["nodes"]:
            ln = nd["lane"]
            while ln:
                ln["refs"].append(nd["id"])
                ln = ln["parent"]
        for b in bp.get("bnd", []):
            host = self.alias[b["spec"].on]
            b["lane"] = host["lane"]
            b["host"] = host
            ln = host["lane"]
            while ln:
                ln["refs"].append(b["id"])
                ln = ln["parent"]
        bp["lanes"] = top
        bp["lane_order"] = order
        for alias, label in pool.data:
            do_id = ids.make("dataObject") if ids.style != "camunda" else "DataObject_" + ids._rand()
            bp["data"].append(dict(alias=alias, label=label, obj=do_id, refs={}))
        for alias, label in pool.stores:
            st = dict(alias=alias, label=label, store=("DataStore_" + ids._rand()) if ids.style == "camunda" else ids.make("dataStore"),
                      ref=("DataStoreReference_" + ids._rand()) if ids.style == "camunda" else ids.make("dataStoreReference"))
            bp["stores"].append(st)
        return bp

    def _data_ref(self, bp, key):
        alias, _, copy = key.partition("#")
        copy = copy or "1"
        for d in bp["data"]:
            if d["alias"] == alias:
                if copy not in d["refs"]:
                    d["refs"][copy] = ("DataObjectReference_" + self.ids._rand()) if self.ids.style == "camunda" else self.ids.make("dataObjectReference")
                return ("object", d, d["refs"][copy])
        for s in bp["stores"]:
            if s["alias"] == alias:
                return ("store", s, s["ref"])
        raise SystemExit(f"{self.spec.path}: unknown data {key!r}")

    def _wire(self, bp):
        if bp["spec"].blackbox:
            return

        def flow(src, dst_alias_or_node, label, parent):
            dst = dst_alias_or_node if isinstance(dst_alias_or_node, dict) else self.alias.get(dst_alias_or_node)
            if dst is None:
                raise SystemExit(f"{self.spec.path}: unknown flow target {dst_alias_or_node!r}")
            f = dict(id=self.ids.make("sequenceFlow"), src=src, dst=dst, label=label or "", parent=parent)
            bp["flows"].append(f)
            return f

        def chain(items, parent):
            for i, nd in enumerate(items):
                sp = nd["spec"]
                if sp.go and sp.go != "-":
                    flow(nd, sp.go, sp.yes, parent)
                elif sp.go != "-" and nd["kind"] != "endEvent" and i + 1 < len(items):
                    flow(nd, items[i + 1], sp.yes, parent)
                for a, lbl in sp.alt:
                    flow(nd, a, lbl, parent)
                if nd["kind"] == "subProcess":
                    chain(nd["children"], nd)

        chain(bp["top"], None)
        for b in bp.get("bnd", []):
            flow(b, b["spec"].go, "", None)
        for nd in bp["nodes"]:
            sp = nd["spec"]
            for key in sp.r:
                kind, d, ref = self._data_ref(bp, key)
                bp["assoc"].append(dict(id=self.ids.make("dataInputAssociation") if self.ids.style != "camunda" else "DataInputAssociation_" + self.ids._rand(),
                                        dir="in", node=nd, ref=ref, kind=kind, data=d))
            for key in sp.w:
                kind, d, ref = self._data_ref(bp, key)
                bp["assoc"].append(dict(id=self.ids.make("dataOutputAssociation") if self.ids.style != "camunda" else "DataOutputAssociation_" + self.ids._rand(),
                                        dir="out", node=nd, ref=ref, kind=kind, data=d))


# ---------------------------------------------------------------------------- layout

TASK_W, TASK_H = 100, 80
COL = 150
ROW = 120


def size(kind):
    if kind in ACTIVITY_KINDS:
        return TASK_W, TASK_H
    if kind in GATEWAY_KINDS:
        return 50, 50
    return 36, 36


def layout(bm):
    """A left-to-right grid: one band per leaf lane, one row per branch."""
    y = 80
    for bp in bm.pools:
        px = 160
        if bp["spec"].blackbox:
            bp["bounds"] = (px, y, 0, 60)  # width fixed later
            y += 60 + 40
            continue
        top = bp["top"]
        col, row = {}, {}
        branch = 0
        prev = None
        for nd in top:
            # a flow leaving a boundary event starts at the boundary's host
            sources = [f["src"].get("host", f["src"]) for f in bp["flows"] if f["dst"] is nd]
            sources = [x for x in sources if x["id"] in col]
            if prev is not None and any(f["src"] is prev and f["dst"] is nd for f in bp["flows"]):
                col[nd["id"]] = col[prev["id"]] + 1
                row[nd["id"]] = row[prev["id"]]
            elif sources:
                branch += 1
                col[nd["id"]] = max(col[s["id"]] for s in sources) + 1
                row[nd["id"]] = branch
            else:
                if prev is not None:
                    branch += 1
                col[nd["id"]] = 0
                row[nd["id"]] = branch
            prev = nd
        ncols = max(col.values(), default=0) + 1
        leaves = []

        def dfs(lns):
            for ln in lns:
                if ln["children"]:
                    dfs(ln["children"])
                else:
                    leaves.append(ln)

        dfs(bp["lanes"])
        band_rows = {}
        for ln in leaves:
            rows = sorted({row[n["id"]] for n in top if n["lane"] is ln})
            band_rows[ln["path"]] = {r: i for i, r in enumerate(rows)} or {0: 0}
        if not leaves:
            rows = sorted({row[n["id"]] for n in top})
            band_rows[None] = {r: i for i, r in enumerate(rows)} or {0: 0}
        has_data = bool(bp["data"] or bp["stores"])
        band = {}
        cy = y
        for key in ([ln["path"] for ln in leaves] if leaves else [None]):
            h = max(len(band_rows[key]), 1) * ROW + 40 + (70 if has_data else 0)
            band[key] = (cy, h)
            cy += h
        pool_h = cy - y
        depth = max((ln["path"].count("/") + 1 for ln in bp["lane_order"]), default=0)
        width = 30 + 30 * depth + 60 + ncols * COL
        bp["bounds"] = (px, y, width, pool_h)
        # lanes
        for ln in bp["lane_order"]:
            d = ln["path"].count("/")
            lx = px + 30 + 30 * d
            ls = [l2 for l2 in leaves if l2["path"] == ln["path"] or l2["path"].startswith(ln["path"] + "/")]
            ly = min(band[l2["path"]][0] for l2 in ls)
            lh = sum(band[l2["path"]][1] for l2 in ls)
            ln["bounds"] = (lx, ly, px + width - lx, lh)
        x0 = px + 30 + 30 * depth + 40
        for nd in top:
            key = nd["lane"]["path"] if (leaves and nd["lane"]) else (leaves[0]["path"] if leaves else None)
            by, _ = band[key]
            sub = band_rows[key].get(row[nd["id"]], 0)
            w, h = size(nd["kind"])
            cx = x0 + col[nd["id"]] * COL + TASK_W / 2
            cyy = by + 20 + sub * ROW + TASK_H / 2
            nd["bounds"] = (cx - w / 2, cyy - h / 2, w, h)
        for b in bp.get("bnd", []):
            hx, hy, hw, hh = b["host"]["bounds"]
            b["bounds"] = (hx + hw - 30, hy + hh - 18, 36, 36)
        # sub-process contents: own plane
        for nd in bp["nodes"]:
            if nd["kind"] == "subProcess":
                for k, ch in enumerate(nd["children"]):
                    w, h = size(ch["kind"])
                    cx = 200 + k * COL + TASK_W / 2
                    ch["bounds"] = (cx - w / 2, 200 - h / 2, w, h)
        # data
        used = {}
        for a in bp["assoc"]:
            if a["ref"] in used or a["node"]["parent"] is not None:
                continue
            nx, ny, nw, nh = a["node"]["bounds"]
            key = a["node"]["lane"]["path"] if (leaves and a["node"]["lane"]) else (leaves[0]["path"] if leaves else None)
            by, bh = band[key]
            k = sum(1 for v in used.values() if abs(v[1] - (by + bh - 65)) < 1 and abs(v[0] - (nx + nw / 2 + 10)) < 40)
            used[a["ref"]] = (nx + nw / 2 + 10 + 45 * k, by + bh - 65)
        bp["data_pos"] = used
        y += pool_h + 40
    maxw = max((bp["bounds"][2] for bp in bm.pools if not bp["spec"].blackbox), default=600)
    for bp in bm.pools:
        x, y0, w, h = bp["bounds"]
        bp["bounds"] = (x, y0, max(maxw, 600), h)
        for ln in bp.get("lane_order", []):
            lx, ly, lw, lh = ln["bounds"]
            ln["bounds"] = (lx, ly, x + max(maxw, 600) - lx, lh)


def waypoints(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    acy, bcy = ay + ah / 2, by + bh / 2
    if bx >= ax + aw:
        if abs(acy - bcy) < 1:
            return [(ax + aw, acy), (bx, bcy)]
        mx = (ax + aw + bx) / 2
        return [(ax + aw, acy), (mx, acy), (mx, bcy), (bx, bcy)]
    top = min(ay, by) - 25
    return [(ax + aw / 2, ay), (ax + aw / 2, top), (bx + bw / 2, top), (bx + bw / 2, by)]


def vwaypoints(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    sx = ax + aw / 2
    tx = bx + bw / 2
    if by > ay:
        s, t = ay + ah, by
    else:
        s, t = ay, by + bh
    if abs(sx - tx) < 1:
        return [(sx, s), (tx, t)]
    mid = (s + t) / 2
    return [(sx, s), (sx, mid), (tx, mid), (tx, t)]


# ---------------------------------------------------------------------------- writing


def fmt(v):
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


class Writer:
    def __init__(self, bm):
        self.bm = bm
        self.spec = bm.spec
        self.d = DIALECTS[self.spec.dialect]
        self.p = self.d["p"]
        self.lines = []

    def w(self, depth, s):
        self.lines.append("  " * depth + s)

    def header(self):
        sp = self.spec
        dia = sp.dialect
        p = self.p
        defid = {"camunda": "Definitions_" + self.bm.ids._rand(), "legacy": "Definitions_1", "seq": "Definitions_1"}.get(dia, self.bm.ids.make("definitions"))
        self.w(0, f'<?xml version="1.0" encoding="{sp.encoding}"?>')
        if dia in ("camunda", "legacy", "seq"):
            extra = ' xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0"' if dia != "seq" else ""
            exp = {"camunda": ' exporter="Camunda Modeler" exporterVersion="5.17.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.20.0"',
                   "legacy": ' exporter="Camunda Modeler" exporterVersion="3.7.3"',
                   "seq": ' exporter="bpmn-js (https://demo.bpmn.io)" exporterVersion="17.0.2"'}[dia]
            self.w(0, f'<bpmn:definitions xmlns:bpmn="{NS["bpmn"]}" xmlns:bpmndi="{NS["bpmndi"]}" xmlns:dc="{NS["dc"]}" '
                      f'xmlns:di="{NS["di"]}" xmlns:xsi="{NS["xsi"]}"{extra} id="{defid}" targetNamespace="http://bpmn.io/schema/bpmn"{exp}>')
        elif dia == "signavio":
            self.w(0, f'<definitions xmlns="{NS["bpmn"]}" xmlns:bpmndi="{NS["bpmndi"]}" xmlns:omgdc="{NS["dc"]}" xmlns:omgdi="{NS["di"]}" '
                      f'xmlns:signavio="http://www.signavio.com" xmlns:xsi="{NS["xsi"]}" exporter="Signavio Process Editor, http://www.signavio.com" '
                      f'exporterVersion="17.11.2" expressionLanguage="http://www.w3.org/TR/XPath" id="{defid}" targetNamespace="http://www.signavio.com" '
                      f'typeLanguage="http://www.w3.org/2001/XMLSchema" xsi:schemaLocation="http://www.omg.org/spec/BPMN/20100524/MODEL http://www.omg.org/spec/BPMN/2.0/20100501/BPMN20.xsd">')
        elif dia == "bizagi":
            self.w(0, f'<bpmn2:definitions xmlns:bpmn2="{NS["bpmn"]}" xmlns:bpmndi="{NS["bpmndi"]}" xmlns:dc="{NS["dc"]}" xmlns:di="{NS["di"]}" '
                      f'xmlns:bizagi="http://www.bizagi.com/bpmn20" xmlns:xsi="{NS["xsi"]}" id="{defid}" exporter="Bizagi Modeler" exporterVersion="4.0.0.045" '
                      f'targetNamespace="http://www.bizagi.com/definitions/{defid}" expressionLanguage="http://www.w3.org/1999/XPath" typeLanguage="http://www.w3.org/2001/XMLSchema">')
        elif dia == "semantic":
            self.w(0, f'<semantic:definitions xmlns:semantic="{NS["bpmn"]}" xmlns:bpmndi="{NS["bpmndi"]}" xmlns:dc="{NS["dc"]}" xmlns:di="{NS["di"]}" '
                      f'xmlns:xsi="{NS["xsi"]}" xmlns:trisotech="http://www.trisotech.com/2015/triso/modeling" id="{defid}" '
                      f'exporter="Trisotech Digital Modeler" exporterVersion="11.4" targetNamespace="http://www.trisotech.com/definitions/{defid}">')
        elif dia == "yaoqiang":
            self.w(0, f'<definitions xmlns="{NS["bpmn"]}" xmlns:bpmndi="{NS["bpmndi"]}" xmlns:dc="{NS["dc"]}" xmlns:di="{NS["di"]}" '
                      f'xmlns:xsi="{NS["xsi"]}" xmlns:yaoqiang="http://bpmn.sourceforge.net" id="{defid}" exporter="Yaoqiang BPMN Editor" '
                      f'exporterVersion="5.3" expressionLanguage="http://www.w3.org/1999/XPath" targetNamespace="http://sourceforge.net/bpmn/definitions/{defid}" '
                      f'typeLanguage="http://www.w3.org/2001/XMLSchema">')
        if sp.doc:
            self.w(1, f"<{p}documentation>{q(sp.doc)}</{p}documentation>")

    def ext(self, depth, nd):
        dia = self.spec.dialect
        p = self.p
        props = dict(nd["spec"].ext) if nd else {}
        if dia == "signavio":
            self.w(depth, f"<{p}extensionElements>")
            self.w(depth + 1, '<signavio:signavioMetaData metaKey="bgcolor" metaValue="#ffffcc"/>')
            for k, v in props.items():
                self.w(depth + 1, f'<signavio:signavioMetaData metaKey="{q(k)}" metaValue="{q(v)}"/>')
            self.w(depth, f"</{p}extensionElements>")
        elif dia == "bizagi":
            self.w(depth, f"<{p}extensionElements>")
            self.w(depth + 1, "<bizagi:BizagiExtensions><bizagi:BizagiProperties>")
            self.w(depth + 2, '<bizagi:BizagiProperty name="bgColor" value="#ECEFFF"/>')
            for k, v in props.items():
                self.w(depth + 2, f'<bizagi:BizagiProperty name="{q(k)}" value="{q(v)}"/>')
            self.w(depth + 1, "</bizagi:BizagiProperties></bizagi:BizagiExtensions>")
            self.w(depth, f"</{p}extensionElements>")
        elif dia in ("camunda", "legacy") and props:
            self.w(depth, f"<{p}extensionElements>")
            self.w(depth + 1, "<camunda:properties>")
            for k, v in props.items():
                self.w(depth + 2, f'<camunda:property name="{q(k)}" value="{q(v)}"/>')
            self.w(depth + 1, "</camunda:properties>")
            self.w(depth, f"</{p}extensionElements>")

    def node(self, depth, nd, bp):
        p = self.p
        k = nd["kind"]
        sp = nd["spec"]
        dia = self.spec.dialect
        attrs = f'id="{nd["id"]}"'
        if nd["label"]:
            attrs += f' name="{raw_label(nd["label"], dia)}"'
        if dia == "signavio" and k in ACTIVITY_KINDS - {"callActivity", "subProcess"}:
            attrs += ' completionQuantity="1" isForCompensation="false" startQuantity="1"'
            if k in ("userTask", "serviceTask", "sendTask", "receiveTask"):
                attrs += ' implementation="##WebService"' if k != "userTask" else ' implementation="##unspecified"'
        if dia in ("camunda", "legacy"):
            if k == "userTask" and nd["lane"]:
                attrs += f' camunda:candidateGroups="{q(slug(nd["lane"]["name"]))}"'
            if k == "serviceTask":
                attrs += f' camunda:type="external" camunda:topic="{q(slug(nd["label"])[:40])}"'
        if k == "callActivity":
            attrs += f' calledElement="{q(sp.called)}"'
        if k == "boundaryEvent":
            attrs += f' attachedToRef="{nd["host"]["id"]}"'
            if sp.ev not in ("timer-noninterrupting",):
                pass
        if k in ("exclusiveGateway", "inclusiveGateway"):
            outs = [f for f in bp["flows"] if f["src"] is nd]
            if len(outs) > 1 and dia != "seq":
                attrs += ' gatewayDirection="Diverging"' if dia in ("signavio", "bizagi", "yaoqiang") else ""
        self.w(depth, f"<{p}{k} {attrs}>")
        self.ext(depth + 1, nd)
        if self.d["io"]:
            for f in bp["flows"]:
                if f["dst"] is nd:
                    self.w(depth + 1, f"<{p}incoming>{f['id']}</{p}incoming>")
            for f in bp["flows"]:
                if f["src"] is nd:
                    self.w(depth + 1, f"<{p}outgoing>{f['id']}</{p}outgoing>")
        ins = [a for a in bp["assoc"] if a["node"] is nd and a["dir"] == "in"]
        outs = [a for a in bp["assoc"] if a["node"] is nd and a["dir"] == "out"]
        prop = None
        if ins:
            prop = "Property_" + self.bm.ids._rand()
            self.w(depth + 1, f'<{p}property id="{prop}" name="__targetRef_placeholder"/>')
        for a in ins:
            self.w(depth + 1, f'<{p}dataInputAssociation id="{a["id"]}">')
            self.w(depth + 2, f"<{p}sourceRef>{a['ref']}</{p}sourceRef>")
            self.w(depth + 2, f"<{p}targetRef>{prop}</{p}targetRef>")
            self.w(depth + 1, f"</{p}dataInputAssociation>")
        for a in outs:
            self.w(depth + 1, f'<{p}dataOutputAssociation id="{a["id"]}">')
            self.w(depth + 2, f"<{p}targetRef>{a['ref']}</{p}targetRef>")
            self.w(depth + 1, f"</{p}dataOutputAssociation>")
        if k in EVENT_KINDS and sp.ev:
            ev = sp.ev
            did = f'{ev[:1].upper()}{ev[1:]}EventDefinition_' + self.bm.ids._rand()
            if ev == "timer":
                self.w(depth + 1, f'<{p}timerEventDefinition id="{did}">')
                if k == "startEvent":
                    self.w(depth + 2, f'<{p}timeCycle xsi:type="{p}tFormalExpression">{q(sp.dur or "R/P1M")}</{p}timeCycle>')
                else:
                    self.w(depth + 2, f'<{p}timeDuration xsi:type="{p}tFormalExpression">{q(sp.dur or "P14D")}</{p}timeDuration>')
                self.w(depth + 1, f"</{p}timerEventDefinition>")
            else:
                self.w(depth + 1, f'<{p}{ev}EventDefinition id="{did}"/>')
        if k == "subProcess":
            for ch in nd["children"]:
                self.node(depth + 1, ch, bp)
            for f in bp["flows"]:
                if f["parent"] is nd:
                    self.flow(depth + 1, f)
        self.w(depth, f"</{p}{k}>")

    def flow(self, depth, f):
        p = self.p
        tgt = f["dst"]["id"]
        if f.get("dangling"):
            tgt = f["dangling"]
        name = f' name="{q(f["label"])}"' if f["label"] else ""
        head = f'<{p}sequenceFlow id="{f["id"]}"{name} sourceRef="{f["src"]["id"]}" targetRef="{tgt}"'
        if self.spec.dialect == "camunda" and f["label"] and f["src"]["kind"] == "exclusiveGateway":
            # Camunda users write the branch condition as a JUEL expression on the flow.
            var = slug(f["src"]["label"] or "keputusan").replace("-", "_")[:30] or "keputusan"
            self.w(depth, head + ">")
            self.w(depth + 1, f'<{p}conditionExpression xsi:type="{p}tFormalExpression">${{{var} == {q(repr(f["label"]))}}}</{p}conditionExpression>')
            self.w(depth, f"</{p}sequenceFlow>")
        else:
            self.w(depth, head + "/>")

    def lane(self, depth, ln):
        p = self.p
        self.w(depth, f'<{p}lane id="{ln["id"]}" name="{q(ln["name"])}">')
        for r in ln["refs"]:
            self.w(depth + 1, f"<{p}flowNodeRef>{r}</{p}flowNodeRef>")
        if ln["children"]:
            self.w(depth + 1, f'<{p}childLaneSet id="{self.bm.ids.make("laneSet")}">')
            for ch in ln["children"]:
                self.lane(depth + 2, ch)
            self.w(depth + 1, f"</{p}childLaneSet>")
        self.w(depth, f"</{p}lane>")

    def process(self, bp):
        p = self.p
        sp = bp["spec"]
        name = f' name="{q(sp.pname or sp.name)}"'
        extra = ' isExecutable="false"'
        if self.spec.dialect == "signavio":
            extra = ' isClosed="false" isExecutable="false" processType="None"'
        if self.spec.dialect in ("camunda",):
            extra = ' isExecutable="true" camunda:versionTag="1.0"' if any(n["kind"] == "serviceTask" for n in bp["nodes"]) else ' isExecutable="false"'
        self.w(1, f'<{p}process id="{bp["pid"]}"{name}{extra}>')
        if bp["lanes"]:
            self.w(2, f'<{p}laneSet id="{self.bm.ids.make("laneSet")}">')
            for ln in bp["lanes"]:
                self.lane(3, ln)
            self.w(2, f"</{p}laneSet>")
        for d in bp["data"]:
            self.w(2, f'<{p}dataObject id="{d["obj"]}" name="{q(d["label"])}"/>')
            for ref in d["refs"].values():
                self.w(2, f'<{p}dataObjectReference id="{ref}" name="{q(d["label"])}" dataObjectRef="{d["obj"]}"/>')
        for s in bp["stores"]:
            self.w(2, f'<{p}dataStoreReference id="{s["ref"]}" name="{q(s["label"])}" dataStoreRef="{s["store"]}"/>')
        for nd in bp["nodes"]:
            if nd["parent"] is None:
                self.node(2, nd, bp)
        for f in bp["flows"]:
            if f["parent"] is None:
                self.flow(2, f)
        for note in bp.get("notes", []):
            self.w(2, f'<{p}textAnnotation id="{note["id"]}">')
            self.w(3, f"<{p}text>{q(note['text'])}</{p}text>")
            self.w(2, f"</{p}textAnnotation>")
            self.w(2, f'<{p}association id="{note["assoc"]}" sourceRef="{note["node"]["id"]}" targetRef="{note["id"]}" associationDirection="None"/>')
        self.w(1, f"</{p}process>")

    def write(self):
        bm = self.bm
        p = self.p
        self.header()
        collab = "Collaboration_" + bm.ids._rand() if bm.ids.style in ("camunda", "legacy") else (
            "Collaboration_1" if bm.ids.style == "seq" else bm.ids.make("collaboration"))
        self.collab = collab
        self.w(1, f'<{p}collaboration id="{collab}">')
        for bp in bm.pools:
            sp = bp["spec"]
            pr = f' processRef="{bp["pid"]}"' if bp["pid"] else ""
            self.w(2, f'<{p}participant id="{bp["part"]}" name="{q(sp.name)}"{pr}>' if self.spec.dialect in ("signavio", "bizagi") else f'<{p}participant id="{bp["part"]}" name="{q(sp.name)}"{pr}/>')
            if self.spec.dialect in ("signavio", "bizagi"):
                self.ext(3, None)
                self.w(2, f"</{p}participant>")
        for m in bm.msgs:
            s = m["src"][1]["id"] if m["src"][0] == "node" else m["src"][1]["part"]
            t = m["dst"][1]["id"] if m["dst"][0] == "node" else m["dst"][1]["part"]
            name = f' name="{q(m["label"])}"' if m["label"] else ""
            self.w(2, f'<{p}messageFlow id="{m["id"]}"{name} sourceRef="{s}" targetRef="{t}"/>')
        self.w(1, f"</{p}collaboration>")
        for bp in bm.pools:
            if bp["pid"]:
                self.process(bp)
        stores = [s for bp in bm.pools for s in bp["stores"]]
        for s in stores:
            self.w(1, f'<{p}dataStore id="{s["store"]}" name="{q(s["label"])}"/>')
        if self.spec.di:
            self.diagram()
        self.w(0, f"</{p}definitions>")
        return "\n".join(self.lines) + "\n"

    # -- DI
    def shape(self, depth, el, b, extra=""):
        dc = self.d["dc"]
        sid = el + ("_gui" if self.spec.dialect == "signavio" else "_di")
        self.w(depth, f'<bpmndi:BPMNShape id="{sid}" bpmnElement="{el}"{extra}>')
        self.w(depth + 1, f'<{dc}:Bounds x="{fmt(b[0])}" y="{fmt(b[1])}" width="{fmt(b[2])}" height="{fmt(b[3])}"/>')
        self.w(depth, "</bpmndi:BPMNShape>")

    def edge(self, depth, el, pts):
        di = self.d["di"]
        sid = el + ("_gui" if self.spec.dialect == "signavio" else "_di")
        self.w(depth, f'<bpmndi:BPMNEdge id="{sid}" bpmnElement="{el}">')
        for x, y in pts:
            self.w(depth + 1, f'<{di}:waypoint x="{fmt(x)}" y="{fmt(y)}"/>')
        self.w(depth, "</bpmndi:BPMNEdge>")

    def diagram(self):
        bm = self.bm
        layout(bm)
        did = "BPMNDiagram_1" if bm.ids.style in ("camunda", "legacy", "seq") else bm.ids.make("diagram")
        self.w(1, f'<bpmndi:BPMNDiagram id="{did}">')
        self.w(2, f'<bpmndi:BPMNPlane id="{did}_plane" bpmnElement="{self.collab}">')
        pos = {}
        for bp in bm.pools:
            self.shape(3, bp["part"], bp["bounds"], ' isHorizontal="true"')
            for ln in bp.get("lane_order", []):
                self.shape(3, ln["id"], ln["bounds"], ' isHorizontal="true"')
            for nd in bp["nodes"]:
                if nd["parent"] is None:
                    extra = ' isExpanded="false"' if nd["kind"] == "subProcess" else ""
                    if nd["kind"] == "exclusiveGateway" and self.spec.dialect in ("camunda", "legacy", "seq"):
                        extra = ' isMarkerVisible="true"'
                    if self.spec.flaws and "shape-missing-element" in self.spec.flaws and nd is bp["nodes"][1]:
                        pass
                    self.shape(3, nd["id"], nd["bounds"], extra)
                    pos[nd["id"]] = nd["bounds"]
            for d in bp["data"]:
                for ref in d["refs"].values():
                    if ref in bp["data_pos"]:
                        x, y = bp["data_pos"][ref]
                        self.shape(3, ref, (x, y, 36, 50))
                        pos[ref] = (x, y, 36, 50)
            for s in bp["stores"]:
                if s["ref"] in bp["data_pos"]:
                    x, y = bp["data_pos"][s["ref"]]
                    self.shape(3, s["ref"], (x, y, 50, 50))
                    pos[s["ref"]] = (x, y, 50, 50)
        for bp in bm.pools:
            for note in bp.get("notes", []):
                nx, ny, nw, nh = note["node"]["bounds"]
                nb = (nx + 30, ny - 58, 150, 40)
                self.shape(3, note["id"], nb)
                self.edge(3, note["assoc"], [(nx + nw / 2, ny), (nx + 60, ny - 18)])
        if "shape-missing-element" in self.spec.flaws:
            self.shape(3, "Activity_0dihapus", (900, 900, 100, 80))
        for bp in bm.pools:
            for f in bp["flows"]:
                if f["parent"] is None and not f.get("dangling"):
                    self.edge(3, f["id"], waypoints(f["src"]["bounds"], f["dst"]["bounds"]))
            for a in bp["assoc"]:
                if a["node"]["parent"] is None and a["ref"] in pos:
                    nb, db = a["node"]["bounds"], pos[a["ref"]]
                    pts = vwaypoints(db, nb) if a["dir"] == "in" else vwaypoints(nb, db)
                    self.edge(3, a["id"], pts)
        for m in bm.msgs:
            sb = m["src"][1]["bounds"]
            tb = m["dst"][1]["bounds"]
            if m["src"][0] == "pool" and m["dst"][0] == "node":
                sb = (tb[0], sb[1], tb[2], sb[3])
            if m["dst"][0] == "pool" and m["src"][0] == "node":
                tb = (sb[0] + 20, tb[1], sb[2], tb[3])
            self.edge(3, m["id"], vwaypoints(sb, tb))
        self.w(2, "</bpmndi:BPMNPlane>")
        self.w(1, "</bpmndi:BPMNDiagram>")
        for bp in bm.pools:
            for nd in bp["nodes"]:
                if nd["kind"] == "subProcess":
                    sid = f"BPMNDiagram_{nd['id']}"
                    self.w(1, f'<bpmndi:BPMNDiagram id="{sid}">')
                    self.w(2, f'<bpmndi:BPMNPlane id="{sid}_plane" bpmnElement="{nd["id"]}">')
                    for ch in nd["children"]:
                        self.shape(3, ch["id"], ch["bounds"])
                    for f in bp["flows"]:
                        if f["parent"] is nd:
                            self.edge(3, f["id"], waypoints(f["src"]["bounds"], f["dst"]["bounds"]))
                    self.w(2, "</bpmndi:BPMNPlane>")
                    self.w(1, "</bpmndi:BPMNDiagram>")


def slug(s):
    out = []
    for ch in s.lower():
        out.append(ch if ch.isalnum() else "-")
    return "-".join(x for x in "".join(out).split("-") if x)


# ---------------------------------------------------------------------------- truth


class Corpus:
    def __init__(self, models):
        self.reg = registry.Resolver()
        self.built = [Built(m) for m in models]
        paths = [m.path for m in models]
        dup = {p for p in paths if paths.count(p) > 1}
        if dup:
            raise SystemExit(f"duplicate model paths: {dup}")
        self.by_path = {b.spec.path: b for b in self.built}
        self.processes = {}
        for b in self.built:
            for bp in b.pools:
                if bp["pid"]:
                    if bp["pid"] in self.processes:
                        raise SystemExit(f"duplicate process id {bp['pid']}")
                    self.processes[bp["pid"]] = (b, bp)
        self.apply_flaws()

    def apply_flaws(self):
        for b in self.built:
            if "dangling-flow" in b.spec.flaws:
                bp = next(bp for bp in b.pools if bp["flows"])
                f = bp["flows"][-1]
                f["dangling"] = f["dst"]["id"] + "_lama"

    def ref(self, b, el_id):
        return f"{b.spec.path}#{el_id}"

    def node_agency(self, nd):
        ln = nd["lane"]
        if nd["parent"] is not None:
            # nodes inside a sub-process are listed in no lane: use the sub-process's lane
            # only through the pool (see common.md: innermost lane, else pool)
            ln = None
        while ln:
            a = self.reg.resolve(ln["name"])
            if a:
                return a
            ln = ln["parent"]
        return self.reg.resolve(nd["pool"]["spec"].name)

    def pool_agency(self, bp):
        return self.reg.resolve(bp["spec"].name)

    def activities(self):
        for b in self.built:
            for bp in b.pools:
                for nd in bp["nodes"]:
                    if nd["kind"] in ACTIVITY_KINDS:
                        yield b, bp, nd

    def handoffs(self):
        out = []
        reg = self.reg

        def is_ag(code):
            return code is not None and reg.is_agency(code)

        for b in self.built:
            # message flows
            for m in b.msgs:
                ends = []
                for kind, obj in (m["src"], m["dst"]):
                    if kind == "pool":
                        ends.append((self.ref(b, obj["part"]), obj["spec"].name, self.pool_agency(obj)))
                    else:
                        ends.append((self.ref(b, obj["id"]), obj["label"], self.node_agency(obj)))
                (fr, fl, fa), (tr, tl, ta) = ends
                if is_ag(fa) and is_ag(ta) and fa != ta:
                    out.append(("message_flow", (fr, fl, fa), (tr, tl, ta)))
            for bp in b.pools:
                flows = [f for f in bp["flows"] if not f.get("dangling")]
                succ = {}
                for f in flows:
                    succ.setdefault(f["src"]["id"], []).append(f["dst"])
                for nd in bp["nodes"]:
                    if nd["kind"] not in ACTIVITY_KINDS:
                        continue
                    a = self.node_agency(nd)
                    seen = set()
                    stack = list(succ.get(nd["id"], []))
                    found = []
                    while stack:
                        t = stack.pop(0)
                        if t["id"] in seen:
                            continue
                        seen.add(t["id"])
                        if t["kind"] in ACTIVITY_KINDS:
                            found.append(t)
                        else:
                            stack.extend(succ.get(t["id"], []))
                    for t in found:
                        tb = self.node_agency(t)
                        if is_ag(a) and is_ag(tb) and a != tb:
                            out.append(("control_flow", (self.ref(b, nd["id"]), nd["label"], a), (self.ref(b, t["id"]), t["label"], tb)))
                    if nd["kind"] == "callActivity":
                        target = self.processes.get(nd["spec"].called)
                        if target is None:
                            for pb, pbp in self.processes.values():
                                if (pbp["spec"].pname or pbp["spec"].name) == nd["spec"].called:
                                    target = (pb, pbp)
                                    break
                        if target is None:
                            raise SystemExit(f"{b.spec.path}: calledElement {nd['spec'].called} not found")
                        tb_, tbp = target
                        ta = self.pool_agency(tbp)
                        if is_ag(a) and is_ag(ta) and a != ta:
                            out.append(("call_activity", (self.ref(b, nd["id"]), nd["label"], a),
                                        (self.ref(tb_, tbp["pid"]), tbp["spec"].pname or tbp["spec"].name, ta)))
                # data
                writers, readers = {}, {}
                for asc in bp["assoc"]:
                    if asc["kind"] != "object" or asc["node"]["kind"] not in ACTIVITY_KINDS:
                        continue
                    key = asc["data"]["obj"]
                    (writers if asc["dir"] == "out" else readers).setdefault(key, []).append(asc["node"])
                for asc in bp["assoc"]:
                    if asc["kind"] == "store":
                        ags = {self.node_agency(x["node"]) for x in bp["assoc"] if x["ref"] == asc["ref"]}
                        if len({g for g in ags if is_ag(g)}) > 1 and any(x["dir"] == "out" for x in bp["assoc"] if x["ref"] == asc["ref"]):
                            raise SystemExit(f"{b.spec.path}: data store {asc['data']['label']} crosses agencies (ambiguous)")
                for key, ws in writers.items():
                    pairs = set()
                    for wn in ws:
                        for rn in readers.get(key, []):
                            wa, ra = self.node_agency(wn), self.node_agency(rn)
                            if is_ag(wa) and is_ag(ra) and wa != ra and (wn["id"], rn["id"]) not in pairs:
                                pairs.add((wn["id"], rn["id"]))
                                out.append(("data", (self.ref(b, wn["id"]), wn["label"], wa), (self.ref(b, rn["id"]), rn["label"], ra)))
        return out

    def clusters(self):
        cl = {}
        for b, bp, nd in self.activities():
            tag = nd["spec"].c
            if tag:
                cl.setdefault(tag, []).append((self.ref(b, nd["id"]), nd["label"], self.node_agency(nd)))
        single = sorted(t for t, m in cl.items() if len(m) < 2)
        if single and "--stats" in sys.argv:
            print("tags with one member (the activity is unique):", len(single), file=sys.stderr)
        return {t: m for t, m in cl.items() if len(m) >= 2}

    def lookup(self, path, alias):
        b = self.by_path.get(path)
        if b is None or alias not in b.alias:
            raise SystemExit(f"non_match: unknown {path}#{alias}")
        nd = b.alias[alias]
        return (self.ref(b, nd["id"]), nd["label"], nd)


def tstr(s):
    return json.dumps(s, ensure_ascii=False)


def write_truth(corpus, non_matches):
    lines = ["# Expert truth for the processes/ corpus. GENERATED by tools/corpus/gen.py from the specs",
             "# in tools/corpus/ — edit the specs, not this file.", "#",
             "# Clusters: activities an expert calls the same work; every activity not in a cluster is unique.",
             "# Non-matches: near misses that must not be linked. Handoffs: computed by the semantics of",
             "# docs (common brief): message_flow, control_flow, call_activity, data.", ""]
    cl = corpus.clusters()
    for tag in sorted(cl):
        lines.append("[[cluster]]")
        lines.append(f"name = {tstr(tag)}")
        lines.append("members = [")
        for ref, label, _ in sorted(cl[tag]):
            lines.append(f"  {{ ref = {tstr(ref)}, label = {tstr(label)} }},")
        lines.append("]")
        lines.append("")
    tag_of = {}
    for b, bp, nd in corpus.activities():
        tag_of[corpus.ref(b, nd["id"])] = nd["spec"].c
    for (pa, aa), (pb, ab), why in non_matches:
        ra, la, na = corpus.lookup(pa, aa)
        rb, lb, nb = corpus.lookup(pb, ab)
        if na["spec"].c and na["spec"].c == nb["spec"].c:
            raise SystemExit(f"non_match inside one cluster: {ra} {rb}")
        lines.append("[[non_match]]")
        lines.append(f"a = {{ ref = {tstr(ra)}, label = {tstr(la)} }}")
        lines.append(f"b = {{ ref = {tstr(rb)}, label = {tstr(lb)} }}")
        lines.append(f"why = {tstr(why)}")
        lines.append("")
    hs = corpus.handoffs()
    for kind, fr, to in hs:
        lines.append("[[handoff]]")
        lines.append(f"kind = {tstr(kind)}")
        lines.append(f"from = {{ ref = {tstr(fr[0])}, label = {tstr(fr[1])}, agency = {tstr(fr[2])} }}")
        lines.append(f"to = {{ ref = {tstr(to[0])}, label = {tstr(to[1])}, agency = {tstr(to[2])} }}")
        lines.append("")
    return "\n".join(lines), cl, hs


def main():
    """Writes processes/ (or, with --check, verifies that it is up to date)."""
    import specs

    models = specs.MODELS
    corpus = Corpus(models)
    outputs = {}  # path relative to processes/ -> bytes
    for b in corpus.built:
        text = Writer(b).write()
        data = text.encode("latin-1" if b.spec.encoding.upper() == "ISO-8859-1" else "utf-8")
        ET.fromstring(data)  # well-formed, or the generator is wrong
        outputs[b.spec.path] = data
    for name, text in registry.render(specs.THEMES).items():
        outputs[name] = text.encode("utf-8")
    truth, cl, hs = write_truth(corpus, specs.NON_MATCHES)
    outputs["truth.toml"] = truth.encode("utf-8")
    # every activity resolves to an agency or actor
    for b in corpus.built:
        for bp in b.pools:
            for nd in bp["nodes"]:
                if nd["kind"] in ACTIVITY_KINDS and corpus.node_agency(nd) is None:
                    raise SystemExit(f"{b.spec.path}: activity {nd['label']!r} resolves to no agency")
    on_disk = set()
    for folder, _, names in os.walk(OUT):
        for n in names:
            if n.endswith(".bpmn"):
                on_disk.add(os.path.relpath(os.path.join(folder, n), OUT).replace(os.sep, "/"))
    stale = sorted(on_disk - set(outputs))
    if "--check" in sys.argv:
        changed = []
        for rel, data in sorted(outputs.items()):
            path = os.path.join(OUT, rel)
            if not os.path.exists(path) or open(path, "rb").read() != data:
                changed.append(rel)
        for rel in changed + stale:
            print(f"out of date: processes/{rel}", file=sys.stderr)
        if changed or stale:
            raise SystemExit("processes/ differs from the specs: run python3 tools/corpus/gen.py")
        print(f"processes/ is up to date ({len(outputs)} files)")
    else:
        for rel, data in outputs.items():
            path = os.path.join(OUT, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        for rel in stale:
            print(f"warning: processes/{rel} is not generated by any spec", file=sys.stderr)
    if "--stats" in sys.argv:
        acts = list(corpus.activities())
        per_model = {}
        for b, _, _ in acts:
            per_model[b.spec.path] = per_model.get(b.spec.path, 0) + 1
        bad = {k: v for k, v in per_model.items() if v < 8 or v > 40}
        multi = sum(1 for m in cl.values() if len({a for _, _, a in m}) > 1)
        kinds = {}
        for k, _, _ in hs:
            kinds[k] = kinds.get(k, 0) + 1
        print(f"files={len(models)} agencies={registry.count_agencies()} actors={registry.count_actors()} "
              f"activities={len(acts)} clustered={sum(len(m) for m in cl.values())} clusters={len(cl)} "
              f"multi_agency_clusters={multi} non_matches={len(specs.NON_MATCHES)} handoffs={len(hs)} {kinds}")
        used = {corpus.node_agency(nd) for _, _, nd in acts}
        print("agencies used:", len(used), sorted(x for x in used if x))
        if bad:
            print("models outside 8..40 activities:", bad)


if __name__ == "__main__":
    main()
