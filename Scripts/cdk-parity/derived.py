#!/usr/bin/env python3
"""The derived parity cases (issue #23): cases generated from the API surface list instead of written by hand.

For every supported property of a supported construct (Scripts/cdk-coverage/surface.json) whose value can be
rendered mechanically (a boolean, an enum or enum-like class member, a number, a string, a `Duration`), one case
sets it to CDK's documented default (the jsii doc's `@default`, when it names a value) and one or more set it to
another value (for an enum, every member Formwork has); the property absent is the construct's base case, made
once per construct (`Derived<Construct>Base`). Every case is named `Derived<Construct><Property><Value>`.

The data: derived_bindings.json (next to this script), written by `--bind` and read by generate.py, holds per
construct the Swift constructor, the base statements, per property the Swift label and its values as
(Python, Swift) pairs, the properties that could not be bound with the reason, and the values CDK itself refuses
(found by `--probe`, which synthesizes every derived case alone with the real CDK and records the error).

Where the bindings come from (nothing is typed in twice):
  - the properties, their types, defaults and enum members: CDK's jsii assemblies (Scripts/cdk-coverage/surface.py);
  - which are supported: Scripts/cdk-coverage/surface.json;
  - the Swift constructor of a construct, the Swift label of a property and the value syntax: the existing
    hand-written cases (every `call()` of cases.py, its (Python, Swift) option pairs), then surface.json's
    `Type(label:)`, then a label of the same name; the label must be one of the initializer's
    (swift_signatures.py), and the value must fit the Swift parameter's type, read from Sources (a `Bool`, a
    number, a `String`, a `Duration`, or an enum / struct with a member of the CDK member's name);
  - the base statements: the smallest hand-written call of the construct that sets its required properties;
    for the constructs cases.py writes out by hand, the statements of one hand-written case (FROM_CASES below: the
    construct's statement in it takes the derived options), or TEMPLATES below (state machines, REST APIs).
  - HINTS below: the few facts that cannot be read anywhere (a label the Swift API renamed without a case
    using it through call(), a property that needs another one set, as `fifo` for `contentBasedDeduplication`, a
    value CDK writes but Formwork refuses on purpose).

usage: derived.py --bind [--venv PATH]   rewrite derived_bindings.json (keeps the recorded refusals)
       derived.py --probe [--venv PATH]  synthesize every derived case alone with CDK; record the refused ones
       derived.py --report [--venv PATH] write Docs/DerivedParity.md: per supported property of each bound
                                         construct, the cases with it absent / default / another value
       derived.py --check [--venv PATH]  write nothing; exit 1 when derived_bindings.json or the report is stale
(--venv: the virtual environment with aws-cdk-lib 2.275.0, default .venv-cdk; --bind, --report and --check read
its jsii assemblies, --probe runs its Python.)
"""
import json, os, re, subprocess, sys, tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import cases as C  # noqa: E402
import swift_signatures  # noqa: E402

BINDINGS = os.path.join(HERE, "derived_bindings.json")
REPORT = os.path.join(ROOT, "Docs", "DerivedParity.md")
COVERAGE = os.path.join(ROOT, "Scripts", "cdk-coverage")
SWIFT_SOURCES = [os.path.join(ROOT, "Sources", "FormworkAWS"), os.path.join(ROOT, "Sources", "FormworkCore")]
PREFIX = "Derived"

# The constructs bound first (the core ones), then every other supported construct, in surface order.
CORE = ["sqs/Queue", "sns/Topic", "lambda/Function", "dynamodb/Table", "dynamodb/TableV2", "s3/Bucket", "events/Rule",
        "logs/LogGroup", "stepfunctions/StateMachine", "kinesis/Stream", "apigateway/RestApi", "ssm/StringParameter",
        "secretsmanager/Secret", "kms/Key"]

# Constructs cases.py writes out by hand (not through call()): how their statement is made. `python`/`swift` are
# format strings with {options} (", k=v" / ", label: v" in initializer order) ; `setup` statements come first.
TEMPLATES = {
    "stepfunctions/StateMachine": {
        "swift": "StateMachine", "var": "machine",
        "python": 'machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(s, "Start")){options})',
        "swiftCode": 'let machine = StateMachine("Machine", definition: Chain(State.pass("Start")){options})',
        "required": ["definitionBody"], "setup": []},
    "apigateway/RestApi": {
        "swift": "RestApi", "var": "api",
        "python": 'api = apigw.RestApi(s, "Api"{options}); api.root.add_method("GET", apigw.LambdaIntegration(fn))',
        "swiftCode": 'let api = RestApi("Api"{options}) { Route(.get, "/", to: fn) }',
        "required": [], "setup": ["fn"]},
}

# Constructs cases.py writes out by hand whose statement can be taken from a hand-written case: the case's
# statements are the base, the one statement that makes the construct (`<python ctor>(s, "<id>"`, once in the
# case) takes the derived options (Python: after its id; Swift: among its labels, in initializer order). The Swift
# type is the one called with the same id; the properties the statement sets already are not derived.
FROM_CASES = {
    "apigatewayv2/HttpApi": "HttpApiOneRoute",
    "apigatewayv2/WebSocketApi": "WebSocketIntegrationDefaultName",
    "apigatewayv2/WebSocketStage": "WebSocketCustomRoute",
    "cloudwatch/CompositeAlarm": "CompositeAnyOf",
    "cloudwatch/Dashboard": "DashboardText",
    "pipes/Pipe": "PipeQueueToQueue",
    "apigateway/CognitoUserPoolsAuthorizer": "AuthorizerCognito",
    "apigateway/TokenAuthorizer": "AuthorizerToken",
    "apigateway/RequestAuthorizer": "AuthorizerRequest",
    "apigateway/DomainName": "RestApiDomain",
    "events/Connection": "ApiDestinationRule",
    "events/ApiDestination": "ApiDestinationRule",
}

# Facts no source states. labels: CDK property -> Swift label (the Swift API renamed it and only a hand-written
# statement uses it); requires: CDK property -> options the property needs to be accepted, as (kwarg, Python,
# label, Swift); skip: CDK property -> why it is not derived although its type is mechanical; skipValues: CDK
# property -> {value's case suffix: why} for a value CDK synthesizes but Formwork refuses on purpose.
HINTS = {
    "stepfunctions/StateMachine": {"labels": {"stateMachineType": "type", "tracingEnabled": "tracing"}},
    "apigateway/RestApi": {"labels": {"restApiName": "name"}},
    "apigatewayv2/HttpApi": {"labels": {"apiName": "name"}},
    "apigatewayv2/WebSocketApi": {"labels": {"apiName": "name"}},
    "cloudwatch/CompositeAlarm": {"labels": {"alarmDescription": "description", "compositeAlarmName": "alarmName"}},
    # CDK writes EndpointConfiguration PRIVATE on an AWS::ApiGateway::DomainName, which CloudFormation refuses (a private
    # custom domain is an AWS::ApiGateway::DomainNameV2); Formwork refuses it at synthesis (ApiDomainNameTests).
    "apigateway/DomainName": {"skipValues": {"endpointType": {"Private": "CDK writes a PRIVATE AWS::ApiGateway::DomainName, "
                                                                          "which CloudFormation refuses; Formwork refuses it at synthesis"}}},
    "sqs/Queue": {"requires": {p: [["fifo", "True", "fifo", "true"]] for p in
                               ("contentBasedDeduplication", "deduplicationScope", "fifoThroughputLimit")}},
    "sns/Topic": {"requires": {"contentBasedDeduplication": [["fifo", "True", "fifo", "true"]]}},
}

# Setup statements a template or a base call may reference, by variable.
SETUP = {"fn": C.fn}


# MARK: Names

def pascal(name):
    """`visibilityTimeout` -> `VisibilityTimeout`; `SQS_MANAGED` -> `SqsManaged`; `Duration.seconds(30)` -> `Seconds30`."""
    if re.fullmatch(r"[A-Z0-9_]+", name):
        return "".join(part.capitalize() for part in name.split("_") if part)
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "".join(w[0].upper() + w[1:] for w in words)


def norm(name):
    return name.replace("_", "").lower()


# MARK: Swift sources

def _strip(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


_DECL = re.compile(r"\b(?:(?:public|internal|indirect|final|private|fileprivate)\s+)*(struct|enum|class|extension|actor)\s+([A-Za-z_][\w.]*)[^{;\n]*\{")


def swift_types():
    """Type path (`Queue.Encryption`, `RemovalPolicy`) -> {member: takes arguments}: an enum's cases and every
    type's static lets, vars and funcs (a struct's constants such as `Runtime.nodejs22`)."""
    found = {}
    for base in SWIFT_SOURCES:
        for folder, _, files in sorted(os.walk(base)):
            for name in sorted(files):
                if not name.endswith(".swift"):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = _strip(f.read())
                stack, depth, i = [], 0, 0  # stack: (path, depth inside its braces)
                while i < len(text):
                    m = _DECL.match(text, i) if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) else None
                    if m:
                        path = m.group(2) if m.group(1) == "extension" or not stack else f"{stack[-1][0]}.{m.group(2)}"
                        depth += 1
                        stack.append((path, depth))
                        found.setdefault(path, {})
                        i = m.end()
                        continue
                    c = text[i]
                    if c == "{":
                        depth += 1
                    elif c == "}":
                        if stack and stack[-1][1] == depth:
                            stack.pop()
                        depth -= 1
                    elif stack and stack[-1][1] == depth and c in "cs" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
                        members = found[stack[-1][0]]
                        cm = re.compile(r"case\s+([^\n{}]+)").match(text, i)
                        if cm and not text[i:].startswith("case let"):
                            for part in _split_top(cm.group(1)):
                                pm = re.match(r"\s*`?(\w+)`?\s*(\()?", part)
                                if pm:
                                    members[pm.group(1)] = bool(pm.group(2))
                            i = cm.end()
                            continue
                        sm = re.compile(r"static\s+(let|var|func)\s+`?(\w+)`?").match(text, i)
                        if sm:
                            members.setdefault(sm.group(2), sm.group(1) == "func")
                    i += 1
    return found


def _split_top(text):
    """`a, b(Int, String), c = 3` -> its top-level comma-separated parts."""
    parts, depth, current = [], 0, ""
    for c in text:
        if c in "([<":
            depth += 1
        elif c in ")]>":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += c
    return parts + [current]


def swift_parameters():
    """Type name -> list of {label: Swift type} of its `public init(_ id: String, ...)` initializers."""
    found = {}
    for path in sorted(swift_signatures.SOURCES.rglob("*.swift")):
        text = path.read_text()
        types = [(m.start(), m.group(1)) for m in swift_signatures.TYPE.finditer(text)]
        for match in swift_signatures.INIT.finditer(text):
            owner = [name for position, name in types if position < match.start()]
            if not owner:
                continue
            parameters = swift_signatures.parameter_list(text, match.end() - 1)
            if not re.match(r"\s*_ id: String\b", parameters):
                continue
            params = {}
            for part in _split_top(parameters):
                label, _, rest = part.partition(":")
                names = label.split()
                if names and names[0] != "_" and rest:
                    params[names[0]] = rest.split("=")[0].strip()
            found.setdefault(owner[-1], []).append(params)
    return found


def resolve_type(swift_type, owner, types):
    """The members of the Swift type `swift_type` (as a parameter declares it) seen from inside `owner`."""
    name = swift_type.rstrip("?!").strip()
    candidates = [f"{owner}.{name}", name] + sorted(p for p in types if p.endswith("." + name))
    for path in candidates:
        if path in types:
            return path, types[path]
    return None, None


# MARK: Harvest of the hand-written cases

def harvest():
    """Every call() of cases.py: (python constructor, swift constructor, options, returned statement, case names)."""
    captured = []
    original = C.call

    def call(py_ctor, swift_ctor, ident, options, var=None):
        result = original(py_ctor, swift_ctor, ident, options, var)
        captured.append((py_ctor, swift_ctor, list(options), result))
        return result
    C.call = call
    try:
        groups = C.all_groups()
    finally:
        C.call = original
    where = {}
    for group in groups.values():
        for case in group:
            for _, statements in case.stacks:
                for statement in statements:
                    where.setdefault(id(statement), set()).add(case.name)
    return [(p, s, o, sorted(where.get(id(r), ()))) for p, s, o, r in captured], groups


@__import__("functools").cache
def module_aliases():
    """jsii namespace -> the name generate.py's app imports it as (`aws-cdk-lib.aws_sqs` -> `sqs`), and the
    names imported directly from aws_cdk (Duration, RemovalPolicy...)."""
    import generate
    aliases, direct = {}, set()
    for m in re.finditer(r"aws_(\w+) as (\w+)", generate.PY_HEADER):
        aliases[f"aws-cdk-lib.aws_{m.group(1)}"] = m.group(2)
    header = generate.PY_HEADER.split("from aws_cdk import (", 1)[1].split(")", 1)[0]
    for name in re.findall(r"\b([A-Z]\w+)\b(?! as)", header):
        direct.add(name)
    for m in re.finditer(r"import aws_cdk\.aws_(\w+)_alpha as (\w+)", generate.PY_HEADER):
        aliases[f"@aws-cdk/aws-{m.group(1).replace('_', '-')}-alpha"] = m.group(2)
    return aliases, direct


def python_name(fqn, aliases, direct):
    """How the app names the jsii type `fqn` (`sqs.QueueEncryption`, `RemovalPolicy`), or None."""
    namespace, _, name = fqn.rpartition(".")
    if namespace == "aws-cdk-lib":
        return name if name in direct else f"cdk.{name}"
    return f"{aliases[namespace]}.{name}" if namespace in aliases else None


def references_locals(py_value):
    """The variables of the case (fn, key, dLQ...) a Python value names, beside modules, keywords and literals."""
    aliases, direct = module_aliases()
    known = {"True", "False", "None", "s", "asset", "cdk"} | set(aliases.values()) | direct
    code = re.sub(r'"(?:\\.|[^"\\])*"', '""', py_value)
    names = set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)", code))
    return sorted(n for n in names if n not in known and not re.search(rf"\b{re.escape(n)}\s*=(?!=)", code))


# MARK: Constructs taken from a hand-written case (FROM_CASES)

def swift_call_args(text, open_index):
    """The top-level arguments of the Swift call whose `(` is at `open_index`, and the index of its `)`."""
    args, depth, current, i = [], 0, "", open_index
    while i < len(text):
        c = text[i]
        if c == '"':
            end = i + 1
            while text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            current += text[i:end + 1]
            i = end + 1
            continue
        if c in "([{":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return args + [current.strip()], i
        if c == "," and depth == 1:
            args.append(current.strip())
            current = ""
        else:
            current += c
        i += 1
    raise ValueError(f"unbalanced call in {text!r}")


def swift_inject(swift, swift_type, ident, options):
    """`swift` with the (label, value) `options` among the labels of its `swift_type("ident", ...)` call, every
    labeled argument in the initializer's order."""
    head = f'{swift_type}("{ident}"'
    start = swift.index(head) + len(swift_type)
    args, close = swift_call_args(swift, start)
    labeled = [re.match(r"(\w+):\s*([\s\S]*)$", a) for a in args[1:]]
    given = {m.group(1): m.group(2) for m in labeled} | dict(options)
    ordered = swift_signatures.order(swift_type, list(given))
    return swift[:start + 1] + ", ".join([args[0]] + [f"{l}: {given[l]}" for l in ordered]) + swift[close:]


def case_construct(case, py_ctor):
    """(index of the statement, id, Swift type, Python kwargs, Swift labels) of the one statement of a hand-written
    case that makes `py_ctor`, or a reason."""
    import ast
    if len(case.stacks) != 1:
        return None, f"case `{case.name}` has {len(case.stacks)} stacks"
    statements = case.stacks[0][1]
    hits = [(i, m) for i, (py, _, _) in enumerate(statements) for m in re.finditer(rf'(?<![\w.]){re.escape(py_ctor)}\(s, "(\w+)"', py or "")]
    if len(hits) != 1:
        return None, f"`{py_ctor}` is made {len(hits)} times in case `{case.name}`"
    index, m = hits[0]
    ident = m.group(1)
    py, swift, _ = statements[index]
    types = re.findall(rf'(?<![\w.])(\w+)\("{ident}"', swift or "")
    if len(types) != 1:
        return None, f"no single Swift statement makes `{ident}` in case `{case.name}`"
    line = next(part for part in py.split("; ") if m.group(0) in part)
    tree = ast.parse(line.split("=", 1)[1].strip() if re.match(r"\w+ = ", line) else line, mode="eval")
    call_node = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == py_ctor)
    kwargs = [k.arg for k in call_node.keywords]
    args, _ = swift_call_args(swift, swift.index(f'{types[0]}("{ident}"') + len(types[0]))
    if not all(re.match(r"\w+:", a) for a in args[1:]):
        return None, f"the Swift call of `{ident}` in case `{case.name}` has unlabeled arguments"
    labels = [a.split(":", 1)[0] for a in args[1:]]
    return (index, ident, types[0], kwargs, labels), None


# MARK: Values

DURATION = re.compile(r"^`?(?:cdk\.)?Duration\.(millis|seconds|minutes|hours|days)\((\d+)\)`?")
SWIFT_DURATION = {"millis": "milliseconds", "seconds": "seconds", "minutes": "minutes", "hours": "hours", "days": "days"}


def doc_default(text):
    """The value a jsii `@default` doc names, stripped of the leading `- ` CDK writes before prose."""
    return (text or "").strip().lstrip("-").strip()


def enum_members(ts, fqn):
    """(kind, members) of a jsii enum or enum-like class (static constants of its own type), or (None, [])."""
    t = ts.get(fqn)
    if not t:
        return None, []
    if t["kind"] == "enum":
        return "enum", [m["name"] for m in t.get("members", []) if not (m.get("docs") or {}).get("stability") == "deprecated"]
    if t["kind"] == "class":
        members = [p["name"] for p in t.get("properties", []) if p.get("static") and p.get("const")
                   and p["type"].get("fqn") == fqn and not (p.get("docs") or {}).get("stability") == "deprecated"]
        if members:
            return "enum-like", members
    return None, []


def default_member(default, members):
    """The member a doc default names (`DeduplicationScope.QUEUE`, `SQS_MANAGED (SSE-SQS)`, `Tracing.Disabled`), when it
    names exactly one (`KMS` if a key is given, `S3_MANAGED` otherwise: none)."""
    named = set()
    for qualified, word in re.findall(r"(\w+\.)?\b([A-Za-z][A-Za-z0-9_]*)\b", default):
        if qualified or (word.isupper() and len(word) > 1):
            named |= {m for m in members if norm(word) == norm(m)}
    return named.pop() if len(named) == 1 else None


# Enums with more members than this derive the default and MAX_MEMBERS - 1 others spread over the rest.
MAX_MEMBERS = 6


def swift_literal_kind(swift_type):
    t = swift_type.rstrip("?").strip()
    return {"Bool": "boolean", "Int": "number", "Double": "number", "String": "string", "Value": "string", "Duration": "Duration"}.get(t)


def bind_values(prop, p_type, default, swift_type, owner, swift_types_index, ts, aliases, direct, harvested):
    """(values, reason): the (case suffix, role, Python, Swift) values of a property, or why none."""
    ref = p_type
    kind = swift_literal_kind(swift_type)
    values = []
    if "primitive" in ref and ref["primitive"] == "boolean":
        if kind != "boolean":
            return None, f"the Swift label takes `{swift_type}`, not a Bool"
        d = re.match(r"`?(true|false)`?\b", default, re.I)
        d = d.group(1).lower() if d else None
        for b in (["true", "false"] if d is None else [d, "false" if d == "true" else "true"]):
            values.append({"case": b.capitalize(), "role": "default" if b == d else "other", "python": b.capitalize(), "swift": b})
        return values, None
    if "primitive" in ref and ref["primitive"] == "number":
        if kind != "number":
            return None, f"the Swift label takes `{swift_type}`, not a number"
        d = re.match(r"`?(-?\d+(?:\.\d+)?)`?(?:$|[\s.,;])", default)
        d = d.group(1) if d else None
        if d is not None:
            values.append({"case": "Default", "role": "default", "python": d, "swift": d})
        seen = {d}
        others = [py for py, _ in harvested if re.fullmatch(r"-?\d+(\.\d+)?", py)]
        if d is not None:
            n = float(d)
            fmt = (lambda x: str(int(x))) if n == int(n) else str
            others += [fmt(n + 1), fmt(n * 2), fmt(max(n - 1, 0))]
        others += ["1", "10", "100"]
        alternatives = [x for x in others if not (x in seen or seen.add(x))]
        for index, x in enumerate(alternatives[:4]):
            values.append({"case": "Other" if index == 0 else f"Other{index + 1}", "role": "other", "alternative": True,
                           "python": x, "swift": x})
        return values, None
    if "primitive" in ref and ref["primitive"] == "string":
        if kind != "string":
            return None, f"the Swift label takes `{swift_type}`, not a String"
        d = re.fullmatch(r'`?"([^"]*)"`?', default)
        if d:
            values.append({"case": "Default", "role": "default", "python": f'"{d.group(1)}"', "swift": f'"{d.group(1)}"'})
        others = [py for py, sw in harvested if re.fullmatch(r'"[^"\\]*"', py) and py == sw and (not d or py != f'"{d.group(1)}"')]
        kebab = re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", prop).lower()
        others += [f'"derived-{kebab}"']
        seen = set()
        alternatives = [x for x in others if not (x in seen or seen.add(x))]
        for index, x in enumerate(alternatives[:3]):
            values.append({"case": "Other" if index == 0 else f"Other{index + 1}", "role": "other", "alternative": True,
                           "python": x, "swift": x})
        return values, None
    fqn = ref.get("fqn")
    if fqn == "aws-cdk-lib.Duration":
        if kind != "Duration":
            return None, f"the Swift label takes `{swift_type}`, not a Duration"
        d = DURATION.match(default)
        candidates = []
        if d:
            candidates.append(("default", d.group(1), d.group(2)))
        elif re.fullmatch(r"`?0`?", default):
            candidates.append(("default", "seconds", "0"))
        for py, _ in harvested:
            m = DURATION.match(py)
            if m:
                candidates.append(("other", m.group(1), m.group(2)))
        candidates += [("other", "minutes", "5"), ("other", "seconds", "10"), ("other", "hours", "1"), ("other", "days", "1")]
        seen, others = set(), 0
        for role, unit, n in candidates:
            if (unit, n) in seen:
                continue
            seen.add((unit, n))
            if role == "other":
                others += 1
                if others > 4:
                    break
            values.append({"case": "Default" if role == "default" else ("Other" if others == 1 else f"Other{others}"), "role": role,
                           **({"alternative": True} if role == "other" else {}),
                           "python": f"Duration.{unit}({n})", "swift": f".{SWIFT_DURATION[unit]}({n})"})
        return values, None
    if fqn:
        enum_kind, members = enum_members(ts, fqn)
        if enum_kind:
            py_type = python_name(fqn, aliases, direct)
            if py_type is None:
                return None, f"`{fqn}` is not imported by the app"
            path, swift_members = resolve_type(swift_type, owner, swift_types_index)
            if path is None:
                return None, f"the Swift label takes `{swift_type}`, not an enum Formwork declares"
            d = default_member(default, members)
            known = {py: sw for py, sw in harvested}
            missing = []
            for m in members:
                py = f"{py_type}.{m}"
                if py in known and re.fullmatch(r"\.\w+", known[py]):
                    swift = known[py]
                else:
                    hits = [name for name, takes in swift_members.items() if norm(name) == norm(m) and not takes]
                    if not hits:
                        missing.append(m)
                        continue
                    # `.none` for an optional parameter would be Optional.none: the member is written with its type.
                    swift = (f"{path}." if hits[0] == "none" and swift_type.endswith("?") else ".") + hits[0]
                values.append({"case": pascal(m), "role": "default" if m == d else "other", "python": py, "swift": swift})
            if not values:
                return None, f"no member of `{path}` matches a member of `{fqn.rsplit('.', 1)[1]}` ({', '.join(members[:6])})"
            values += [{"case": pascal(m), "role": "default" if m == d else "other", "python": f"{py_type}.{m}", "swift": None,
                        "unbound": f"`{path}` has no member for {m}"} for m in missing]
            bound = [v for v in values if v["swift"]]
            if len(bound) > MAX_MEMBERS:
                others = [v for v in bound if v["role"] != "default"]
                step = len(others) / (MAX_MEMBERS - (len(bound) - len(others)))
                kept = {id(others[int(i * step)]) for i in range(MAX_MEMBERS - (len(bound) - len(others)))}
                for v in others:
                    if id(v) not in kept:
                        v["skipped"] = f"{len(bound)} members: the default and {len(kept)} others spread over them are derived"
            return values, None
    return None, f"type `{render(ref)}` is not a mechanically rendered value (struct, reference, list or map)"


def render(ref):
    from jsii import render_type
    return render_type(ref)


# MARK: Binding

def load_surface(venv):
    sys.path.insert(0, COVERAGE)
    import surface as S
    from jsii import TypeSystem, find_tarballs, read_assembly
    tarballs = find_tarballs(venv, S.ASSEMBLIES)
    ts = TypeSystem([read_assembly(tarballs[name]) for name in S.ASSEMBLIES])
    return ts, S.Surface(ts)


def surface_items():
    with open(os.path.join(COVERAGE, "surface.json")) as f:
        data = json.load(f)
    return {item["id"]: item for module in data["modules"].values() for item in module["items"]}


def bind(venv):
    ts, surface = load_surface(venv)
    items = surface_items()
    aliases, direct = module_aliases()
    calls, hand_groups = harvest()
    hand_cases = {case.name: case for group in hand_groups.values() for case in group}
    inits = swift_parameters()
    types_index = swift_types()
    old = load_bindings()
    by_id = {entry["id"]: (fqn, entry) for fqn, entry in surface.classes.items()}
    supported = [i for i, item in items.items() if item["kind"] == "construct" and item["status"] == "supported"]
    order = [c for c in CORE if c in supported] + sorted(c for c in supported if c not in CORE)
    constructs, skipped = {}, {}
    for cid in order:
        fqn, entry = by_id[cid]
        py_ctor = python_name(fqn, aliases, direct)
        template = TEMPLATES.get(cid)
        own = [c for c in calls if c[0] == py_ctor]
        swift_ctor = template["swift"] if template else (sorted({c[1] for c in own})[0] if own else None)
        from_case = None
        if cid in FROM_CASES:
            from_case, why = case_construct(hand_cases[FROM_CASES[cid]], py_ctor)
            if why:
                skipped[cid] = why
                continue
            swift_ctor = from_case[2]
        if swift_ctor is None or swift_ctor not in inits:
            skipped[cid] = "no hand-written case makes it through call() (no Swift constructor to reuse)" if swift_ctor is None else \
                f"Swift `{swift_ctor}` has no `init(_ id: String, ...)`"
            continue
        props = surface.all_props(entry)
        required = [p["name"] for p in props if not p["optional"]]
        hints = HINTS.get(cid, {})
        # The base: the smallest hand-written call with exactly the required properties, on literals only.
        base, setup = [], []
        if template:
            setup = template["setup"]
        elif from_case:
            pass
        else:
            best = None  # the fewest options, then the fewest setup statements, then the most used
            counts = {}
            for _, _, options, _ in own:
                counts[repr(options)] = counts.get(repr(options), 0) + 1
            for _, _, options, _ in own:
                kwargs = {norm(k or "") for k, *_ in options}
                if not {norm(r) for r in required} <= kwargs or not all(k and l for k, _, l, _ in options):
                    continue
                needs = sorted({n for _, py, _, _ in options for n in references_locals(py)})
                if not all(n in SETUP for n in needs):
                    continue
                key = (len(options), len(needs), -counts[repr(options)], repr(options))
                if best is None or key < best[2]:
                    best = ([list(o) for o in options], needs, key)
            if best is None:
                skipped[cid] = f"no hand-written call sets its required properties ({', '.join(required) or 'none'}) on literals"
                continue
            best = best[:2]
            base, setup = best
        binding = {"id": cid, "python": py_ctor, "swift": swift_ctor, "ident": swift_ctor, "base": base, "setup": setup, "props": {}, "unbound": {}}
        if template:
            binding["template"] = {"python": template["python"], "swift": template["swiftCode"]}
        if from_case:
            index, ident, _, set_kwargs, set_labels = from_case
            case = hand_cases[FROM_CASES[cid]]
            statements = [list(st) for st in case.stacks[0][1]]
            head = f'{py_ctor}(s, "{ident}"'
            statements[index][0] = statements[index][0].replace(head, head + "{options}")
            binding["ident"] = ident
            binding["case"] = {"name": case.name, "statements": statements, "at": index}
            base = [(k, None, None, None) for k in set_kwargs]
        init_params = inits[swift_ctor]
        for p in props:
            item = items.get(p["id"])
            if not item or item["status"] != "supported":
                continue
            if p["name"] in required or norm(p["python"]) in {norm(k) for k, *_ in base}:
                continue
            if p["name"] in hints.get("skip", {}):
                binding["unbound"][p["name"]] = hints["skip"][p["name"]]
                continue
            pairs = [(py, sw) for _, _, options, _ in own for k, py, l, sw in options if k and norm(k) == norm(p["python"]) and l]
            labels = sorted({l for _, _, options, _ in own for k, _, l, _ in options if k and l and norm(k) == norm(p["python"])})
            label = hints.get("labels", {}).get(p["name"]) or (labels[0] if len(labels) == 1 else None)
            if label is None and not labels:
                m = re.fullmatch(rf"`{swift_ctor}\((\w+):\)`", item.get("swift", ""))
                label = m.group(1) if m else (p["name"] if any(p["name"] in params for params in init_params) else None)
            if label is None:
                binding["unbound"][p["name"]] = (f"several Swift labels express it ({', '.join(labels)})" if labels else
                                                 f"no Swift label of `{swift_ctor}` for it (Swift: {item.get('swift', '?')})")
                continue
            swift_type = next((params[label] for params in init_params if label in params), None)
            if from_case and label in from_case[4]:
                binding["unbound"][p["name"]] = f"case `{FROM_CASES[cid]}` (the base) sets `{label}:` already"
                continue
            if swift_type is None:
                binding["unbound"][p["name"]] = f"`{swift_ctor}(\u2026)` has no label `{label}`"
                continue
            pairs = [(py, sw) for py, sw in pairs if not references_locals(py)]
            decl = ts.get(p["_decl"])
            ref = next(q for q in (decl or {}).get("properties", []) if q["name"] == p["name"])["type"]
            values, reason = bind_values(p["name"], ref, doc_default(p["default"]), swift_type, swift_ctor, types_index, ts,
                                         aliases, direct, pairs)
            if reason:
                binding["unbound"][p["name"]] = reason
                continue
            for value in values:
                why = hints.get("skipValues", {}).get(p["name"], {}).get(value["case"])
                if why and value.get("swift"):
                    value["excluded"] = why
            entry_out = {"python": p["python"], "swift": label, "type": item.get("type"), "cdkDefault": p["default"],
                         "values": values}
            if p["name"] in hints.get("requires", {}):
                entry_out["with"] = hints["requires"][p["name"]]
            binding["props"][p["name"]] = entry_out
        constructs[cid] = binding
    # The group and case names: Derived<Swift type>, or Derived<CDK class> where several constructs have the Swift type
    # (TokenAuthorizer and RequestAuthorizer are both a LambdaAuthorizer).
    for cid, binding in constructs.items():
        if sum(b["swift"] == binding["swift"] for b in constructs.values()) > 1:
            binding["name"] = cid.rsplit("/", 1)[1]
    refused = {k: v for k, v in (old or {}).get("refused", {}).items()}
    data = {"generatedBy": "Scripts/cdk-parity/derived.py --bind; refused: --probe",
            "constructs": constructs, "skippedConstructs": skipped, "refused": refused}
    return data


# MARK: Cases

def load_bindings():
    if not os.path.exists(BINDINGS):
        return None
    with open(BINDINGS) as f:
        return json.load(f)


def statement(binding, options):
    """The construct with `options` ((kwarg, Python, label, Swift) tuples) on both sides."""
    if "template" not in binding:
        return C.call(binding["python"], binding["swift"], binding["ident"], binding["base"] + list(options))
    given = {o[2]: o for o in options}
    ordered = [given[l] for l in swift_signatures.order(binding["swift"], list(given))]
    py = "".join(f", {k}={v}" for k, v, _, _ in options)
    swift = "".join(f", {l}: {v}" for _, _, l, v in ordered)
    var = TEMPLATES[binding["id"]]["var"]
    return (binding["template"]["python"].replace("{options}", py), binding["template"]["swift"].replace("{options}", swift), var)


def case_statements(binding, options):
    """The statements of a FROM_CASES construct's case, its construct with `options`."""
    index = binding["case"]["at"]
    statements = [tuple(st) for st in binding["case"]["statements"]]
    py, swift, var = statements[index]
    py = py.replace("{options}", "".join(f", {k}={v}" for k, v, _, _ in options))
    swift = swift_inject(swift, binding["swift"], binding["ident"], [(l, v) for _, _, l, v in options])
    return statements[:index] + [(py, swift, var)] + statements[index + 1:]


def construct_cases(binding, refused, include_refused=False):
    """(case, property, value) of one construct: its base case, then one per bound value."""
    setup = [SETUP[name]() for name in binding["setup"]]
    name = PREFIX + binding.get("name", binding["swift"])
    make = (lambda options: case_statements(binding, options)) if "case" in binding else \
        (lambda options: setup + [statement(binding, options)])
    out = [(C.Case(f"{name}Base", make([])), None, None)]
    for prop, entry in sorted(binding["props"].items()):
        alternative_taken = False
        for value in entry["values"]:
            if value.get("swift") is None or value.get("skipped") or value.get("excluded"):
                continue
            case_name = f"{name}{pascal(prop)}{value['case']}"
            if case_name in refused and not include_refused:
                continue
            if value.get("alternative") and not include_refused:  # the first value CDK accepts
                if alternative_taken:
                    continue
                alternative_taken = True
            options = [tuple(w) for w in entry.get("with", [])] + [(entry["python"], value["python"], entry["swift"], value["swift"])]
            out.append((C.Case(case_name, make(options)), prop, value))
    return out


def groups(include_refused=False):
    """The derived cases by group (one Swift file each: Derived<Construct>Cases.swift), for generate.py."""
    data = load_bindings()
    if not data:
        return {}
    result = {}
    for cid, binding in data["constructs"].items():
        cases = [case for case, _, _ in construct_cases(binding, data.get("refused", {}), include_refused)]
        result[PREFIX + binding.get("name", binding["swift"])] = cases
    return dict(sorted(result.items()))


# MARK: Probe

# Synthesizes every case of probe_app.py alone (argv: its folder, then optionally a context file as generate.py's
# --flags uses); prints {case: error or null}. CDK's own template validation failing (E1151 on made-up ids) is no
# refusal: generate.py keeps those templates.
PROBE_RUNNER = """
import json, sys, tempfile
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
import aws_cdk as cdk
import probe_app as parity
context = dict(parity.CONTEXT)
if len(sys.argv) > 2:
    with open(sys.argv[2]) as f:
        context = {**json.load(f), **parity.CONTEXT}
results = {}
for case in parity.CASES:
    with tempfile.TemporaryDirectory() as out:
        app = cdk.App(outdir=out, analytics_reporting=False, context=context)
        try:
            case(app)
            app.synth()
            results[case.__name__] = None
        except Exception as error:
            text = " ".join(str(error).split())
            results[case.__name__] = None if text.startswith("ValidationFailed") else text[:300]
print(json.dumps(results))
"""


def probe(venv):
    """Every derived case (every candidate value) synthesized alone by CDK, without flags and with each flag set of
    generate.py; the refused ones recorded in derived_bindings.json with the error."""
    import generate
    data = load_bindings()
    data["refused"] = {}
    everything = [case for group in groups(include_refused=True).values() for case in group]
    refused, outcome = {}, {}
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "probe_app.py"), "w") as f:
            f.write(generate.PY_HEADER.replace('os.path.dirname(os.path.abspath(__file__)), "..", ".."', f'"{ROOT}"') + "\n\n")
            f.write("\n\n\n".join(generate.python_case(case) for case in everything) + "\n\n\n")
            f.write("CASES = [" + ", ".join(case.name for case in everything) + "]\n")
        python = os.path.join(venv, "bin", "python")
        for flags, extra in [(None, [])] + [(name, [context]) for name, (context, _) in sorted(generate.FLAG_SETS.items())]:
            result = subprocess.run([python, "-c", PROBE_RUNNER, folder] + extra, check=True, capture_output=True, text=True)
            outcome = json.loads(result.stdout.strip().splitlines()[-1])
            for name, error in sorted(outcome.items()):
                if error and name not in refused:
                    refused[name] = error if flags is None else f"with --flags {flags}: {error}"
    data["refused"] = dict(sorted(refused.items()))
    return data, outcome


# MARK: Report

def report(venv, data):
    """Docs/DerivedParity.md: per supported property of each bound construct, the cases with it absent, set to CDK's
    default and set to another value, derived or hand-written."""
    calls, groups_by_name = harvest()
    refused = data.get("refused", {})
    lines = ["# Derived parity cases", "",
             "Generated by `Scripts/cdk-parity/derived.py --report`; do not edit. Per supported property of each construct "
             "derived_bindings.json binds (issue #23): the parity cases that leave it **absent**, set it to CDK's documented "
             "**default**, and set it to **another** value: derived ones (`Derived*`, from the surface list) and hand-written "
             "ones (cases.py, through `call()`; a hand-written value counts as the default when it is the derived default's "
             "Python text). `\u2014` marks a gap.", ""]
    totals = {"props": 0, "absent": 0, "default": 0, "other": 0, "defaultless": 0}
    for cid, binding in data["constructs"].items():
        derived = construct_cases(binding, refused)
        base = f"{PREFIX}{binding.get('name', binding['swift'])}Base"
        hand = [c for c in calls if c[0] == binding["python"]]
        lines += [f"## `{binding['python']}` \u2192 `{binding['swift']}`", "",
                  "| property | Swift | CDK default | absent | default | other value | not derived |", "|---|---|---|---|---|---|---|"]
        props = sorted(set(binding["props"]) | set(binding["unbound"]))
        for prop in props:
            entry = binding["props"].get(prop)
            py_kw = entry["python"] if entry else re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", prop).lower()
            defaults = {v["python"] for v in (entry or {}).get("values", []) if v["role"] == "default"}
            d_cases = [c.name for c, p, v in derived if p == prop and v["role"] == "default"]
            o_cases = [c.name for c, p, v in derived if p == prop and v["role"] == "other"]
            a_cases = [base]
            for _, _, options, names in hand:
                values = [py for k, py, _, _ in options if k and norm(k) == norm(py_kw)]
                if not values:
                    a_cases += names[:1]
                elif values[0] in defaults:
                    d_cases += names
                else:
                    o_cases += names
            a_cases = sorted(set(a_cases), key=lambda n: (not n.startswith(PREFIX), n))
            d_cases = sorted(set(d_cases), key=lambda n: (not n.startswith(PREFIX), n))
            o_cases = sorted(set(o_cases), key=lambda n: (not n.startswith(PREFIX), n))
            def show(names):
                mine = [f"`{n}`" for n in names if n.startswith(PREFIX)]
                hand = [f"`{n}`" for n in names if not n.startswith(PREFIX)]
                shown = mine + hand[:max(0, 3 - len(mine))]
                more = len(hand) - (len(shown) - len(mine))
                return (", ".join(shown) + (f" +{more} hand-written" if more else "")) if names else "\u2014"
            missing = []
            if entry:
                missing = [f"{v['case']}: {v['unbound']}" for v in entry["values"] if v.get("swift") is None]
                missing += [f"{v['case']}: {v['excluded']}" for v in entry["values"] if v.get("excluded")]
                missing += [f"{v['case']}: refused by CDK" for v in entry["values"]
                            if f"{PREFIX}{binding.get('name', binding['swift'])}{pascal(prop)}{v['case']}" in refused and not v.get("alternative")]
            reason = binding["unbound"].get(prop)
            cdk_default = (entry or {}).get("cdkDefault") or ""
            totals["props"] += 1
            totals["absent"] += 1
            totals["default"] += bool(d_cases)
            totals["other"] += bool(o_cases)
            totals["defaultless"] += not d_cases and not defaults
            lines.append(f"| `{prop}` | {('`' + entry['swift'] + ':`') if entry else ''} | {cdk_default.replace('|', '/')[:60]} | {show(a_cases)} | "
                         f"{show(d_cases)} | {show(o_cases)} | {(reason or '; '.join(missing)).replace('|', '/')} |")
        lines.append("")
    counts = {cid: len(construct_cases(b, refused)) for cid, b in data["constructs"].items()}
    summary = ["## Summary", "",
               f"{sum(counts.values())} derived cases for {len(counts)} constructs; {totals['props']} supported properties: "
               f"{totals['default']} with a default case, {totals['other']} with another value "
               f"({totals['defaultless']} have no default a case can state).", "",
               "| construct | derived cases | bound properties | not bound |", "|---|---|---|---|"]
    for cid, b in data["constructs"].items():
        summary.append(f"| `{cid}` | {counts[cid]} | {len(b['props'])} | {len(b['unbound'])} |")
    if data.get("skippedConstructs"):
        summary += ["", "Supported constructs with no derived cases:", ""]
        summary += [f"- `{cid}`: {why}" for cid, why in sorted(data["skippedConstructs"].items())]
    if refused:
        summary += ["", "Values CDK refuses (its synth fails; the case is dropped, or the next candidate value is used):", ""]
        summary += [f"- `{name}`: {error[:160]}" for name, error in sorted(refused.items())]
    return "\n".join(lines[:4] + summary + [""] + lines[4:]).rstrip() + "\n"


# MARK: Main

def dump(data):
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv):
    venv = argv[argv.index("--venv") + 1] if "--venv" in argv else os.path.join(ROOT, ".venv-cdk")
    if "--bind" in argv:
        data = bind(venv)
        with open(BINDINGS, "w") as f:
            f.write(dump(data))
        print(f"{len(data['constructs'])} constructs bound, {len(data['skippedConstructs'])} skipped")
    if "--probe" in argv:
        data, outcome = probe(venv)
        with open(BINDINGS, "w") as f:
            f.write(dump(data))
        print(f"{len(outcome)} derived cases synthesized, {len(data['refused'])} refused by CDK")
    if "--report" in argv:
        with open(REPORT, "w") as f:
            f.write(report(venv, load_bindings()))
        print(f"wrote {os.path.relpath(REPORT, ROOT)}")
    if "--check" in argv:
        stale = []
        data = load_bindings()
        fresh = bind(venv)
        fresh["refused"] = data.get("refused", {})
        if dump(fresh) != dump(data):
            stale.append(os.path.relpath(BINDINGS, ROOT))
        if not os.path.exists(REPORT) or open(REPORT).read() != report(venv, data):
            stale.append(os.path.relpath(REPORT, ROOT))
        if stale:
            print("stale (run derived.py --bind --probe --report):", ", ".join(stale))
            return 1
        print("derived bindings and report are current")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
