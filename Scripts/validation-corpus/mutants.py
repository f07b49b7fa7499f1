#!/usr/bin/env python3
"""Broken templates at scale, judged by the real cfn-lint: mutations of the valid corpus (a misspelled
property, a value of the wrong type, an enum value that does not exist, a property removed, an unknown type,
a dangling Ref, GetAtt or DependsOn, a resource removed that others reference), each recorded with
cfn-lint's verdict (error or not). Writes Tests/FormworkSchemaTests/Fixtures/mutants.json: the base template,
the mutation, and the verdict; `MutantTests` applies them and compares `formwork validate`.

usage: mutants.py [COUNT]     (pip install cfn-lint; default 600 mutants)
"""
import copy, glob, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures")
BASES = sorted(glob.glob(os.path.join(FIXTURES, "corpus", "cdk", "*.json")) + glob.glob(os.path.join(FIXTURES, "corpus", "sam", "*[!m].json"))
               + glob.glob(os.path.join(FIXTURES, "cdk", "*.json")))
KINDS = ["misspell", "wrong-type", "enum", "remove-property", "unknown-type", "dangling-ref", "bad-getatt", "dangling-depends-on", "remove-resource"]


def paths(value, prefix):
    """Every (path, value) below `value`, skipping intrinsic functions."""
    if isinstance(value, dict):
        if len(value) == 1 and (next(iter(value)) == "Ref" or next(iter(value)).startswith("Fn::")):
            return
        for k, v in value.items():
            yield prefix + [k], v
            yield from paths(v, prefix + [k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield prefix + [i], v
            yield from paths(v, prefix + [i])


def refs(value, prefix):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in ("Ref", "Fn::GetAtt"):
                yield prefix + [k], k, v
            yield from refs(v, prefix + [k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from refs(v, prefix + [i])


def mutate(template, kind, rng):
    """A mutation of `template` of `kind`: (JSON pointer as a list, new value or None to delete), or None."""
    resources = template.get("Resources", {})
    ids = [k for k, v in resources.items() if v.get("Type", "").startswith("AWS::") and v.get("Properties")]
    if not ids:
        return None
    rid = rng.choice(ids)
    props = resources[rid]["Properties"]
    base = ["Resources", rid, "Properties"]
    candidates = list(paths(props, []))
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


def main(argv):
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
