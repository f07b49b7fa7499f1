#!/usr/bin/env python3
"""Every item of CDK's API surface Formwork covers, mapped to the Swift API that expresses it and the parity case
that proves it, or the reason it is not supported: Scripts/cdk-coverage/surface.json and Docs/CDKSurface.md.

usage: surface_equivalents.py [--venv PATH] [--check] [--bootstrap]
  --venv       the virtual environment with aws-cdk-lib 2.275.0 and the pipes alpha packages (default .venv-cdk)
  --check      write nothing; exit 1 when an item breaks a rule below or an output is stale
  --bootstrap  add an entry to surface_equivalents.json for every item that has none (and drop the entries of
               items no longer in the surface); existing entries are left as they are

The surface is surface.py's (the construct classes of the 29 serverless modules and the other public classes with
a constructor, the properties of their props structs and of the structs those use, each once, and the public
methods users call: static `from*` imports, grants, metrics, `add*`...), without the items CDK deprecates that no
case uses. The proving cases are found by surface.py's reader of Scripts/cdk-parity/cases.py: a case proves an
item when its CDK code uses it (a keyword argument, a struct field, a method call, a constructor), since the
harness compares the template Formwork writes for that case with CDK's.

surface_equivalents.json, hand-kept: item id -> {
  "status": "supported" | "not supported",
  "swift":  the Swift API that expresses it (required when supported; for a not-supported item, a Swift API that
            exists but that no case proves),
  "reason": why not (required when not supported),
  "cases":  optional: cases that prove it although the reader does not attribute them (each must exist),
  "case":   optional: "n/a: why no case is needed" (a supported item without a case)}

The rules (`--check` exits 1 on any):
  - every item has an entry and every entry names an item (a new CDK release cannot add an item unnoticed);
  - an item marked supported has a proving case (found by the reader or listed in "cases"), or "case": "n/a: ...";
  - an item a case proves is not marked not supported (mark it supported, with its Swift API);
  - the generated files are current.
"""
import json, os, re, sys

sys.dont_write_bytecode = True  # importing surface.py and cases.py must leave no __pycache__ behind
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import surface as S  # noqa: E402
from jsii import DEFAULT_VENV, ROOT, TypeSystem, find_tarballs, norm, read_assembly  # noqa: E402

EQUIVALENTS = os.path.join(HERE, "surface_equivalents.json")
OUT_JSON = os.path.join(HERE, "surface.json")
OUT_MD = os.path.join(ROOT, "Docs", "CDKSurface.md")
STATUSES = ("supported", "not supported")
MAX_CASES_JSON = 8
MAX_CASES_MD = 3


# MARK: Items

def load_surface(venv):
    tarballs = find_tarballs(venv, S.ASSEMBLIES)
    assemblies = [read_assembly(tarballs[name]) for name in S.ASSEMBLIES]
    ts = TypeSystem(assemblies)
    surface = S.Surface(ts)
    reader = S.CaseReader(ts, surface)
    reader.load()
    reader.read_all()
    swift = S.swift_index()
    errors = S.compute(ts, surface, reader, swift)  # sets each item's cases and surface.py's status
    versions = {a["name"]: a["version"] for a in assemblies}
    return ts, surface, reader, swift, versions, errors


def items_of(surface):
    """The items, in a stable order: per module, each class (itself, its props, its methods), then each struct's
    props. Deprecated items no case uses are left out, and so are the members of a deprecated class or struct."""
    items = []

    def add(kind, x, owner, owner_deprecated):
        if (x.get("deprecated") or owner_deprecated) and not x.get("cases"):
            return
        items.append({"kind": kind, "owner": owner, "x": x})

    for fqn, e in sorted(surface.classes.items()):
        dep = bool(e.get("deprecated"))
        if e["kind"] != "base":
            add(e["kind"], e, e, False)
        for p in e["props"]:
            add("property", p, e, dep)
        for m in e["methods"]:
            add("method", m, e, dep)
    for fqn, e in sorted(surface.structs.items()):
        for p in e["props"]:
            add("property", p, e, bool(e.get("deprecated")))
    return items


def display(item):
    """`Queue`, `Queue.queueName`, `Queue.grantSendMessages()`, `static Queue.fromQueueArn()`."""
    x, owner = item["x"], item["owner"]
    if item["kind"] in ("construct", "class"):
        return x["name"]
    if item["kind"] == "method":
        return ("static " if x.get("static") else "") + f"{owner['name']}.{x['name']}()"
    return f"{(owner.get('propsStruct') or owner['name']).split('.')[-1]}.{x['name']}"


def ordered_cases(item):
    """The proving cases, the most telling first: those named after the item, then the shortest names."""
    x, owner = item["x"], item["owner"]
    key_item, key_owner = norm(x["name"]), norm(owner["name"])

    def rank(case):
        c = case.lower()
        return (not (key_item in c and key_owner in c), key_item not in c, key_owner not in c, len(case), case)
    return sorted(x.get("cases", []), key=rank)


# MARK: The Swift side, for bootstrapping

def statements(reader, item):
    """The Swift statements of the cases using the item (shortest first)."""
    x, owner = item["x"], item["owner"]
    if item["kind"] in ("construct", "class"):
        keys = [("new", owner["fqn"], None)]
    elif item["kind"] == "property":
        keys = [("prop", owner["fqn"], norm(x["name"])), ("struct", x["_decl"], norm(x["name"]))]
    else:
        ts, fqn = reader.ts, owner["fqn"]
        keys = [k for k in reader.uses if k[0] == "method" and k[2] == norm(x["name"])
                and (k[1] == fqn or fqn in ts.class_chain(k[1]) or k[1] in ts.interfaces(fqn))]
    found, cases = set(), set()
    for k in keys:
        found |= {code for code in reader.uses.get(k, {}).values() if code}
        cases |= set(reader.uses.get(k, {}))
    if not found:  # the CDK statement has no Swift counterpart of its own: the case's other Swift statements
        for case in reader.cases:
            if case.name in cases:
                found |= {swift for _, body in case.stacks for _, swift, _ in body if swift}
    return sorted(found, key=lambda c: (len(c), c))


def enclosing(code, pos):
    """The calls and arrays around a position, innermost first: (callee, bracket, label before it)."""
    parts, depth, i = [], 0, pos - 1
    while i >= 0 and len(parts) < 3:
        c = code[i]
        if c in ")]":
            depth += 1
        elif c == "{" and depth == 0:
            break
        elif c in "([":
            if depth:
                depth -= 1
            else:
                callee, j = "", i
                if c == "(":
                    m = re.search(r"([A-Za-z_.][\w.]*)\s*$", code[:i])
                    if m:
                        callee, j = m.group(1), m.start()
                lab = re.search(r"(\w+)\s*:\s*$", code[:j])
                parts.append((callee, c, lab.group(1) if lab else None))
                i = (lab.start() if lab else j) - 1
                continue
        i -= 1
    return parts


def label_in(code, name):
    """The Swift form of a keyword `name` in a statement, with the calls around it: `Queue(deadLetter:
    .init(maxReceiveCount:))`; or None."""
    for m in re.finditer(r"(?<![\w.])(\w+)\s*:(?!:)", code):
        if norm(m.group(1)) != norm(name):
            continue
        out, parts = f"{m.group(1)}:", enclosing(code, m.start())
        for callee, bracket, label in parts:
            out = f"{callee}({out})" if bracket == "(" else f"[{out}]"
            if label:
                out = f"{label}: {out}"
        if parts and parts[-1][2]:
            out = f"…({out})"
        return out
    return None


def clip(code, limit=90):
    code = re.sub(r"^let \w+ = ", "", code.strip())
    return code if len(code) <= limit else code[:limit - 1] + "…"


def swift_for_proved(reader, item):
    """The Swift API of an item a case proves, from the harness's option mapping or the case's Swift code."""
    x, owner = item["x"], item["owner"]
    codes = statements(reader, item)
    if item["kind"] in ("construct", "class"):
        types = sorted(reader.swift_types.get(owner["fqn"], set()))
        if types:
            return ", ".join(f"`{t}`" for t in types)
        for code in codes:
            if re.search(rf"\b{re.escape(x['name'])}\s*\(", code):
                return f"`{x['name']}`"
        return f"see case: `{clip(codes[0])}`" if codes else None
    if item["kind"] == "property":
        labels = sorted(reader.swift_labels.get((owner["fqn"], norm(x["name"])), set()))
        if not labels and owner["kind"] == "struct":
            labels = []
        if labels:
            return ", ".join(f"`{l}`" for l in labels)
        for code in codes:
            found = label_in(code, x["name"])
            if found:
                return f"`{found}`"
        return f"see case: `{clip(codes[0])}`" if codes else None
    for code in codes:
        m = re.search(rf"\.({re.escape(x['name'])})\s*\(", code)
        if m:
            return f"`.{m.group(1)}(…)`"
    names = [x["name"]] + ([x["name"][3:]] if re.match(r"add[A-Z]", x["name"]) else [])
    for code in codes:  # `addAutoScaling` -> `Alias(autoScaling:)`
        for n in names:
            found = label_in(code, n)
            if found:
                return f"`{found}`"
    for code in codes:  # `grantSendMessages` -> `queue.grant(.send, to:)`, `metricErrors` -> `fn.metric(.errors)`
        for m in re.finditer(r"\b\w+\.(\w+)\(\.(\w+)([^()]*(?:\([^()]*\)[^()]*)*)\)", code):
            if norm(m.group(2)) in norm(x["name"]) and norm(x["name"]).startswith(norm(m.group(1))):
                rest = re.sub(r"(\w+):\s*[^,]+", r"\1:", m.group(3))
                return f"`{m.group(0)[:m.start(2) - m.start(0)]}{m.group(2)}{rest})`"
    return f"see case: `{clip(codes[0])}`" if codes else None


class SwiftFiles:
    """The Swift files of each module's folder in Sources/FormworkAWS (comments and strings removed), to find a
    declaration of an item's name in the files of the Swift types that express its class."""

    def __init__(self):
        self.files = {}  # folder -> [(file name, text)]
        self.decls = {}  # (module, file) -> declarations

    def of(self, folder):
        if folder not in self.files:
            out = []
            root = os.path.join(S.SWIFT_SOURCES, folder)
            for name in sorted(os.listdir(root)) if os.path.isdir(root) else []:
                if name.endswith(".swift"):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        text = f.read()
                    text = re.sub(r'"""[\s\S]*?"""', '""', text)
                    text = re.sub(r"//[^\n]*", "", text)
                    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
                    out.append((name, text))
            self.files[folder] = out
        return self.files[folder]

    def declarations(self, text):
        """The names a file declares for users: initializer and enum-case parameter labels, functions, enum
        cases, static members."""
        out = {"label": set(), "func": set(), "case": set(), "static": set()}
        for m in re.finditer(r"\binit\??\s*(?:<[^>]*>)?\s*\(|\bcase\s+\w+\s*\(|\bfunc\s+\w+\s*(?:<[^>]*>)?\s*\(", text):
            j, level = m.end(), 1
            while j < len(text) and level:
                level += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
            for label in re.findall(r"(?:^|,)\s*(?:@\w+\s+)?(\w+)(?:\s+\w+)?\s*:", text[m.end():j - 1]):
                if label != "_":
                    out["label"].add(label)
        out["func"] = set(re.findall(r"\bfunc\s+(\w+)", text))
        out["case"] = {n for group in re.findall(r"\bcase\s+(\w+(?:\s*(?:\([^)]*\))?\s*,\s*\w+)*)", text)
                       for n in re.findall(r"(?:^|,)\s*(\w+)", group)}
        out["static"] = set(re.findall(r"\bstatic\s+(?:func|var|let)\s+(\w+)", text))
        return out

    def find(self, module, types, names, kinds):
        """(file, name) of the first declaration of one of `names` (as one of `kinds`: label, func, case,
        static) in a file of the module's folder named after one of the Swift `types` or declaring one."""
        for file, text in self.of(S.SWIFT_FOLDERS.get(module, "")):
            if not any(file.startswith(t) or re.search(rf"\b(?:struct|class|enum|extension|actor)\s+(?:\w+\.)*{t}\b", text)
                       for t in types):
                continue
            key = (module, file)
            if key not in self.decls:
                self.decls[key] = self.declarations(text)
            for n in names:
                if any(n in self.decls[key][k] for k in kinds):
                    return file, n
        return None


def swift_types_for(reader, surface, item, all_users):
    """The Swift types that may express an item's class: those the cases map it to and its own name (for a
    struct, those of the classes whose props extend it; for a base, those of its subclasses)."""
    owner = item["owner"]
    classes = [owner["fqn"]]
    if owner["kind"] == "struct":
        classes = all_users.get(owner["fqn"], [])
        types = {owner["name"]}
    else:
        types = set()
    if owner["kind"] == "base":
        classes += owner.get("_subclasses", [])
    for c in classes:
        types |= reader.swift_types.get(c, set()) | {c.rsplit(".", 1)[1]}
    return sorted(types)


# Swift names for CDK ones beyond those the harness's options show (`retentionPeriod` -> `retention`).
EXTRA_ALIASES = {"logs": ["logging"]}


def swift_aliases(reader):
    """Normalized CDK property name -> the Swift labels the cases' options give it where they differ."""
    out = {k: set(v) for k, v in EXTRA_ALIASES.items()}
    for (_, kwarg), labels in reader.swift_labels.items():
        for label in labels:
            m = re.search(r"\((\w+):\)$", label)
            if m and norm(m.group(1)) != kwarg:
                out.setdefault(kwarg, set()).add(m.group(1))
    return out


VPC_TYPES = ("ec2.IVpc", "ec2.SubnetSelection", "ec2.ISecurityGroup", "ec2.IVpcEndpoint", "ec2.Connections")


def bootstrap_entry(reader, item, class_supported, struct_users, grep, aliases):
    """A first entry for an item: supported when a case proves it, else not supported with the evidence:
    a Swift API of that name no case proves, or the reason none was found."""
    x, owner = item["x"], item["owner"]
    if x.get("cases"):
        return {"status": "supported", "swift": swift_for_proved(reader, item) or "see case"}
    entry = {"status": "not supported"}
    if x.get("status") != "supported-no-case" and not x.get("reason") and item["kind"] in ("property", "method"):
        if item["kind"] == "property":  # an initializer's label or an enum case's, or a name the harness maps it to
            hit = grep(item, [x["name"]] + sorted(aliases.get(norm(x["name"]), ())), ("label", "case"))
        else:  # a method, or for `fromAsset` an enum case or static member `asset`
            hit = grep(item, [x["name"]], ("func",))
            if not hit and re.match(r"from[A-Z]", x["name"]):
                hit = grep(item, [x["name"][4].lower() + x["name"][5:]], ("case", "static"))
        if hit:
            entry["swift"] = f"`{hit[1]}` in {hit[0]} (no case)"
            entry["reason"] = "no harness case proves the Swift API"
            return entry
    if x.get("status") == "supported-no-case":
        hit = re.search(r"Swift `(\w+)`", x.get("reason", ""))
        where = hit.group(1) if hit else owner["name"]
        if item["kind"] in ("construct", "class"):
            entry["swift"] = f"`{where}` (no case)"
        elif item["kind"] == "method":
            entry["swift"] = f"`{where}.{x['name']}(…)` (no case)"
        else:
            entry["swift"] = f"`{where}(… {x['name']}: …)` (no case)"
        entry["reason"] = "no harness case proves the Swift API"
        return entry
    if x.get("reason"):  # notes.json
        entry["reason"] = x["reason"]
        return entry
    kind = item["kind"]
    if kind in ("construct", "class"):
        entry["reason"] = "no Swift type of that name"
        return entry
    users = struct_users.get(owner["fqn"], []) if owner["kind"] == "struct" else []
    if users and not any(class_supported.get(c, False) for c in users):
        names = sorted({c.rsplit(".", 1)[1] for c in users})
        entry["reason"] = f"`{'`, `'.join(names[:3])}`{' …' if len(names) > 3 else ''} not supported"
        return entry
    if owner["kind"] != "struct" and not class_supported.get(owner["fqn"], False):
        entry["reason"] = f"`{owner['name']}` not supported" if owner["kind"] != "base" else \
            f"no subclass of `{owner['name']}` supported"
        return entry
    ty = x.get("type") or ""
    if kind == "property":
        if any(t in ty for t in VPC_TYPES):
            entry["reason"] = "VPC placement not modelled here"
        else:
            outside = sorted({f.split(".")[1][len("aws_"):] for f in x.get("_fqns", [])
                              if f.startswith("aws-cdk-lib.aws_") and f.split(".")[1][len("aws_"):] not in S.MODULES})
            if outside:
                entry["reason"] = f"no Swift option (its `{'`, `'.join(outside)}` type is not modelled)"
            else:
                entry["reason"] = "no Swift option of that name"
    else:
        entry["reason"] = "no Swift method of that name"
    return entry


def struct_users_of(ts, surface, all_structs=False):
    """Struct fqn -> the listed classes whose props struct is or extends it, for the structs no property or
    method parameter takes (those only a constructor's props use)."""
    users = {}
    for fqn, e in surface.classes.items():
        if e.get("_props"):
            for s in [e["_props"]] + ts.interfaces(e["_props"]):
                users.setdefault(s, []).append(fqn)
    if all_structs:
        return users
    taken = set()
    for e in list(surface.classes.values()) + list(surface.structs.values()):
        for p in e["props"]:
            for f in p["_fqns"]:
                taken |= {f} | set(ts.interfaces(f)) if ts.get(f) else {f}
        for m in e.get("methods", []):
            for param in m["_method"].get("parameters", []):
                for f in S.type_fqns(param["type"]):
                    taken |= {f} | set(ts.interfaces(f)) if ts.get(f) else {f}
    return {k: v for k, v in users.items() if k not in taken}


def class_support(surface):
    """Class fqn -> whether a case or a Swift type of its name supports it (bases: any listed subclass)."""
    out = {}
    for fqn, e in surface.classes.items():
        if e["kind"] != "base":
            out[fqn] = e.get("status") in ("covered", "supported-no-case")
    for fqn, e in surface.classes.items():
        if e["kind"] == "base":
            out[fqn] = any(out.get(c) for c in e.get("_subclasses", [])) or any(m.get("cases") for m in e["methods"])
    return out


# MARK: Resolution and rules

def resolve(items, equivalents, case_names):
    errors = []
    ids = set()
    for item in items:
        x = item["x"]
        iid = x["id"]
        ids.add(iid)
        found = ordered_cases(item)
        entry = equivalents.get(iid)
        item["found"] = found
        if entry is None:
            errors.append(f"{iid}: no entry in surface_equivalents.json (run with --bootstrap, then review it)")
            item.update(status="not supported", reason="no entry", cases=found)
            continue
        status = entry.get("status")
        if status not in STATUSES:
            errors.append(f"{iid}: status must be one of {', '.join(STATUSES)}")
        listed = entry.get("cases", [])
        for c in listed:
            if c not in case_names:
                errors.append(f"{iid}: names case {c}, which is not in Scripts/cdk-parity/cases.py")
        cases = found + [c for c in listed if c not in found]
        item.update(status=status, swift=entry.get("swift"), reason=entry.get("reason"), cases=cases,
                    caseNote=entry.get("case"))
        if status == "supported":
            if not entry.get("swift"):
                errors.append(f"{iid}: marked supported without its Swift API (\"swift\")")
            na = str(entry.get("case", "")).startswith("n/a:")
            if not cases and not na:
                errors.append(f"{iid}: marked supported, but no harness case proves it (add a case, list it in "
                              "\"cases\", or say why none is needed: \"case\": \"n/a: ...\")")
        elif status == "not supported":
            if not entry.get("reason"):
                errors.append(f"{iid}: not supported, without a reason")
            if found:
                errors.append(f"{iid}: marked not supported, but cases prove it: {', '.join(found[:3])} "
                              "(mark it supported, with its Swift API)")
    for key in sorted(set(equivalents) - ids):
        errors.append(f"surface_equivalents.json names {key}, which is not in the surface")
    return errors


def tally(items):
    t = {"items": len(items), "supported": 0, "withCase": 0, "notSupported": 0, "swiftWithoutCase": 0}
    for i in items:
        if i["status"] == "supported":
            t["supported"] += 1
            if i["cases"]:
                t["withCase"] += 1
        else:
            t["notSupported"] += 1
            if i.get("swift"):
                t["swiftWithoutCase"] += 1
    return t


def totals(items):
    kinds = {"constructs": ("construct",), "classes": ("class",), "properties": ("property",), "methods": ("method",)}
    out = tally(items)
    out["byKind"] = {k: tally([i for i in items if i["kind"] in v]) for k, v in kinds.items()}
    return out


# MARK: Output

def item_json(item):
    x = item["x"]
    out = {"id": x["id"], "kind": item["kind"], "name": x["name"], "status": item["status"]}
    if item["kind"] == "property":
        out["type"] = x.get("type")
        if "optional" in x and not x["optional"]:
            out["required"] = True
    if item["kind"] == "method":
        out["signature"] = x.get("signature")
    if item.get("swift"):
        out["swift"] = item["swift"]
    if item["cases"]:
        out["cases"] = item["cases"][:MAX_CASES_JSON]
        out["caseCount"] = len(item["cases"])
    if item.get("caseNote"):
        out["case"] = item["caseNote"]
    if item.get("reason"):
        out["reason"] = item["reason"]
    if x.get("deprecated"):
        out["deprecated"] = True
    return out


def build_json(items, versions, case_count):
    modules = {}
    for mod, ns in S.MODULES.items():
        mine = [i for i in items if i["owner"]["module"] == mod]
        modules[mod] = {"namespace": ns, "totals": totals(mine), "items": [item_json(i) for i in mine]}
    return {"generatedBy": "Scripts/cdk-coverage/surface_equivalents.py", "assemblies": versions,
            "cases": case_count, "totals": totals(items), "modules": modules}


def dump_json(data):
    def dump(value, indent):
        pad = " " * indent
        if isinstance(value, dict) and "id" in value and "status" in value:
            return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if isinstance(value, dict):
            if not value:
                return "{}"
            inner = [f"{pad} {json.dumps(k)}: {dump(v, indent + 1)}" for k, v in sorted(value.items())]
            return "{\n" + ",\n".join(inner) + "\n" + pad + "}"
        if isinstance(value, list) and value and isinstance(value[0], dict):
            return "[\n" + ",\n".join(f"{pad} {dump(v, indent + 1)}" for v in value) + "\n" + pad + "]"
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return dump(data, 0) + "\n"


def cell(text):
    return (text or "").replace("|", "\\|").replace("\n", " ")


def status_cell(item):
    if item["status"] == "supported":
        return "supported" + (f" ({item['caseNote']})" if item.get("caseNote") and not item["cases"] else "")
    return f"not supported: {item.get('reason') or ''}"


def cases_cell(item):
    cases = item["cases"]
    if not cases:
        return "–"
    more = f" (+{len(cases) - MAX_CASES_MD})" if len(cases) > MAX_CASES_MD else ""
    return ", ".join(f"`{c}`" for c in cases[:MAX_CASES_MD]) + more


def pct(a, b):
    return f"{100 * a / b:.0f}%" if b else "–"


def summary_line(t):
    return (f"**{t['items']:,} CDK items: {t['supported']:,} supported ({t['withCase']:,} proved by a harness case), "
            f"{t['notSupported']:,} not supported** ({t['swiftWithoutCase']:,} of them have a Swift API no case proves); "
            f"constructs {t['byKind']['constructs']['supported']} / {t['byKind']['constructs']['items']}, other classes "
            f"{t['byKind']['classes']['supported']} / {t['byKind']['classes']['items']}, properties "
            f"{t['byKind']['properties']['supported']:,} / {t['byKind']['properties']['items']:,}, methods "
            f"{t['byKind']['methods']['supported']} / {t['byKind']['methods']['items']:,}.")


def build_markdown(data, items, surface):
    out = []
    w = out.append
    t = data["totals"]
    w("# CDK surface: Swift equivalents")
    w("")
    w(summary_line(t))
    w("")
    w("Generated by `Scripts/cdk-coverage/surface_equivalents.py` from the jsii assemblies of "
      + ", ".join(f"`{k}` {v}" for k, v in sorted(data["assemblies"].items()))
      + f", the hand-kept `Scripts/cdk-coverage/surface_equivalents.json` and the {data['cases']} parity cases of "
      "`Scripts/cdk-parity/cases.py`. Do not edit; change the JSON file and run the script (`--check` fails when an "
      "item is marked supported without a proving case, when a case proves an item marked not supported, or when "
      "CDK has an item the file does not list). Every item, with its type and all its cases, is in "
      "`Scripts/cdk-coverage/surface.json`; `Docs/CDKCoverage.md` has the same surface from the cases' side.")
    w("")
    w("The surface, per module: the constructs and the other public classes with a constructor (event sources, "
      "targets, subscriptions, integrations), the properties of their props structs and of the structs those use "
      "(each property once, in the struct that declares it), and the public methods users call (static `from…` "
      "imports, grants, metrics, `add…`). Items CDK deprecates are left out unless a case uses them. A case "
      "*proves* an item when its CDK code uses it: the harness checks Formwork writes the same template for it.")
    w("")
    w("## Totals")
    w("")
    w("| module | items | supported | with a case | not supported | of which a Swift API without a case | constructs | properties | methods |")
    w("|---|---|---|---|---|---|---|---|---|")
    rows = [(mod, m["totals"]) for mod, m in data["modules"].items()] + [("**all**", t)]
    for mod, tt in rows:
        k = tt["byKind"]
        w(f"| {mod} | {tt['items']} | {tt['supported']} ({pct(tt['supported'], tt['items'])}) | {tt['withCase']} | "
          f"{tt['notSupported']} | {tt['swiftWithoutCase']} | {k['constructs']['supported']} / {k['constructs']['items']} | "
          f"{k['properties']['supported']} / {k['properties']['items']} | {k['methods']['supported']} / {k['methods']['items']} |")
    w("")
    w("Constructs, properties and methods: supported / total. A class or struct none of whose items is supported is "
      "shown on one row, its properties and methods named there.")
    by_owner = {}
    for i in items:
        by_owner.setdefault(i["owner"]["id"], []).append(i)
    for mod, m in data["modules"].items():
        w("")
        w(f"## {mod}")
        w("")
        tt = m["totals"]
        w(f"`{m['namespace']}`: {tt['items']} items, {tt['supported']} supported ({tt['withCase']} with a case), "
          f"{tt['notSupported']} not supported.")
        owners = [e for _, e in sorted(surface.classes.items()) if e["module"] == mod] + \
                 [e for _, e in sorted(surface.structs.items()) if e["module"] == mod]
        if not any(by_owner.get(e["id"]) for e in owners):
            continue
        w("")
        w("| CDK item | Swift equivalent | proving harness case(s) | status |")
        w("|---|---|---|---|")
        for e in owners:
            mine = by_owner.get(e["id"], [])
            if not mine:
                continue
            if all(i["status"] != "supported" for i in mine):
                head = next((i for i in mine if i["kind"] in ("construct", "class")), None)
                members = [i for i in mine if i is not head]
                label = f"`{e['name']}`" if head else f"`{e['name']}` ({'struct' if e['kind'] == 'struct' else 'base'})"
                if head:
                    label += f" ({head['kind']})"
                if members:
                    names = [i["x"]["name"] + ("()" if i["kind"] == "method" else "") for i in members]
                    label += f": {len(members)} member{'s' if len(members) > 1 else ''}: " + ", ".join(f"`{n}`" for n in names)
                reasons = {}
                for i in ([head] if head else []) + members:
                    reasons.setdefault(i.get("reason") or "", []).append(i)
                reason = head.get("reason") if head else max(reasons.items(), key=lambda kv: len(kv[1]))[0]
                implied = f"`{e['name']}` not supported"
                others = ["`" + i["x"]["name"] + ("()" if i["kind"] == "method" else "") + "`: " + (i.get("reason") or "")
                          for i in members if i.get("reason") not in (reason, implied)]
                swift = "; ".join(sorted({cell(i["swift"]) for i in mine if i.get("swift")}))
                w(f"| {cell(label)} | {swift or '–'} | – | not supported: {cell(reason)}"
                  + (f" ({cell('; '.join(others))})" if others else "") + " |")
                continue
            for i in mine:
                name = display(i)
                if i["kind"] in ("construct", "class"):
                    name = f"**`{name}`** ({i['kind']})"
                else:
                    name = f"`{name}`"
                w(f"| {cell(name)} | {cell(i.get('swift')) or '–'} | {cases_cell(i)} | {cell(status_cell(i))} |")
    w("")
    return "\n".join(out)


def main(argv):
    venv = argv[argv.index("--venv") + 1] if "--venv" in argv else DEFAULT_VENV
    ts, surface, reader, swift, versions, surface_errors = load_surface(venv)
    items = items_of(surface)
    equivalents = {}
    if os.path.exists(EQUIVALENTS):
        with open(EQUIVALENTS, encoding="utf-8") as f:
            equivalents = json.load(f)
    if "--bootstrap" in argv:
        supported, users = class_support(surface), struct_users_of(ts, surface)
        all_users, files = struct_users_of(ts, surface, all_structs=True), SwiftFiles()
        aliases = swift_aliases(reader)

        def grep(item, names, kinds):
            return files.find(item["owner"]["module"], swift_types_for(reader, surface, item, all_users), names, kinds)
        ids = {i["x"]["id"] for i in items}
        kept = {k: v for k, v in equivalents.items() if k in ids}
        added = 0
        for item in items:
            if item["x"]["id"] not in kept:
                kept[item["x"]["id"]] = bootstrap_entry(reader, item, supported, users, grep, aliases)
                added += 1
        text = "{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                                  for k, v in sorted(kept.items())) + "\n}\n"
        with open(EQUIVALENTS, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"surface_equivalents.json: {added} entries added, {len(equivalents) - (len(kept) - added)} dropped")
        equivalents = kept
    case_names = {c.name for c in reader.cases}
    errors = resolve(items, equivalents, case_names)
    data = build_json(items, versions, len(reader.cases))
    text_json = dump_json(data)
    text_md = build_markdown(data, items, surface)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    t = data["totals"]
    outputs = ((OUT_JSON, text_json), (OUT_MD, text_md))
    if "--check" in argv:
        return 1 if errors or S.stale_outputs(outputs) else 0
    S.write_outputs(outputs)
    print(f"{'module':<26}{'items':>7}{'supported':>11}{'with case':>11}{'not supp.':>11}{'swift, no case':>16}")
    for mod, m in list(data["modules"].items()) + [("all", {"totals": t})]:
        tt = m["totals"]
        print(f"{mod:<26}{tt['items']:>7}{tt['supported']:>11}{tt['withCase']:>11}{tt['notSupported']:>11}"
              f"{tt['swiftWithoutCase']:>16}")
    print(f"wrote {os.path.relpath(OUT_JSON, ROOT)}, {os.path.relpath(OUT_MD, ROOT)}; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
