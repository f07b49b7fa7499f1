#!/usr/bin/env python3
"""Docs/ValidationRules.md: every E-level rule of the installed cfn-lint, and what the hand-written corpus shows
about Formwork for it.

The rules are read from the cfn-lint package's source (cfnlint/rules/**/*.py): every class with an `id` that
starts with "E", and its `shortdesc`. The Formwork column says `caught (template)` when Formwork rejects an
invalid/ template of Tests/FormworkSchemaTests/Fixtures/handwritten on which cfn-lint reports that rule,
`missed (template)` when Formwork accepts one, and `?` when no template of the corpus exercises the rule. A
template counts for every E rule cfn-lint reported on it.

usage: rule_catalogue.py [--cfn-lint PATH] [--results FILE] [--output FILE]
  --results  per-template Formwork results written by handwritten_report.py --json
             (default /tmp/handwritten-formwork.json; produced by running handwritten_report.py when missing)
"""
import argparse, ast, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures", "handwritten")


def default_cfn_lint():
    if os.environ.get("CFN_LINT"):
        return os.environ["CFN_LINT"]
    venv = os.path.join(ROOT, ".venv-lint", "bin", "cfn-lint")
    return venv if os.path.exists(venv) else "cfn-lint"


def package_dir(cfn_lint):
    """The cfnlint package folder of the Python that runs `cfn_lint`."""
    with open(subprocess.run(["which", cfn_lint], capture_output=True, text=True).stdout.strip() or cfn_lint) as f:
        shebang = f.readline()
    python = shebang[2:].strip().split()[0] if shebang.startswith("#!") else sys.executable
    if python.endswith("/env"):
        python = shebang[2:].strip().split()[1]
    out = subprocess.run([python, "-c", "import cfnlint, os; print(os.path.dirname(cfnlint.__file__))"],
                         capture_output=True, text=True, check=True, cwd="/")
    return out.stdout.strip()


def constant(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = constant(node.left), constant(node.right)
        return left + right if left is not None and right is not None else None
    return None


def e_rules(package):
    """{rule id: (shortdesc, path relative to the package)} for every E rule class."""
    rules = {}
    base = os.path.join(package, "rules")
    for folder, _, files in sorted(os.walk(base)):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path) as f:
                tree = ast.parse(f.read(), path)
            for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
                fields = {}
                for stmt in cls.body:
                    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                        value = constant(stmt.value)
                        if value is not None:
                            fields[stmt.targets[0].id] = value
                rule_id = fields.get("id", "")
                if rule_id.startswith("E") and rule_id not in rules:
                    rules[rule_id] = (" ".join(fields.get("shortdesc", "").split()), os.path.relpath(path, package))
    return rules


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cfn-lint", default=default_cfn_lint())
    parser.add_argument("--results", default="/tmp/handwritten-formwork.json")
    parser.add_argument("--output", default=os.path.join(ROOT, "Docs", "ValidationRules.md"))
    args = parser.parse_args()

    if not os.path.exists(args.results):
        subprocess.run([sys.executable, os.path.join(HERE, "handwritten_report.py"), "--json", args.results],
                       check=True, stdout=subprocess.DEVNULL)
    with open(args.results) as f:
        results = json.load(f)
    version = subprocess.run([args.cfn_lint, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
    rules = e_rules(package_dir(args.cfn_lint))

    caught, missed = {}, {}
    for path, r in sorted(results["templates"].items()):
        if r["expected"] != "invalid":
            continue
        name = os.path.basename(path)
        for code in r["cfn_lint_errors"]:
            (caught if r["formwork_rejects"] else missed).setdefault(code, []).append(name)

    def verdict(code):
        parts = []
        if code in caught:
            parts.append(f"caught ({', '.join(caught[code])})")
        if code in missed:
            parts.append(f"missed ({', '.join(missed[code])})")
        return "; ".join(parts) or "?"

    only_caught = sum(1 for c in rules if c in caught and c not in missed)
    only_missed = sum(1 for c in rules if c in missed and c not in caught)
    both = sum(1 for c in rules if c in caught and c in missed)
    lines = [
        "# cfn-lint E rules and Formwork",
        "",
        f"Every E-level (error) rule of cfn-lint {version}, read from its package source (`cfnlint/rules/**`, each",
        "rule class's `id` and `shortdesc`). The **Formwork** column comes from the hand-written corpus",
        "(`Tests/FormworkSchemaTests/Fixtures/handwritten/invalid/`, one realistic mistake per template, judged by",
        "cfn-lint in `verdicts.json`): `caught (template)` when `formwork validate` rejects a template on which",
        "cfn-lint reports the rule, `missed (template)` when Formwork accepts it, `?` when no template of the corpus",
        "exercises the rule. A template counts for every E rule cfn-lint reported on it, so a rule can show a",
        "catch or a miss that belongs to another rule reported on the same template.",
        "",
        f"{len(rules)} E rules: {only_caught} caught only, {only_missed} missed only, {both} both, "
        f"{len(rules) - only_caught - only_missed - both} not exercised (`?`).",
        "",
        "Regenerate: `python3 Scripts/validation-corpus/handwritten_verdicts.py`, then",
        "`python3 Scripts/validation-corpus/handwritten_report.py --output /tmp/handwritten-report.txt`, then",
        "`python3 Scripts/validation-corpus/rule_catalogue.py`.",
        "",
        "| Rule | cfn-lint description | Source | Formwork |",
        "| --- | --- | --- | --- |",
    ]
    for code in sorted(rules):
        shortdesc, source = rules[code]
        shortdesc = shortdesc.replace("|", "\\|")
        lines.append(f"| {code} | {shortdesc} | `{source}` | {verdict(code)} |")
    unknown = sorted((set(caught) | set(missed)) - set(rules))
    if unknown:
        lines += ["", "Rules reported on the corpus but not found in the package source: " + ", ".join(unknown) + "."]
    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{args.output}: {len(rules)} E rules of cfn-lint {version}")


if __name__ == "__main__":
    main()
