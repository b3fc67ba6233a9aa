#!/usr/bin/env python3
"""Writes docs/reference.md, the field reference, from the JSON Schemas in docs/schemas/.

Every document in and out, field by field (type, unit, presence and default, nullability,
meaning), the codes the library emits with what to do about each, and the shared types, all
taken from the schemas, so that the reference says what the schemas say and nothing else. Every
docs/schemas/*.schema.json is read: a schema added later needs only a re-run.

    scripts/gen-reference.py            writes docs/reference.md
    scripts/gen-reference.py --check    exits 1 if docs/reference.md is not what it would write
    scripts/gen-reference.py --stats    prints the counts of documents, fields and codes

The ctest docs.reference runs --check (README.md, "Schemas"). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "docs" / "schemas"
OUTPUT = ROOT / "docs" / "reference.md"
URN = "urn:careerpath:schema:"
SHARED = "common"  # the schema of shared definitions: no document of its own


# --- The schemas. ------------------------------------------------------------------------------

def load_schemas(directory: Path) -> Dict[str, Dict[str, Any]]:
    """Every schema by its short name (plan, common, ...), the $id without the URN prefix."""
    out = {}
    for path in sorted(directory.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        name = schema["$id"][len(URN):] if schema.get("$id", "").startswith(URN) else path.name[: -len(".schema.json")]
        schema["__file__"] = path.name
        out[name] = schema
    return out


@dataclass(frozen=True)
class Target:
    schema: str           # the schema's short name
    pointer: Tuple[str, ...]  # the path within it, () for the whole schema

    @property
    def definition(self) -> Optional[str]:
        return self.pointer[1] if len(self.pointer) == 2 and self.pointer[0] == "$defs" else None


def resolve(schemas: Dict[str, Dict[str, Any]], ref: str) -> Tuple[Target, Dict[str, Any]]:
    base, _, fragment = ref.partition("#")
    name = base[len(URN):]
    node = schemas[name]
    parts = tuple(p for p in fragment.split("/") if p)
    for part in parts:
        node = node[part]
    return Target(name, parts), node


# --- Reading one member's schema. ----------------------------------------------------------------

def cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ").strip()


def code(value: Any) -> str:
    return "`" + json.dumps(value, ensure_ascii=False) + "`" if not isinstance(value, str) else f"`{value}`"


def literal(value: Any) -> str:
    """A value as JSON writes it: strings quoted, so that "1.0" is not read as a number."""
    return "`" + json.dumps(value, ensure_ascii=False) + "`"


def anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", text.lower().replace(" ", "-").replace("_", "-"))


def number_range(node: Dict[str, Any]) -> str:
    low = node.get("minimum", node.get("exclusiveMinimum"))
    high = node.get("maximum", node.get("exclusiveMaximum"))
    lo = ("> " if "exclusiveMinimum" in node else "") + f"{low:,}" if low is not None else ""
    hi = ("< " if "exclusiveMaximum" in node else "") + f"{high:,}" if high is not None else ""
    if lo and hi and not lo.startswith(">") and not hi.startswith("<"):
        return f"{lo} to {hi}"
    if lo:
        return lo if lo.startswith(">") else f"≥ {lo}"
    if hi:
        return hi if hi.startswith("<") else f"≤ {hi}"
    return ""


def is_null(node: Any) -> bool:
    return isinstance(node, dict) and node.get("type") == "null" and len(node) <= 2


def constants(alternatives: List[Any]) -> bool:
    return bool(alternatives) and all(isinstance(a, dict) and "const" in a for a in alternatives)


# Where the name of a member says its unit. Checked in order; only numbers, and amounts written
# as decimal strings, have one.
UNITS = [
    (re.compile(r"hours_per_week$"), "hours a week"),
    (re.compile(r"(^|_)hours($|_)"), "hours"),
    (re.compile(r"(^|_)minutes($|_)"), "minutes"),
    (re.compile(r"(^|_)months($|_)"), "months"),
    (re.compile(r"(^|_)weeks($|_)"), "weeks"),
    (re.compile(r"(^|_)days($|_)"), "calendar days"),
    (re.compile(r"^cents$"), "cents"),
]


def unit_of(name: str, kind: str, refs: List[str], node: Dict[str, Any]) -> str:
    if "amount" in refs or "amount_text" in refs:
        return "the currency's units"
    if "cents" in refs:
        return "cents"
    if "hours" in refs:
        return "hours"
    if kind not in ("number", "integer"):
        return ""
    for pattern, unit in UNITS:
        if pattern.search(name):
            return unit
    if node.get("minimum") == 0 and node.get("maximum") == 1 and kind == "number":
        return "share, 0 to 1"
    return ""


_STOP = r"(?=[;)]|\.(?!\d)|$)"
DEFAULTS = [
    re.compile(r"\bdefaults? to (.+?)" + _STOP, re.I),
    re.compile(r"\bdefault: (.+?)" + _STOP, re.I),
    re.compile(r"(?:\(|[;,] )default (?!for\b)(.+?)" + _STOP, re.I),
    re.compile(r"^(\S+) \((?:the )?default\b"),
    re.compile(r"\babsent(?: or null)?: (.+?)" + _STOP, re.I),
]


def default_of(node: Dict[str, Any], description: str) -> str:
    if "default" in node:
        return code(node["default"])
    for pattern in DEFAULTS:
        match = pattern.search(description)
        if match:
            value = match.group(1).strip()
            return code(value) if pattern is DEFAULTS[3] else value
    return ""


@dataclass
class Shape:
    """What the reference says of one member's schema."""
    type: str = ""
    nullable: bool = False
    description: str = ""
    refs: List[str] = field(default_factory=list)   # the shared definitions it goes through
    kind: str = ""                                   # its JSON type where it has one
    leaf: str = ""                                   # the JSON type of its elements or values, or its own
    values: List[Tuple[Any, str]] = field(default_factory=list)  # documented constants
    objects: List[Tuple[Target, Dict[str, Any]]] = field(default_factory=list)  # object shapes within, by where
    items: bool = False                               # the objects are an array's items
    map_values: bool = False                          # the objects are a map's values
    default_node: Dict[str, Any] = field(default_factory=dict)


class Reader:
    def __init__(self, schemas: Dict[str, Dict[str, Any]]):
        self.schemas = schemas
        # Object definitions of the document being read that it refers to from more than one
        # place: each is described once, in a table of its own, and linked to from the others.
        self.named: Dict[Target, Dict[str, Any]] = {}

    def link(self, target: Target) -> str:
        """A Markdown link to where the reference describes a $ref target kept by name."""
        if target.schema == SHARED and target.definition:
            return f"[{target.definition}](#shared-{anchor(target.definition)})"
        if not target.pointer:
            return f"[{self.title(target.schema)}](#{anchor(target.schema)})"
        return f"[{self.title(target.schema)}](#{anchor(target.schema)}), as `$defs/{target.definition}` reads it"

    def title(self, name: str) -> str:
        return self.schemas[name].get("title", name).removeprefix("careerpath ")

    def shape(self, node: Dict[str, Any], here: Target) -> Shape:
        s = Shape(description=node.get("description", ""), default_node=node)
        self._fill(s, node, here, top=True)
        return s

    def _fill(self, s: Shape, node: Any, here: Target, top: bool = False) -> None:
        if not isinstance(node, dict):
            return
        if "$ref" in node:
            target, resolved = resolve(self.schemas, node["$ref"])
            if not s.description:
                s.description = resolved.get("description", "")
            if target in self.named:
                s.type = s.type or f"[`$defs/{target.definition}`](#{anchor(target.schema + '-' + (target.definition or ''))})"
                s.kind = s.kind or "object"
                return
            kept = not target.pointer or (target.definition or "").startswith("read_") or (
                target.schema == SHARED and resolved.get("type") != "object" and "properties" not in resolved)
            if kept:
                # A whole document, a reader's view of one, or a shared scalar: named, not inlined.
                s.type = s.type or self.link(target)
                if target.schema == SHARED:
                    s.refs.append(target.definition or "")
                    self._scalar_facts(s, resolved, target)
                else:
                    s.kind = s.kind or "object"
                rest = {k: v for k, v in node.items() if k not in ("$ref", "description")}
                if rest.get("type") == "null" or (isinstance(rest.get("type"), list) and "null" in rest["type"]):
                    s.nullable = True
                return
            if target.schema == SHARED:
                s.refs.append(target.definition or "")
            self._fill(s, resolved, target)
            return
        for key in ("oneOf", "anyOf"):
            if key in node and "properties" not in node and "type" not in node:
                alternatives = [a for a in node[key] if not is_null(a)]
                s.nullable = s.nullable or len(alternatives) < len(node[key])
                if constants(alternatives):
                    s.values = [(a["const"], a.get("description", "")) for a in alternatives]
                    s.type = s.type or " | ".join(literal(a["const"]) for a in alternatives)
                    s.kind = s.kind or type(alternatives[0]["const"]).__name__.replace("str", "string")
                    return
                texts = []
                for alternative in alternatives:
                    sub = Shape()
                    self._fill(sub, alternative, here)
                    texts.append(sub.type)
                    s.refs += sub.refs
                    s.objects += sub.objects
                    s.items = s.items or sub.items
                    s.map_values = s.map_values or sub.map_values
                    s.kind = s.kind or sub.kind
                    s.nullable = s.nullable or sub.nullable
                if not s.type:
                    s.type = " or ".join(dict.fromkeys(t for t in texts if t))
                return
        if "const" in node:
            s.type = s.type or literal(node["const"])
            s.kind = s.kind or type(node["const"]).__name__
            return
        if "enum" in node:
            values = [v for v in node["enum"] if v is not None]
            s.nullable = s.nullable or None in node["enum"]
            s.type = s.type or " | ".join(literal(v) for v in values)
            s.kind = s.kind or "string"
            return
        types = node.get("type")
        types = [types] if isinstance(types, str) else list(types or [])
        if "null" in types:
            s.nullable = True
            types.remove("null")
        kind = types[0] if types else ""
        s.kind = s.kind or kind
        if kind == "array":
            sub = Shape()
            self._fill(sub, node.get("items", {}), here)
            s.leaf = s.leaf or sub.leaf or sub.kind
            s.type = s.type or ("array of " + (sub.type or "any"))
            s.refs += sub.refs
            if sub.objects:
                s.objects, s.items = sub.objects, True
            s.values = s.values or sub.values
            return
        if kind == "object" or "properties" in node:
            values = node.get("additionalProperties")
            if isinstance(values, dict) and not node.get("properties"):
                sub = Shape()
                self._fill(sub, values, here)
                s.leaf = s.leaf or sub.leaf or sub.kind
                s.type = s.type or f"map: key → {sub.type or 'any'}"
                if sub.objects:
                    s.objects, s.map_values = sub.objects, True
                return
            s.type = s.type or "object"
            s.objects.append((here, node))
            return
        if kind in ("number", "integer"):
            bounds = number_range(node)
            s.type = s.type or (kind + (f", {bounds}" if bounds else "") +
                                (f", a multiple of {node['multipleOf']}" if "multipleOf" in node else ""))
            return
        if kind:
            s.type = s.type or (kind + (", non-empty" if node.get("minLength") == 1 and kind == "string" else ""))
        elif not s.type:
            s.type = "any"

    def _scalar_facts(self, s: Shape, resolved: Dict[str, Any], target: Target) -> None:
        for key in ("oneOf", "anyOf"):
            if key in resolved:
                s.nullable = s.nullable or any(is_null(a) for a in resolved[key])
        t = resolved.get("type")
        if isinstance(t, list):
            s.nullable = s.nullable or "null" in t
            s.kind = s.kind or next((x for x in t if x != "null"), "")
        elif t:
            s.kind = s.kind or t


# --- Rows. ----------------------------------------------------------------------------------------

@dataclass
class Row:
    path: str
    type: str
    unit: str
    presence: str
    nullable: bool
    meaning: str


@dataclass
class CodeTable:
    document: str
    path: str
    description: str
    values: List[Tuple[Any, str]]


def _refs(node: Any) -> List[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "$ref" and isinstance(v, str)] + \
            [r for k, v in node.items() if k != "$ref" for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


class Document:
    def __init__(self, reader: Reader, name: str):
        self.reader = reader
        self.name = name
        self.schema = reader.schemas[name]
        self.output = self.schema.get("additionalProperties") is False
        self.codes: List[CodeTable] = []
        counts: Dict[Target, int] = {}
        for ref in _refs({k: v for k, v in self.schema.items()}):
            target, node = resolve(reader.schemas, ref)
            if target.schema == name and target.definition and "properties" in node:
                counts[target] = counts.get(target, 0) + 1
        named = {t: resolve(reader.schemas, URN + name + "#/$defs/" + (t.definition or ""))[1]
                 for t, n in counts.items() if n > 1 and not (t.definition or "").startswith("read_")}
        reader.named = named
        # (heading, anchor, rows): the document, then each named definition.
        self.tables: List[Tuple[str, str, str, List[Row]]] = []
        self.rows: List[Row] = []
        self._object(self.schema, Target(name, ()), "", [id(self.schema)])
        self.tables.append(("", anchor(name), "", self.rows))
        for target, node in sorted(named.items(), key=lambda item: item[0].pointer):
            self.rows = []
            self._object(node, target, "", [id(node)])
            self.tables.append((f"`$defs/{target.definition}`", anchor(name + "-" + (target.definition or "")),
                                node.get("description", ""), self.rows))
        self.rows = [r for _, _, _, rows in self.tables for r in rows]

    def _object(self, node: Dict[str, Any], here: Target, prefix: str, seen: List[int]) -> None:
        required = set(node.get("required", []))
        properties: Dict[str, Any] = dict(node.get("properties", {}))
        # Members that only alternatives name (a holiday rule's shapes, a busy interval's end).
        for key in ("oneOf", "anyOf", "allOf"):
            for alternative in node.get(key, []):
                if isinstance(alternative, dict) and alternative.get("type", "object") == "object":
                    for name, member in alternative.get("properties", {}).items():
                        properties.setdefault(name, member)
        for name, member in properties.items():
            self._member(name, member, name in required, here, prefix, seen)

    def _member(self, name: str, member: Dict[str, Any], required: bool, here: Target, prefix: str,
                seen: List[int]) -> None:
        reader = self.reader
        shape = reader.shape(member, here)
        path = f"{prefix}{name}"
        default = "" if self.output else default_of(shape.default_node, shape.description)
        if self.output:
            presence = "always" if required else "sometimes"
        else:
            presence = "required" if required else ("optional, default: " + default if default else "optional")
        meaning = shape.description
        if shape.values and any(description for _, description in shape.values):
            self.codes.append(CodeTable(self.name, path, shape.description, shape.values))
            meaning += f" Each value, and what to do about it: [Codes](#{anchor(self.name + '-' + path)})."
        self.rows.append(Row(path, shape.type, unit_of(name, shape.leaf or shape.kind, shape.refs, member), presence,
                             shape.nullable, meaning))
        suffix = "[]." if shape.items else ".<key>." if shape.map_values else "."
        objects = [(target, node) for target, node in shape.objects if id(node) not in seen]
        if len(objects) > 1:
            # Alternative shapes of one member (a holiday's date rule or weekday rule): one row per
            # member name, required where every shape requires it.
            merged: Dict[str, Any] = {"properties": {}, "required": None}
            for _, node in objects:
                for key, value in node.get("properties", {}).items():
                    merged["properties"].setdefault(key, value)
                required = set(node.get("required", []))
                merged["required"] = required if merged["required"] is None else merged["required"] & required
            merged["required"] = sorted(merged["required"] or [])
            objects = [(objects[0][0], merged)]
        for target, node in objects:  # a definition within itself is described once, where it starts
            self._object(node, target, path + suffix, seen + [id(node)])


# --- The page. -----------------------------------------------------------------------------------

def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def render(schemas: Dict[str, Dict[str, Any]]) -> Tuple[str, Dict[str, int]]:
    reader = Reader(schemas)
    documents = [Document(reader, name) for name in sorted(schemas) if name != SHARED]
    inputs = [d for d in documents if not d.output]
    outputs = [d for d in documents if d.output]
    out: List[str] = []
    w = out.append
    w("# Field reference")
    w("")
    w("<!-- Generated by scripts/gen-reference.py from docs/schemas/*.schema.json. Do not edit: change the")
    w("     schemas, then run scripts/gen-reference.py; the ctest docs.reference fails until you do. -->")
    w("")
    w("Every document careerpath reads and writes, field by field, and every code it emits, as the JSON")
    w("Schemas in `docs/schemas/` define them (README.md, \"Schemas\"): this page is generated from them,")
    w("so the two say the same. The rules only the library can check (references, cycles, uniqueness, the")
    w("scale, order between values) are listed in README.md, \"Schemas\".")
    w("")
    w("How to read the tables:")
    w("")
    w("- **Field**: the member's path in the document: `a.b` a member of an object, `a[].b` a member of each")
    w("  element of array `a`, `a.<key>.b` a member of each value of map `a` (whose keys are ids).")
    w("- **Type**: the JSON type, its range, or the values it takes; a linked name is a shared type")
    w("  ([Shared types](#shared-types)) or another document.")
    w("- **Unit**: what a number counts. Hours are working hours of learning unless the meaning says")
    w("  otherwise; days are calendar days; amounts are in the currency named beside them.")
    w("- **Presence**: in a document the library reads, `required` or `optional` with the default the")
    w("  library takes when the member is absent; in a document it writes, `always`, or `sometimes` (the")
    w("  meaning says when).")
    w("- **Null**: whether `null` is allowed (and then means what the meaning says). Elsewhere `null` is")
    w("  a type error (ERR_SCHEMA) in what the library reads, and never written.")
    w("")
    w("Documents the library reads ignore members they do not name (forward compatibility); documents")
    w("it writes are closed, carry `schema_version` (README.md, \"Document versions\"), and write their")
    w("members in key order.")
    w("")
    w("## Contents")
    w("")
    w("- Documents in: " + ", ".join(f"[{reader.title(d.name)}](#{anchor(d.name)})" for d in inputs))
    w("- Documents out: " + ", ".join(f"[{reader.title(d.name)}](#{anchor(d.name)})" for d in outputs))
    w("- [Codes](#codes): " + ", ".join(f"[`{c.path}` of the {reader.title(c.document)}](#{anchor(c.document + '-' + c.path)})"
                                       for d in documents for c in d.codes))
    w("- [Shared types](#shared-types)")
    for heading, group in (("Documents in", inputs), ("Documents out", outputs)):
        w("")
        w(f"## {heading}")
        for d in group:
            schema = d.schema
            w("")
            w(f'<a id="{anchor(d.name)}"></a>')
            w("")
            w(f"### {reader.title(d.name).capitalize()}")
            w("")
            w(f"`docs/schemas/{schema['__file__']}`, `{schema['$id']}`. {schema.get('description', '')}")
            w("")
            for heading, name, description, rows in d.tables:
                if heading:
                    w("")
                    w(f'<a id="{name}"></a>')
                    w("")
                    w(f"#### {reader.title(d.name).capitalize()}: {heading}")
                    w("")
                    if description:
                        w(description)
                        w("")
                w("| Field | Type | Unit | Presence | Null | Meaning |")
                w("| --- | --- | --- | --- | --- | --- |")
                for r in rows:
                    w(f"| `{cell(r.path)}` | {cell(r.type)} | {cell(r.unit)} | {cell(r.presence)} | {yes_no(r.nullable)} | "
                      f"{cell(r.meaning)} |")
    w("")
    w("## Codes")
    w("")
    w("The values of the members that name a cause, each with what it means and what to do about it.")
    for d in documents:
        for c in d.codes:
            w("")
            w(f'<a id="{anchor(c.document + "-" + c.path)}"></a>')
            w("")
            w(f"### `{c.path}` of the {reader.title(c.document)}")
            w("")
            w(c.description)
            w("")
            w("| Code | Meaning, and what to do |")
            w("| --- | --- |")
            for value, description in c.values:
                w(f"| {code(value)} | {cell(description)} |")
    w("")
    w("## Shared types")
    w("")
    shared = schemas[SHARED]
    w(f"`docs/schemas/{shared['__file__']}`, `{shared['$id']}`: {shared.get('description', '')}")
    w("")
    w("| Type | Is | Definition |")
    w("| --- | --- | --- |")
    for name, node in shared.get("$defs", {}).items():
        shape = reader.shape(node, Target(SHARED, ("$defs", name)))
        kind = shape.type + (" or null" if shape.nullable else "")
        w(f'| <a id="shared-{anchor(name)}"></a>`{name}` | {cell(kind)} | {cell(node.get("description", ""))} |')
    w("")
    stats = {
        "documents in": len(inputs),
        "documents out": len(outputs),
        "fields": sum(len(d.rows) for d in documents),
        "codes": sum(len(c.values) for d in documents for c in d.codes),
        "shared types": len(shared.get("$defs", {})),
    }
    return "\n".join(out), stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the reference is not up to date")
    parser.add_argument("--stats", action="store_true", help="print the counts")
    parser.add_argument("--schemas", type=Path, default=SCHEMA_DIR)
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    text, stats = render(load_schemas(args.schemas))
    if args.stats:
        print(", ".join(f"{name}: {n}" for name, n in stats.items()))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is not what the schemas say: run scripts/gen-reference.py", file=sys.stderr)
            return 1
        return 0
    if not args.stats or args.output != OUTPUT or not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
