#!/usr/bin/env python3
"""CDK's API surface, read from CDK's own jsii assemblies, and how much of it the differential parity cases
(Scripts/cdk-parity/cases.py) exercise: Docs/CDKCoverage.md and Scripts/cdk-coverage/coverage.json.

usage: surface.py [--venv PATH] [--notes PATH] [--check]
  --venv   the virtual environment with aws-cdk-lib 2.275.0 and the pipes alpha packages (default .venv-cdk):
           pip install aws-cdk-lib==2.275.0 constructs aws-cdk.aws-pipes-alpha==2.275.0a0
           aws-cdk.aws-pipes-sources-alpha==2.275.0a0 aws-cdk.aws-pipes-targets-alpha==2.275.0a0
           aws-cdk.aws-pipes-enrichments-alpha==2.275.0a0
  --notes  the hand-written statuses (default Scripts/cdk-coverage/notes.json)
  --check  write nothing; exit 1 when the outputs are stale or notes.json is wrong

The surface, per covered module: every construct class (non-abstract, extending constructs.Construct) and every
other public class with a public constructor (event sources, targets, subscriptions, integrations, principals,
widgets...), the properties of its props struct (its last constructor parameter), the structs of the module those
properties and the listed methods' option parameters use (recursively), and the public methods of the classes
and of their abstract bases in the module (static `from*` imports, grants, metrics, `add*`...; `bind*`, `render*`,
`to*` and other plumbing left out). L1 `Cfn*` classes are only counted.

The status of each item:
  covered            a case's CDK snippet uses it (a keyword argument of a constructor, struct or method; a method
                     call; a constructor call), with the case names
  supported-no-case  no case, but the Swift type mapped to the construct has a label / method of the same name
  unsupported        no case and no Swift API of the same name (or notes.json says so, with a reason)
  out-of-scope       notes.json says so, with a reason
  deprecated         CDK marks it deprecated and no case uses it

notes.json: {"<item id>": {"status": "unsupported" | "out-of-scope" | "supported", "reason": "..."}}; a note on a
construct or struct id applies to all its items without a note of their own. The script fails when a note names
an item that does not exist, or marks `supported` an item that no case covers.
"""
import ast, json, os, re, sys

sys.dont_write_bytecode = True  # importing cases.py must leave no __pycache__ behind
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from jsii import (DEFAULT_VENV, ROOT, TypeSystem, find_tarballs, norm, one_line, read_assembly, render_type,  # noqa: E402
                  short, signature, snake, type_fqns)

PARITY = os.path.join(ROOT, "Scripts", "cdk-parity")
SWIFT_SOURCES = os.path.join(ROOT, "Sources", "FormworkAWS")
NOTES = os.path.join(HERE, "notes.json")
OUT_JSON = os.path.join(HERE, "coverage.json")
OUT_MD = os.path.join(ROOT, "Docs", "CDKCoverage.md")

ASSEMBLIES = ["aws-cdk-lib", "@aws-cdk/aws-pipes-alpha", "@aws-cdk/aws-pipes-sources-alpha",
              "@aws-cdk/aws-pipes-targets-alpha", "@aws-cdk/aws-pipes-enrichments-alpha"]

# Covered modules: short name -> jsii namespace (submodule fqn or, for the alpha packages, the assembly).
MODULES = {m: f"aws-cdk-lib.aws_{m}" for m in [
    "sqs", "sns", "sns_subscriptions", "lambda", "lambda_event_sources", "lambda_destinations", "dynamodb",
    "kinesis", "s3", "s3_notifications", "events", "events_targets", "stepfunctions", "stepfunctions_tasks",
    "apigateway", "apigatewayv2", "apigatewayv2_integrations", "apigatewayv2_authorizers", "cloudwatch",
    "cloudwatch_actions", "logs", "iam", "cognito", "scheduler", "scheduler_targets", "ssm", "secretsmanager",
    "kms"]}
MODULES.update({"pipes": "@aws-cdk/aws-pipes-alpha", "pipes_sources": "@aws-cdk/aws-pipes-sources-alpha",
                "pipes_targets": "@aws-cdk/aws-pipes-targets-alpha",
                "pipes_enrichments": "@aws-cdk/aws-pipes-enrichments-alpha"})

# Public methods that are plumbing the framework calls, not API users call.
PLUMBING = {"toString", "toJson", "toJSON", "toStateJson", "toMetricConfig", "toSingleState", "dedupeString",
            "providePolicyStatements", "visit", "position", "considerWarningOnInvokeFunctionPermissions"}
PLUMBING_PREFIXES = ("bind", "render", "_")

# The folder of Sources/FormworkAWS holding each module's Swift types (for the same-name heuristic).
SWIFT_FOLDERS = {"sqs": "SQS", "sns": "SNS", "sns_subscriptions": "SNS", "lambda": "Lambda",
                 "lambda_event_sources": "Lambda", "lambda_destinations": "Lambda", "dynamodb": "DynamoDB",
                 "kinesis": "Kinesis", "s3": "S3", "s3_notifications": "S3", "events": "Events",
                 "events_targets": "Events", "stepfunctions": "StepFunctions", "stepfunctions_tasks": "StepFunctions",
                 "apigateway": "APIGateway", "apigatewayv2": "APIGateway", "apigatewayv2_integrations": "APIGateway",
                 "apigatewayv2_authorizers": "APIGateway", "cloudwatch": "CloudWatch", "cloudwatch_actions": "CloudWatch",
                 "logs": "Logs", "iam": "IAM", "cognito": "Cognito", "scheduler": "Scheduler",
                 "scheduler_targets": "Scheduler", "ssm": "SSM", "secretsmanager": "SecretsManager", "kms": "KMS",
                 "pipes": "Pipes", "pipes_sources": "Pipes", "pipes_targets": "Pipes", "pipes_enrichments": "Pipes"}

STATUSES = ["covered", "supported-no-case", "unsupported", "out-of-scope", "deprecated"]


# MARK: The surface

def module_of(fqn):
    """The covered module a type belongs to (directly, not in a nested namespace), or None."""
    for mod, ns in MODULES.items():
        if fqn.startswith(ns + ".") and "." not in fqn[len(ns) + 1:]:
            return mod
    return None


def item_name(fqn):
    return fqn.rsplit(".", 1)[1]


def is_deprecated(docs):
    return (docs or {}).get("stability") == "deprecated"


class Surface:
    def __init__(self, ts):
        self.ts = ts
        self.classes = {}   # fqn -> entry (construct / class / base)
        self.structs = {}   # fqn -> entry
        self.cfn = {m: 0 for m in MODULES}
        self.build()

    def props_struct(self, fqn):
        init = self.ts.get(fqn).get("initializer")
        params = (init or {}).get("parameters", [])
        if params and "fqn" in params[-1]["type"] and self.ts.is_struct(params[-1]["type"]["fqn"]):
            return params[-1]["type"]["fqn"]
        return None

    def build(self):
        ts = self.ts
        listed = []
        for fqn in sorted(ts.types):
            mod = module_of(fqn)
            t = ts.types[fqn]
            if mod is None or t["kind"] != "class":
                continue
            chain = ts.class_chain(fqn)
            if "aws-cdk-lib.CfnResource" in chain:
                self.cfn[mod] += 1
                continue
            if t.get("abstract") or "initializer" not in t:
                continue
            kind = "construct" if "constructs.Construct" in chain else "class"
            listed.append((fqn, mod, kind))
        self.props_of = {}  # props struct fqn -> classes
        for fqn, _, _ in listed:
            props = self.props_struct(fqn)
            if props:
                self.props_of.setdefault(props, []).append(fqn)
        todo = []
        for fqn, mod, kind in listed:
            self.classes[fqn] = self.class_entry(fqn, mod, kind, todo)
        # Abstract (or unlisted) bases in covered modules hold the inherited methods.
        for fqn, _, _ in listed:
            for base in self.ts.class_chain(fqn)[1:]:
                bmod = module_of(base)
                if bmod and base not in self.classes and self.ts.get(base):
                    self.classes[base] = self.class_entry(base, bmod, "base", todo)
        for entry in list(self.classes.values()):
            entry["_subclasses"] = sorted(c for c in self.classes if c != entry["fqn"] and entry["fqn"] in self.ts.class_chain(c))
            entry["subclasses"] = [short(c) for c in entry["_subclasses"]]
        # Structs reachable from props and from the listed methods' parameters, in covered modules; a property
        # belongs to the struct that declares it (shared bases such as TaskStateBaseProps are listed once).
        for entry in self.classes.values():
            for m in entry["methods"]:
                todo += [f for p in m["_method"].get("parameters", []) for f in type_fqns(p["type"])]
        while todo:
            fqn = todo.pop()
            if fqn in self.structs or fqn in self.props_of or not self.ts.is_struct(fqn) or module_of(fqn) is None:
                continue
            if item_name(fqn).startswith("Cfn"):
                continue
            self.structs[fqn] = self.struct_entry(fqn, todo)

    def declared(self, struct_fqn):
        """The properties a struct lists itself (its own, and those of ancestors outside the covered modules) and
        its ancestors in the covered modules (listed as structs of their own)."""
        own, inherited = [], set()
        for name, (decl, p) in sorted(self.ts.struct_properties(struct_fqn).items()):
            if decl == struct_fqn or module_of(decl) is None or item_name(decl).startswith("Cfn"):
                own.append((name, decl, p))
            else:
                inherited.add(decl)
        return own, sorted(inherited)

    def property_entries(self, owner_id, own):
        out = []
        for name, declared, p in own:
            docs = p.get("docs", {})
            out.append({"id": f"{owner_id}#{name}", "name": name, "python": snake(name),
                        "type": render_type(p["type"]), "default": one_line(docs.get("default")) or None,
                        "optional": bool(p.get("optional")), "declaredIn": short(declared),
                        "deprecated": is_deprecated(docs), "_decl": declared, "_fqns": type_fqns(p["type"])})
        return out

    def class_entry(self, fqn, mod, kind, todo):
        t = self.ts.get(fqn)
        cid = f"{mod}/{t['name']}"
        props_fqn = self.props_struct(fqn) if kind != "base" else None
        methods = []
        for m in sorted(t.get("methods", []), key=lambda m: (not m.get("static"), m["name"])):
            name = m["name"]
            if m.get("protected") or name in PLUMBING or name.startswith(PLUMBING_PREFIXES):
                continue
            if m.get("static") and re.match(r"is[A-Z]", name):
                continue  # isConstruct / isResource type checks
            methods.append({"id": f"{cid}.{name}()", "name": name, "python": snake(name), "static": bool(m.get("static")),
                            "signature": signature(m), "summary": one_line(m.get("docs", {}).get("summary")),
                            "deprecated": is_deprecated(m.get("docs")), "_method": m})
        own, inherited = self.declared(props_fqn) if props_fqn else ([], [])
        props = self.property_entries(cid, own)
        todo += inherited + [f for p in props for f in p["_fqns"]]
        return {"id": cid, "fqn": fqn, "module": mod, "name": t["name"], "kind": kind,
                "base": short(t["base"]) if t.get("base") else None,
                "summary": one_line(t.get("docs", {}).get("summary")), "deprecated": is_deprecated(t.get("docs")),
                "propsStruct": short(props_fqn) if props_fqn else None, "_props": props_fqn,
                "props": props, "inheritedProps": [short(i) for i in inherited], "_inherited": inherited,
                "methods": methods}

    def struct_entry(self, fqn, todo):
        t = self.ts.get(fqn)
        mod = module_of(fqn)
        sid = f"{mod}/{t['name']}"
        own, inherited = self.declared(fqn)
        props = self.property_entries(sid, own)
        todo += inherited + [f for p in props for f in p["_fqns"]]
        return {"id": sid, "fqn": fqn, "module": mod, "name": t["name"], "kind": "struct",
                "summary": one_line(t.get("docs", {}).get("summary")), "deprecated": is_deprecated(t.get("docs")),
                "inheritedProps": [short(i) for i in inherited], "_inherited": inherited, "props": props}

    def all_props(self, entry):
        """A class's or struct's properties with those of its ancestors (for the per-class view)."""
        out = list(entry["props"])
        seen = set()
        todo = list(entry.get("_inherited", []))
        while todo:
            fqn = todo.pop(0)
            if fqn in seen:
                continue
            seen.add(fqn)
            e = self.structs.get(fqn) or next((self.classes[c] for c in self.props_of.get(fqn, [])), None)
            if e is None:
                continue
            out += e["props"]
            todo += e.get("_inherited", [])
        return sorted(out, key=lambda p: p["name"])


# MARK: The cases

class CaseReader:
    """Reads the CDK (Python) side of every case with `ast`, types expressions with the jsii assemblies and
    records what each case uses."""

    def __init__(self, ts, surface):
        self.ts = ts
        self.surface = surface
        self.uses = {}        # (kind, fqn, norm name) -> {case: swift}; kinds: new, prop, struct, method
        self.swift_labels = {}  # (class fqn, norm prop) -> set of "SwiftType(label:)"
        self.swift_types = {}   # class fqn -> set of Swift type names
        self.failures = []    # (case, python, error)
        self.untyped_calls = 0
        self.typed_calls = 0

    # -- loading cases.py with the constructor helper instrumented

    def load(self):
        sys.path.insert(0, PARITY)
        import cases  # noqa: E402
        import generate  # noqa: E402
        self.aliases = self.import_aliases(generate.PY_HEADER)
        captured = []
        original = cases.call

        def call(py_ctor, swift_ctor, ident, options, var=None):
            captured.append((py_ctor, swift_ctor, list(options)))
            return original(py_ctor, swift_ctor, ident, options, var)
        cases.call = call
        try:
            groups = cases.all_groups()
        finally:
            cases.call = original
        for py_ctor, swift_ctor, options in captured:
            cls = self.resolve_dotted(py_ctor)
            if cls is None:
                continue
            self.swift_types.setdefault(cls, set()).add(swift_ctor)
            for kwarg, _, label, _ in options:
                if kwarg and label:
                    self.swift_labels.setdefault((cls, norm(kwarg)), set()).add(f"{swift_ctor}({label}:)")
        self.cases = [case for group in groups.values() for case in group]
        return self.cases

    def import_aliases(self, header):
        """Local name -> ('module', jsii namespace) or ('type', fqn), from the generated app's imports."""
        aliases = {}
        for node in ast.walk(ast.parse(header)):
            if isinstance(node, ast.Import):
                for a in node.names:
                    ns = self.ts.python_modules.get(a.name)
                    if ns:
                        aliases[a.asname or a.name] = ("module", ns)
            elif isinstance(node, ast.ImportFrom):
                for a in node.names:
                    full = f"{node.module}.{a.name}"
                    if full in self.ts.python_modules:
                        aliases[a.asname or a.name] = ("module", self.ts.python_modules[full])
                    elif node.module in self.ts.python_modules:
                        fqn = f"{self.ts.python_modules[node.module]}.{a.name}"
                        if self.ts.get(fqn):
                            aliases[a.asname or a.name] = ("type", fqn)
        return aliases

    def resolve_dotted(self, dotted):
        head, _, rest = dotted.partition(".")
        kind, value = self.aliases.get(head, (None, None))
        if kind == "module" and rest and self.ts.get(f"{value}.{rest}"):
            return f"{value}.{rest}"
        if kind == "type" and not rest:
            return value
        return None

    # -- walking a case

    def read_all(self):
        for case in self.cases:
            env = {"s": ("inst", "aws-cdk-lib.Stack"), "app": ("inst", "aws-cdk-lib.App")}  # one function per case
            for _, statements in case.stacks:
                for py, swift, _ in statements:
                    if not py:
                        continue
                    self.case, self.swift = case.name, swift
                    try:
                        tree = ast.parse(py)
                    except SyntaxError as error:
                        self.failures.append((case.name, py, f"syntax: {error.msg}"))
                        continue
                    for node in tree.body:
                        self.statement(node, env)

    def use(self, kind, fqn, name):
        cases = self.uses.setdefault((kind, fqn, norm(name) if name else None), {})
        swift = self.swift
        if self.case not in cases or (swift and (cases[self.case] is None or len(swift) < len(cases[self.case]))):
            cases[self.case] = swift

    def statement(self, node, env):
        if isinstance(node, ast.Assign):
            value = self.expr(node.value, env)
            for target in node.targets:
                if isinstance(target, ast.Name):
                    env[target.id] = value
                else:
                    self.expr(target, env)
        elif isinstance(node, ast.Expr):
            self.expr(node.value, env)
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expr(child, env)
                elif isinstance(child, ast.stmt):
                    self.statement(child, env)

    def instance(self, ref):
        """('inst', fqn) for a type reference naming one type (optional or not), else None."""
        fqns = type_fqns(ref) if ref and "collection" not in ref else []
        return ("inst", fqns[0]) if len(fqns) == 1 else None

    def expr(self, node, env, expected=None):
        """The value of an expression: ('module', ns), ('type', fqn), ('inst', fqn) or None; records uses."""
        if isinstance(node, ast.Name):
            if node.id in env:
                return env[node.id]
            return self.aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.expr(node.value, env)
            return self.attribute(base, node.attr)
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, ast.Dict) and expected and self.ts.is_struct(expected):
            self.struct_literal(expected, node, env)
            return ("inst", expected)
        if isinstance(node, (ast.List, ast.Tuple)) and expected:
            for element in node.elts:
                self.expr(element, env, expected)
            return None
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                self.expr(child, env)
        return None

    def attribute(self, base, attr):
        if base is None:
            return None
        kind, value = base
        if kind == "module":
            fqn = f"{value}.{attr}"
            if self.ts.get(fqn):
                return ("type", fqn)
            sub = f"{value}.{attr}"
            if any(f.startswith(sub + ".") for f in self.ts.python_modules.values()):
                return ("module", sub)
            return None
        if kind == "type":
            nested = f"{value}.{attr}"
            if self.ts.get(nested):
                return ("type", nested)
            t = self.ts.get(value)
            if t and t["kind"] == "enum":
                return ("inst", value)
            _, prop = self.ts.find_member(value, norm(attr), "properties")
            return self.instance(prop["type"]) if prop else None
        if kind == "inst":
            _, prop = self.ts.find_member(value, norm(attr), "properties")
            return self.instance(prop["type"]) if prop else None
        return None

    def call(self, node, env):
        func = node.func
        if isinstance(func, ast.Attribute):
            base = self.expr(func.value, env)
            if base and base[0] == "module":
                target = self.attribute(base, func.attr)
                if target and target[0] == "type":
                    return self.construct(target[1], node, env)
            elif base and base[0] in ("type", "inst"):
                nested = f"{base[1]}.{func.attr}" if base[0] == "type" else None
                if nested and self.ts.get(nested):
                    return self.construct(nested, node, env)
                declared, method = self.ts.find_member(base[1], norm(func.attr), "methods")
                if method is not None and bool(method.get("static")) == (base[0] == "type"):
                    self.typed_calls += 1
                    self.use("method", base[1], method["name"])
                    self.arguments(method.get("parameters", []), node, env)
                    ret = method.get("returns")
                    return self.instance(ret["type"]) if ret else None
            self.untyped_calls += 1
            self.arguments([], node, env)
            return None
        target = self.expr(func, env)
        if target and target[0] == "type":
            return self.construct(target[1], node, env)
        self.arguments([], node, env)
        return None

    def construct(self, fqn, node, env):
        """`Type(...)`: a class constructor or a struct literal."""
        self.typed_calls += 1
        if self.ts.is_struct(fqn):
            self.struct_keywords(fqn, node.keywords, env)
            for arg in node.args:
                self.expr(arg, env)
            return ("inst", fqn)
        t = self.ts.get(fqn)
        self.use("new", fqn, None)
        params = (t.get("initializer") or {}).get("parameters", [])
        props = self.surface.props_struct(fqn) if t.get("kind") == "class" else None
        if props and node.keywords:
            for kw in node.keywords:
                if kw.arg is not None:
                    self.use("prop", fqn, kw.arg)
        self.arguments(params, node, env)
        return ("inst", fqn)

    def arguments(self, params, node, env):
        """Positional arguments against their parameters; keyword arguments against the last parameter's struct
        (jsii's Python keyword arguments) or a parameter of that name."""
        for i, arg in enumerate(node.args):
            ref = params[min(i, len(params) - 1)]["type"] if params else None
            self.expr(arg, env, self.expected(ref))
        last = params[-1]["type"].get("fqn") if params and "fqn" in params[-1]["type"] else None
        if last and self.ts.is_struct(last):
            named = {norm(p["name"]) for p in params}
            struct_keywords = [kw for kw in node.keywords if kw.arg is None or norm(kw.arg) not in named - {norm(params[-1]["name"])}]
            self.struct_keywords(last, struct_keywords, env)
            for kw in node.keywords:
                if kw not in struct_keywords:
                    self.expr(kw.value, env)
        else:
            by_name = {norm(p["name"]): p for p in params}
            for kw in node.keywords:
                p = by_name.get(norm(kw.arg)) if kw.arg else None
                self.expr(kw.value, env, self.expected(p["type"]) if p else None)

    def expected(self, ref):
        fqns = [f for f in type_fqns(ref) if self.ts.is_struct(f)] if ref else []
        return fqns[0] if len(fqns) == 1 else None

    def struct_keywords(self, fqn, keywords, env):
        props = {norm(name): (decl, p) for name, (decl, p) in self.ts.struct_properties(fqn).items()}
        for kw in keywords:
            if kw.arg is None:
                self.expr(kw.value, env)
                continue
            decl, p = props.get(norm(kw.arg), (fqn, None))
            self.use("struct", decl, kw.arg)
            self.expr(kw.value, env, self.expected(p["type"]) if p else None)

    def struct_literal(self, fqn, node, env):
        props = {norm(name): (decl, p) for name, (decl, p) in self.ts.struct_properties(fqn).items()}
        for key, value in zip(node.keys, node.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and norm(key.value) in props:
                decl, p = props[norm(key.value)]
                self.use("struct", decl, key.value)
                self.expr(value, env, self.expected(p["type"]))
            else:
                self.expr(value, env)


# MARK: The Swift side

def swift_index():
    """Swift type name -> {'labels': set of normalized init labels and stored properties, 'methods': set,
    'folders': set}, from a rough scan of Sources/FormworkAWS (types by their last name component; extensions
    merged)."""
    index = {}
    decl = re.compile(r"\b(?:public\s+)?(?:final\s+)?(?:struct|class|enum|extension|actor)\s+([A-Za-z_][\w.]*)")
    for folder, _, files in sorted(os.walk(SWIFT_SOURCES)):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            where = os.path.relpath(folder, SWIFT_SOURCES).split(os.sep)[0]
            text = re.sub(r"//[^\n]*", "", text)
            text = re.sub(r'"""[\s\S]*?"""', '""', text)
            text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
            stack, depth, pending = [], 0, None
            i = 0
            while i < len(text):
                m = decl.match(text, i) if text[i].isalpha() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) else None
                if m:
                    pending = m.group(1).split(".")[-1]
                    i = m.end()
                    continue
                c = text[i]
                if c == "{":
                    depth += 1
                    if pending:
                        stack.append((pending, depth))
                        pending = None
                elif c == "}":
                    if stack and stack[-1][1] == depth:
                        stack.pop()
                    depth -= 1
                elif c == ";" or c == "\n":
                    pass
                if stack and c in "ipvf" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                    current = index.setdefault(stack[-1][0], {"labels": set(), "methods": set(), "folders": set()})
                    current["folders"].add(where)
                    im = re.compile(r"init\??\s*(?:<[^>]*>)?\s*\(").match(text, i)
                    if im:
                        j, level = im.end(), 1
                        while j < len(text) and level:
                            level += {"(": 1, ")": -1}.get(text[j], 0)
                            j += 1
                        params = text[im.end():j - 1]
                        for label in re.findall(r"(?:^|,)\s*(?:@\w+\s+)?(\w+)(?:\s+\w+)?\s*:", params):
                            if label != "_":
                                current["labels"].add(norm(label))
                        i = j
                        continue
                    vm = re.compile(r"(?:var|let)\s+(\w+)").match(text, i)
                    if vm and stack[-1][1] == depth:
                        current["labels"].add(norm(vm.group(1)))
                    fm = re.compile(r"func\s+(\w+)").match(text, i)
                    if fm:
                        current["methods"].add(norm(fm.group(1)))
                i += 1
    return index


# MARK: Statuses

def load_notes(path=None):
    path = path or NOTES
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        notes = json.load(f)
    notes.pop("_comment", None)
    return notes


def compute(ts, surface, reader, swift, notes_path=None):
    errors = []
    uses = reader.uses
    notes = load_notes(notes_path)

    def cases_of(*keys):
        found = {}
        for key in keys:
            for case, code in uses.get(key, {}).items():
                if case not in found or (code and (found[case] is None or len(code) < len(found[case]))):
                    found[case] = code
        return found

    # Method uses by receiver type -> (declaring class, name) of listed classes.
    method_cases = {}
    for (kind, receiver, name), cases in sorted(uses.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        if kind != "method":
            continue
        rt = ts.get(receiver)
        targets = []
        if rt and rt["kind"] == "class":
            declared, _ = ts.find_member(receiver, name, "methods")
            targets.append((declared, None))
        else:  # an interface: every listed class implementing it, by its own declaration of the method
            for fqn in surface.classes:
                if receiver in ts.interfaces(fqn):
                    declared, _ = ts.find_member(fqn, name, "methods")
                    if declared in surface.classes:
                        targets.append((declared, short(receiver)))
        for declared, via in targets:
            slot = method_cases.setdefault((declared, name), {"cases": {}, "via": set()})
            for case, code in cases.items():
                if case not in slot["cases"] or (code and (slot["cases"][case] is None or len(code) < len(slot["cases"][case]))):
                    slot["cases"][case] = code
            if via:
                slot["via"].add(via)

    ids = {}

    def swift_names(fqn, name):
        """The Swift types of a CDK class: those the cases map it to, and a type of the same name in the
        module's folder."""
        names = {n for n in reader.swift_types.get(fqn, set()) if n in swift}
        if name in swift and SWIFT_FOLDERS.get(module_of(fqn)) in swift[name]["folders"]:
            names.add(name)
        return sorted(names)

    def decide(item, cases, owner_note, swift_hit, swift_api=None):
        note = notes.get(item["id"])
        item["cases"] = sorted(cases)
        if swift_api:
            item["swift"] = swift_api
        elif cases:
            codes = sorted({c for c in cases.values() if c}, key=lambda c: (len(c), c))
            if codes:
                item["swift"] = codes[0] if len(codes[0]) <= 160 else codes[0][:157] + "..."
        if cases:
            item["status"] = "covered"
            if note and note.get("status") in ("unsupported", "out-of-scope"):
                errors.append(f"{item['id']}: notes.json marks it {note['status']}, but cases cover it: {', '.join(sorted(cases)[:3])}")
        elif note and note.get("status") == "supported":
            errors.append(f"{item['id']}: notes.json marks it supported, but no case covers it")
            item["status"] = "supported-no-case"
        elif note:
            item["status"] = note["status"]
            item["reason"] = note.get("reason", "")
        elif owner_note and owner_note.get("status") in ("unsupported", "out-of-scope"):
            item["status"] = owner_note["status"]
            item["reason"] = owner_note.get("reason", "")
        elif item.get("deprecated"):
            item["status"] = "deprecated"
        elif swift_hit:
            item["status"] = "supported-no-case"
            item["reason"] = f"no case; Swift `{swift_hit}` has a member of that name"
        else:
            item["status"] = "unsupported"
        ids[item["id"]] = item

    for fqn, entry in sorted(surface.classes.items()):
        note = notes.get(entry["id"])
        types = swift_names(fqn, entry["name"])
        if entry["kind"] != "base":
            decide(entry, cases_of(("new", fqn, None)), None, types[0] if types else None)
        else:
            ids[entry["id"]] = entry
        for p in entry["props"]:
            hit = next((t for t in types if norm(p["name"]) in swift[t]["labels"]), None)
            labels = sorted(reader.swift_labels.get((fqn, norm(p["name"])), set()))
            keys = [("prop", fqn, norm(p["name"]))]
            if p["_decl"] == entry["_props"]:
                keys.append(("struct", p["_decl"], norm(p["name"])))
            decide(p, cases_of(*keys), note, hit, ", ".join(labels) or None)
        candidates = [fqn] + entry["_subclasses"] if entry["kind"] == "base" else [fqn]
        method_types = sorted({t for c in candidates for t in swift_names(c, item_name(c))})
        for m in entry["methods"]:
            slot = method_cases.get((fqn, norm(m["name"])), {"cases": {}, "via": set()})
            hit = next((t for t in method_types if norm(m["name"]) in swift[t]["methods"]), None)
            decide(m, slot["cases"], note, hit)
            if slot["via"] and m["cases"]:
                m["via"] = sorted(slot["via"])
    # The classes whose props struct extends each struct (FunctionOptions: Function, SingletonFunction...).
    users = {}
    for fqn, entry in surface.classes.items():
        if entry["_props"]:
            for ancestor in ts.interfaces(entry["_props"]):
                users.setdefault(ancestor, []).append(fqn)
    for fqn, entry in sorted(surface.structs.items()):
        note = notes.get(entry["id"])
        classes = sorted(users.get(fqn, []))
        types = sorted(set(swift_names(fqn, entry["name"])) | {t for c in classes for t in swift_names(c, item_name(c))})
        ids[entry["id"]] = entry
        if classes:
            entry["extendedBy"] = [short(c) for c in classes]
        for p in entry["props"]:
            hit = next((t for t in types if norm(p["name"]) in swift[t]["labels"]), None)
            labels = sorted({label for c in classes for label in reader.swift_labels.get((c, norm(p["name"])), set())})
            decide(p, cases_of(("struct", p["_decl"], norm(p["name"]))), note, hit, ", ".join(labels) or None)
        entry["used"] = any(p["cases"] for p in entry["props"])

    # Per class, its properties with the inherited ones, covered when a case sets them on this class.
    for fqn, entry in surface.classes.items():
        view = []
        for p in surface.all_props(entry):
            here = bool(uses.get(("prop", fqn, norm(p["name"])))) or (p in entry["props"] and p["status"] == "covered")
            view.append((p, "covered" if here else ("covered-elsewhere" if p["status"] == "covered" else p["status"])))
        entry["_view"] = view
        if view:
            entry["propsWithInherited"] = {"total": len(view), "covered": sum(1 for _, st in view if st == "covered")}

    for key, note in sorted(notes.items()):
        if key not in ids:
            errors.append(f"notes.json names {key}, which is not in the surface")
        elif note.get("status") not in ("supported", "unsupported", "out-of-scope"):
            errors.append(f"notes.json: {key}: status must be supported, unsupported or out-of-scope")
        elif note.get("status") != "supported" and not note.get("reason"):
            errors.append(f"notes.json: {key}: a reason is required")
    return errors


# MARK: Output

def counts(items):
    c = {s: 0 for s in STATUSES}
    for item in items:
        c[item["status"]] += 1
    c["total"] = len(items)
    return c


def module_totals(surface, mod):
    classes = [e for e in surface.classes.values() if e["module"] == mod]
    structs = [e for e in surface.structs.values() if e["module"] == mod]
    return {
        "constructs": counts([e for e in classes if e["kind"] == "construct"]),
        "classes": counts([e for e in classes if e["kind"] == "class"]),
        "properties": counts([p for e in classes + structs for p in e["props"]]),
        "methods": counts([m for e in classes for m in e["methods"]]),
        "cfnClasses": surface.cfn[mod],
    }


def add_counts(a, b):
    if isinstance(a, int):
        return a + b
    return {k: add_counts(a[k], b[k]) for k in a}


ITEM_KEYS = ["id", "name", "status", "reason", "type", "required", "default", "declaredIn", "static", "signature",
             "summary", "deprecated", "cases", "via", "swift"]
ENTRY_KEYS = ["id", "name", "kind", "status", "reason", "summary", "deprecated", "base", "subclasses", "propsStruct",
              "inheritedProps", "propsWithInherited", "extendedBy", "cases", "swift"]


def clip(text, limit=160):
    return text if text is None or len(text) <= limit else text[:limit - 1] + "…"


def item_json(item, struct=None):
    out = {}
    for k in ITEM_KEYS:
        v = item.get(k) if k != "required" else ("optional" in item and not item["optional"])
        if v in (None, [], "", False):
            continue
        if k == "declaredIn" and v == struct:
            continue
        out[k] = clip(v) if k in ("default", "summary", "reason") else v
    return out


def entry_json(entry):
    out = {k: entry[k] for k in ENTRY_KEYS if entry.get(k) not in (None, [], "", False)}
    if entry.get("props"):
        struct = entry.get("propsStruct") or short(entry["fqn"])
        out["props"] = [item_json(p, struct) for p in entry["props"]]
    if entry.get("methods"):
        out["methods"] = [item_json(m) for m in entry["methods"]]
    return out


def build_json(ts, surface, reader, versions):
    modules = {}
    overall = None
    for mod in MODULES:
        totals = module_totals(surface, mod)
        overall = totals if overall is None else add_counts(overall, totals)
        modules[mod] = {
            "namespace": MODULES[mod],
            "totals": totals,
            "classes": [entry_json(e) for _, e in sorted(surface.classes.items()) if e["module"] == mod],
            "structs": [entry_json(e) for _, e in sorted(surface.structs.items()) if e["module"] == mod],
        }
    return {
        "generatedBy": "Scripts/cdk-coverage/surface.py",
        "assemblies": versions,
        "cases": len(reader.cases),
        "parser": {"typedCalls": reader.typed_calls, "untypedCalls": reader.untyped_calls,
                   "failures": [{"case": c, "python": p, "error": e} for c, p, e in reader.failures]},
        "totals": overall,
        "modules": modules,
    }


def dump_json(data):
    """Indented down to the items; each property or method on one line (a reasonable size, readable diffs)."""
    def dump(value, indent):
        pad = " " * indent
        if isinstance(value, dict) and "id" in value and "props" not in value and "methods" not in value:
            return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if isinstance(value, dict):
            if not value:
                return "{}"
            inner = [f'{pad} {json.dumps(k)}: {dump(v, indent + 1)}' for k, v in sorted(value.items())]
            return "{\n" + ",\n".join(inner) + "\n" + pad + "}"
        if isinstance(value, list) and value and isinstance(value[0], dict):
            inner = [f"{pad} {dump(v, indent + 1)}" for v in value]
            return "[\n" + ",\n".join(inner) + "\n" + pad + "]"
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return dump(data, 0) + "\n"


def fmt(c):
    return f"{c['covered']} / {c['total']}"


def pct(c):
    return f"{100 * c['covered'] / c['total']:.0f}%" if c["total"] else "–"


def md_names(items):
    return ", ".join(f"`{i['name']}`" for i in items)


def by_status(items, skip=("covered", "deprecated"), statuses=None):
    """`unsupported: a, b; supported-no-case: c` for the items not covered."""
    parts = []
    statuses = statuses or {id(i): i["status"] for i in items}
    for status in ["covered-elsewhere"] + STATUSES:
        chosen = [i for i in items if statuses[id(i)] == status]
        if chosen and status not in skip:
            parts.append(f"{status}: {md_names(chosen)}")
    return "; ".join(parts)


def build_markdown(data, surface):
    out = []
    w = out.append
    t = data["totals"]
    w("# CDK API coverage")
    w("")
    w("Generated by `Scripts/cdk-coverage/surface.py` from the jsii assemblies of "
      + ", ".join(f"`{k}` {v}" for k, v in sorted(data["assemblies"].items()))
      + f", against the {data['cases']} differential parity cases of `Scripts/cdk-parity/cases.py`. Do not edit; "
      "run `python3 Scripts/cdk-coverage/surface.py`. The full lists (types, defaults, case names, Swift API) are in "
      "`Scripts/cdk-coverage/coverage.json`.")
    w("")
    w("The surface: per module, the construct classes, the other public classes with a constructor (event sources, "
      "targets, subscriptions, integrations, principals, widgets), the properties of their props structs and of the "
      "module's structs those use (recursively), and the public methods of the classes and of their abstract bases. "
      "A property is counted once, in the struct that declares it (`FunctionOptions`, `TaskStateBaseProps` are "
      "shared by several classes); the per-class tables show each class with its inherited properties. L1 `Cfn*` "
      "classes are only counted. Statuses:")
    w("")
    w("- **covered**: a parity case's CDK code uses it (so its CloudFormation output is compared with CDK's);")
    w("- **supported-no-case**: no case, but the Swift type the cases map the class to (or a type of the same name "
      "in the service's folder) has a member of the same name: a heuristic;")
    w("- **unsupported**: no case and no Swift member of that name (it may still be expressed differently), or "
      "`notes.json` says so;")
    w("- **out-of-scope**: `Scripts/cdk-coverage/notes.json` says so, with a reason;")
    w("- **deprecated**: CDK deprecates it and no case uses it.")
    w("")
    w("## Totals")
    w("")
    w("| module | constructs | other classes | properties | methods | props covered | supported-no-case | unsupported | out-of-scope | deprecated | L1 classes |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    rows = [(mod, m["totals"]) for mod, m in data["modules"].items()] + [("**all**", t)]
    for mod, tt in rows:
        pr, me = tt["properties"], tt["methods"]
        w(f"| {mod} | {fmt(tt['constructs'])} | {fmt(tt['classes'])} | {fmt(pr)} | {fmt(me)} | {pct(pr)} | "
          f"{pr['supported-no-case']} + {me['supported-no-case']} | {pr['unsupported']} + {me['unsupported']} | "
          f"{pr['out-of-scope']} + {me['out-of-scope']} | {pr['deprecated']} + {me['deprecated']} | {tt['cfnClasses']} |")
    w("")
    w("Constructs, other classes, properties and methods: covered / total. The status columns count properties + "
      "methods.")
    w("")
    parser = data["parser"]
    w(f"The case parser typed {parser['typedCalls']} calls and could not type {parser['untypedCalls']} "
      f"(calls on values it cannot follow, such as `s.node.set_context`); "
      f"{len(parser['failures'])} snippets did not parse.")
    for mod, m in data["modules"].items():
        classes = [e for _, e in sorted(surface.classes.items()) if e["module"] == mod]
        structs = [e for _, e in sorted(surface.structs.items()) if e["module"] == mod]
        w("")
        w(f"## {mod}")
        w("")
        tt = m["totals"]
        w(f"`{m['namespace']}`: {fmt(tt['constructs'])} constructs, {fmt(tt['classes'])} other classes, "
          f"{fmt(tt['properties'])} properties, {fmt(tt['methods'])} methods covered; {tt['cfnClasses']} L1 classes.")
        w("")
        w("| class | kind | status | props set on it (with inherited) | methods | not covered (deprecated left out; covered-elsewhere: set by a case on another class sharing the props) |")
        w("|---|---|---|---|---|---|")
        for e in classes:
            props = [p for p, _ in e["_view"]]
            here = {id(p): st for p, st in e["_view"]}
            pc = {"covered": sum(1 for st in here.values() if st == "covered"), "total": len(props)}
            mc = counts(e["methods"])
            status = e.get("status", "–")
            in_use = status == "covered" or pc["covered"] or mc["covered"]
            missing = [p for p in props if here[id(p)] not in ("covered", "deprecated")]
            note = by_status(props, statuses=here) if in_use else (f"{len(missing)} properties (class not used by any case)" if missing else "")
            name = f"`{e['name']}`" + (" (deprecated)" if e.get("deprecated") else "")
            w(f"| {name} | {e['kind']} | {status} | {fmt(pc) if pc['total'] else '–'} | "
              f"{fmt(mc) if mc['total'] else '–'} | {note} |")
        used = [e for e in classes + structs if any(x["status"] == "covered" for x in e["props"] + e.get("methods", []))]
        if used:
            w("")
            w("Covered (properties declared in each class's props or struct, and methods), with the Swift API where "
              "the harness knows it:")
            w("")
            for e in used:
                parts = []
                for p in e["props"] + e.get("methods", []):
                    if p["status"] != "covered":
                        continue
                    label = p["name"] + ("()" if "signature" in p else "")
                    swift = p.get("swift")
                    parts.append(f"`{label}`" + (f" → `{swift}`" if swift and len(swift) <= 60 else ""))
                w(f"- `{e['name']}`: " + ", ".join(parts))
        methods_missing = [(e, x) for e in classes for x in e["methods"] if x["status"] not in ("covered", "deprecated")]
        if methods_missing:
            w("")
            w("Methods not covered: " + ", ".join(f"`{e['name']}.{x['name']}()`"
                                                 + ("" if x["status"] == "unsupported" else f" ({x['status']})")
                                                 for e, x in methods_missing) + ".")
        if structs:
            w("")
            w("Structs, covered / total properties (and those not covered, for the structs a case uses): "
              + "; ".join(f"`{e['name']}` {fmt(counts(e['props']))}"
                          + (f" ({by_status(e['props'])})" if e.get("used") and by_status(e["props"]) else "")
                          for e in structs) + ".")
    w("")
    return "\n".join(out)


def stale_outputs(outputs):
    """The (path, text) outputs whose file is missing or differs from the text, each named on standard error."""
    stale = [path for path, text in outputs if not os.path.exists(path) or open(path, encoding="utf-8").read() != text]
    for path in stale:
        print(f"stale: {os.path.relpath(path, ROOT)}", file=sys.stderr)
    return stale


def write_outputs(outputs):
    """Writes each (path, text) output, making its folder."""
    for path, text in outputs:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def main(argv):
    venv = DEFAULT_VENV
    if "--venv" in argv:
        venv = argv[argv.index("--venv") + 1]
    tarballs = find_tarballs(venv, ASSEMBLIES)
    assemblies = [read_assembly(tarballs[name]) for name in ASSEMBLIES]
    versions = {a["name"]: a["version"] for a in assemblies}
    ts = TypeSystem(assemblies)
    surface = Surface(ts)
    reader = CaseReader(ts, surface)
    reader.load()
    reader.read_all()
    notes_path = argv[argv.index("--notes") + 1] if "--notes" in argv else None
    errors = compute(ts, surface, reader, swift_index(), notes_path)
    data = build_json(ts, surface, reader, versions)
    text_json = dump_json(data)
    text_md = build_markdown(data, surface)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    outputs = ((OUT_JSON, text_json), (OUT_MD, text_md))
    if "--check" in argv:
        return 1 if errors or stale_outputs(outputs) else 0
    write_outputs(outputs)
    t = data["totals"]
    print(f"constructs {fmt(t['constructs'])}, classes {fmt(t['classes'])}, properties {fmt(t['properties'])}, "
          f"methods {fmt(t['methods'])} covered; {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
