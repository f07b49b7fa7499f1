#!/usr/bin/env python3
"""Broken templates at scale, judged by the real cfn-lint: mutations of the valid corpus (a misspelled
property, a value of the wrong type, an enum value that does not exist, a property removed, an unknown type,
a dangling Ref, GetAtt or DependsOn, a resource removed that others reference), each recorded with
cfn-lint's verdict (error or not). Writes Tests/FormworkSchemaTests/Fixtures/mutants.json: the base template,
the mutation, and the verdict; `MutantTests` applies them and compares `formwork validate`.

With --handwritten, the bases are the valid hand-written templates (Fixtures/handwritten/valid/, YAML with
short forms, conditions, SAM, language extensions), read as cfn-lint reads them (`!Ref X` is {"Ref": "X"},
`!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]}, as Formwork's YAML reader reads them too), so that a mutation's
path addresses the template as parsed; the file is Fixtures/mutants-handwritten.json. There, the properties
and types of `AWS::Serverless::*` resources are left alone (the SAM transform expands them; Formwork checks
only their references), values in `Fn::If` branches are mutated too (cfn-lint checks every branch), and a
template is a base only if cfn-lint still accepts it written as JSON.

usage: mutants.py [COUNT]                   (pip install cfn-lint; default 600 mutants)
       mutants.py --handwritten [COUNT]     (default 400; run with the Python that has cfn-lint:
                                             .venv-lint/bin/python, which it re-executes itself with)
"""
import copy, datetime, glob, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures")
BASES = sorted(glob.glob(os.path.join(FIXTURES, "corpus", "cdk", "*.json")) + glob.glob(os.path.join(FIXTURES, "corpus", "sam", "*[!m].json"))
               + glob.glob(os.path.join(FIXTURES, "cdk", "*.json")))
HANDWRITTEN = sorted(glob.glob(os.path.join(FIXTURES, "handwritten", "valid", "*.yaml"))
                     + glob.glob(os.path.join(FIXTURES, "handwritten", "valid", "*.json")))
KINDS = ["misspell", "wrong-type", "enum", "remove-property", "unknown-type", "dangling-ref", "bad-getatt", "dangling-depends-on", "remove-resource"]


def paths(value, prefix, into_if=False):
    """Every (path, value) below `value`, skipping intrinsic functions (but for the two branches of an
    `Fn::If`, with `into_if`)."""
    if isinstance(value, dict):
        if len(value) == 1 and (next(iter(value)) == "Ref" or next(iter(value)).startswith("Fn::")):
            branches = value.get("Fn::If")
            if into_if and isinstance(branches, list) and len(branches) == 3:
                for i in (1, 2):
                    yield from paths(branches[i], prefix + ["Fn::If", i], into_if)
            return
        for k, v in value.items():
            yield prefix + [k], v
            yield from paths(v, prefix + [k], into_if)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix + [i], v
            yield from paths(v, prefix + [i], into_if)


def refs(value, prefix):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("Ref", "Fn::GetAtt"):
                yield prefix + [k], k, v
            yield from refs(v, prefix + [k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from refs(v, prefix + [i])


def mutate(template, kind, rng, handwritten=False):
    """A mutation of `template` of `kind`: (JSON pointer as a list, new value or None to delete), or None.
    With `handwritten`, resources written as something else than an object (an `Fn::ForEach` loop) are left
    alone, `AWS::Serverless::*` resources only have their references mutated, and `Fn::If` branches are
    mutated too."""
    resources = template.get("Resources", {})
    if handwritten:
        sam_kinds = ("misspell", "wrong-type", "enum", "remove-property", "unknown-type")
        ids = [k for k, v in resources.items() if isinstance(v, dict) and isinstance(v.get("Type"), str) and v["Type"].startswith("AWS::")
               and isinstance(v.get("Properties"), dict) and v["Properties"]
               and not (kind in sam_kinds and v["Type"].startswith("AWS::Serverless::"))]
    else:
        ids = [k for k, v in resources.items() if v.get("Type", "").startswith("AWS::") and v.get("Properties")]
    if not ids:
        return None
    rid = rng.choice(ids)
    props = resources[rid]["Properties"]
    base = ["Resources", rid, "Properties"]
    candidates = list(paths(props, [], into_if=handwritten))
    if kind == "misspell":
        keys = [p for p, _ in candidates if isinstance(p[-1], str)]
        if not keys: return None
        p = rng.choice(keys)
        name = p[-1]
        return ("rename", base + p, name[:-1] + name[-1].upper() + "x" if len(name) > 1 else name + "x")
    if kind == "wrong-type":
        scalars = [(p, v) for p, v in candidates if isinstance(v, (str, bool, int, float)) and not isinstance(p[-1], int)]
        if not scalars: return None
        p, v = rng.choice(scalars)
        new = {"Unexpected": "object"} if isinstance(v, str) else ("not-a-number" if isinstance(v, (int, float)) and not isinstance(v, bool) else "maybe")
        return ("set", base + p, new)
    if kind == "enum":
        strings = [(p, v) for p, v in candidates if isinstance(v, str) and v.isupper() and len(v) > 2]
        if not strings: return None
        p, _ = rng.choice(strings)
        return ("set", base + p, "NOT_A_VALUE")
    if kind == "remove-property":
        keys = [p for p, _ in candidates if isinstance(p[-1], str)]
        if not keys: return None
        return ("delete", base + rng.choice(keys), None)
    if kind == "unknown-type":
        t = resources[rid]["Type"]
        return ("set", ["Resources", rid, "Type"], t + "s")
    if kind == "dangling-ref":
        found = [(p, v) for p, k, v in refs(props, base) if k == "Ref" and isinstance(v, str) and not v.startswith("AWS::")]
        if not found: return None
        p, _ = rng.choice(found)
        return ("set", p, "MissingResource")
    if kind == "bad-getatt":
        found = [(p, v) for p, k, v in refs(props, base) if k == "Fn::GetAtt" and isinstance(v, list) and len(v) == 2]
        if not found: return None
        p, v = rng.choice(found)
        return ("set", p, [v[0], "NoSuchAttribute"])
    if kind == "dangling-depends-on":
        return ("set", ["Resources", rid, "DependsOn"], ["MissingResource"])
    if kind == "remove-resource":
        referenced = {v if isinstance(v, str) else v[0] for _, k, v in refs(template.get("Resources", {}), []) if isinstance(v, (str, list)) and v}
        targets = [r for r in resources if r in referenced]
        if not targets: return None
        return ("delete", ["Resources", rng.choice(targets)], None)
    return None


def apply(template, mutation):
    op, path, value = mutation
    result = copy.deepcopy(template)
    parent = result
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if op == "delete":
        del parent[last]
    elif op == "set":
        parent[last] = value
    elif op == "rename":
        items = list(parent.items())
        parent.clear()
        for k, v in items:
            parent[value if k == last else k] = v
    return result


def json_form(value):
    """`value` as cfn-lint decoded it, as plain JSON (a YAML date as its ISO text); TypeError for a value JSON
    cannot hold."""
    def plain(v):
        if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            return v.isoformat()
        raise TypeError(f"{type(v).__name__} {v!r}")
    return json.loads(json.dumps(value, default=plain))


def cfn_lint_errors(cfn_lint, files, batch=40):
    """{file: set of E-level rule ids} for `files`, linted `batch` at a time."""
    errors = {}
    for start in range(0, len(files), batch):
        result = subprocess.run([cfn_lint, "--format", "json", "--"] + files[start:start + batch], capture_output=True, text=True)
        if not result.stdout.strip() and result.returncode not in (0, 2, 4, 6, 8, 10, 12, 14):
            sys.exit(f"cfn-lint failed ({result.returncode}): {result.stderr.strip()[:2000]}")
        for match in json.loads(result.stdout or "[]"):
            if match["Level"] == "Error":
                errors.setdefault(match["Filename"], set()).add(match["Rule"]["Id"])
    return errors


def handwritten_bases(cfn_lint, work):
    """{path: template as decoded} of the valid hand-written templates whose decoded form, written as JSON,
    cfn-lint still accepts."""
    from cfnlint.decode import decode_str
    decoded = {}
    for path in HANDWRITTEN:
        template, matches = decode_str(open(path).read())
        try:
            decoded[path] = json_form(template) if not matches and isinstance(template, dict) else None
        except TypeError as error:
            print(f"skipped {os.path.relpath(path, FIXTURES)}: {error}")
            decoded[path] = None
        if decoded[path] is not None:
            with open(os.path.join(work, f"base{len(decoded)}.json"), "w") as f:
                json.dump(decoded[path], f)
    files = {os.path.join(work, f"base{i + 1}.json"): path for i, path in enumerate(decoded) if decoded[path] is not None}
    errors = cfn_lint_errors(cfn_lint, list(files))
    for file, rules in errors.items():
        print(f"skipped {os.path.relpath(files[file], FIXTURES)}: cfn-lint rejects it as JSON ({', '.join(sorted(rules))})")
        decoded[files[file]] = None
    return {path: template for path, template in decoded.items() if template is not None}


def main_handwritten(argv):
    try:
        import cfnlint.decode  # noqa: F401
    except ImportError:
        python = os.path.join(ROOT, ".venv-lint", "bin", "python")
        if os.path.exists(python) and os.path.realpath(sys.executable) != os.path.realpath(python):
            os.execv(python, [python] + argv)
        sys.exit("mutants.py --handwritten needs cfn-lint's Python package (pip install cfn-lint)")
    count = int(argv[2]) if len(argv) > 2 else 400
    cfn_lint = os.environ.get("CFN_LINT") or next((p for p in [os.path.join(ROOT, ".venv-lint", "bin", "cfn-lint")] if os.path.exists(p)), "cfn-lint")
    rng = random.Random(20261130)
    work = tempfile.mkdtemp()
    bases = handwritten_bases(cfn_lint, work)
    names = sorted(bases)
    mutants, seen = [], set()
    attempts = 0
    while len(mutants) < count and attempts < count * 50:
        attempts += 1
        base = rng.choice(names)
        template = bases[base]
        kind = rng.choice(KINDS)
        mutation = mutate(template, kind, rng, handwritten=True)
        if mutation is None:
            continue
        key = json.dumps([base, kind, mutation])
        if key in seen:
            continue
        seen.add(key)
        path = os.path.join(work, f"m{len(mutants)}.json")
        with open(path, "w") as f:
            json.dump(apply(template, mutation), f)
        mutants.append({"base": os.path.relpath(base, FIXTURES), "kind": kind, "op": mutation[0], "path": mutation[1],
                        "value": mutation[2], "file": path})
    errors = cfn_lint_errors(cfn_lint, [m["file"] for m in mutants])
    for m in mutants:
        m["cfnLintErrors"] = sorted(errors.get(m.pop("file"), []))
    with open(os.path.join(FIXTURES, "mutants-handwritten.json"), "w") as f:
        json.dump(mutants, f, indent=0, separators=(",", ":"))
        f.write("\n")
    rejected = sum(1 for m in mutants if m["cfnLintErrors"])
    print(f"{len(mutants)} mutants of {len(bases)} hand-written templates; cfn-lint rejects {rejected}, accepts {len(mutants) - rejected}")


def main(argv):
    if len(argv) > 1 and argv[1] == "--handwritten":
        return main_handwritten(argv)
    count = int(argv[1]) if len(argv) > 1 else 600
    rng = random.Random(20261130)
    work = tempfile.mkdtemp()
    mutants = []
    attempts = 0
    while len(mutants) < count and attempts < count * 20:
        attempts += 1
        base = rng.choice(BASES)
        template = json.load(open(base))
        kind = rng.choice(KINDS)
        mutation = mutate(template, kind, rng)
        if mutation is None:
            continue
        path = os.path.join(work, f"m{len(mutants)}.json")
        json.dump(apply(template, mutation), open(path, "w"))
        mutants.append({"base": os.path.relpath(base, FIXTURES), "kind": kind, "op": mutation[0], "path": mutation[1],
                        "value": mutation[2], "file": path})
    result = subprocess.run(["cfn-lint", "--format", "json", "--"] + [m["file"] for m in mutants], capture_output=True, text=True)
    errors = {}
    for match in json.loads(result.stdout or "[]"):
        if match["Level"] == "Error":
            errors.setdefault(match["Filename"], set()).add(match["Rule"]["Id"])
    for m in mutants:
        m["cfnLintErrors"] = sorted(errors.get(m.pop("file"), []))
    with open(os.path.join(FIXTURES, "mutants.json"), "w") as f:
        json.dump(mutants, f, indent=0, separators=(",", ":"))
        f.write("\n")
    rejected = sum(1 for m in mutants if m["cfnLintErrors"])
    print(f"{len(mutants)} mutants; cfn-lint rejects {rejected}, accepts {len(mutants) - rejected}")


if __name__ == "__main__":
    main(sys.argv)
