#!/usr/bin/env python3
"""Docs/ValidationRules.md: cfn-lint's E rules as Formwork's checklist.

Every E-level rule of the installed cfn-lint (read from its package source, cfnlint/rules/**) is either
  n/a              not a check of template content (parse, transform, cfn-lint configuration, deployment or
                   parameter files, parent rules that report under their children's ids),
  implemented      `formwork validate` rejects a broken template on which cfn-lint reports the rule, or
  not implemented  with the reason: what the check needs, or why no template can exist in this cfn-lint.

Scripts/validation-corpus/rule_checklist.json holds the hand-kept part (applies, template, reason) of each rule.
This script measures the rest:

  1. runs cfn-lint (one process, --format json) on every template of
     Tests/FormworkSchemaTests/Fixtures/rule-catalogue/*.yaml and checks that each still triggers the rule its name
     starts with (E####-short-name.yaml) at error level; the other E rules reported are recorded too;
  2. runs `formwork validate` on each of them (exit code 2 or an `error[...]` line = caught);
  3. reads the hand-written corpus (Tests/FormworkSchemaTests/Fixtures/handwritten/invalid/): cfn-lint's rules
     from verdicts.json, Formwork's results from handwritten_report.py --json (re-run here unless --no-refresh);
  4. writes the checklist table to Docs/ValidationRules.md and prints the totals and the missed rules.

A template counts as evidence for every E rule cfn-lint reports on it. A rule caught only on templates where it
is neither the template's own rule (catalogue name prefix) nor cfn-lint's only E rule is marked "shared".

usage: rule_checklist.py [--cfn-lint PATH] [--formwork PATH] [--checklist FILE] [--output FILE]
                         [--results FILE] [--no-refresh] [--jobs N] [--known FILE]
  --cfn-lint    cfn-lint executable (default .venv-lint/bin/cfn-lint, or $CFN_LINT)
  --formwork    formwork binary (default .build/debug/formwork, or $FORMWORK); a missing binary (rebuild) is
                retried every 20 s, up to 10 times
  --results     also write the per-template results as JSON (default /tmp/rule-checklist-results.json)
  --no-refresh  reuse /tmp/handwritten-formwork.json instead of re-running handwritten_report.py
  --known     where the catalogue templates Formwork still accepts are written for RuleCatalogueTests
              (default Tests/FormworkCLITests/rule-catalogue-known.json)
  --jobs        parallel formwork runs (default 2)

Exit status 1 when a catalogue template no longer triggers its rule, or the checklist and the installed cfn-lint
disagree on the set of E rules. Takes about a minute (cfn-lint ~15 s, the hand-written corpus refresh ~40 s).
"""
import argparse, ast, json, os, re, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import handwritten_report  # noqa: E402  (run_formwork: one way to run and read `formwork validate`)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures")
CATALOGUE = os.path.join(FIXTURES, "rule-catalogue")
HANDWRITTEN = os.path.join(FIXTURES, "handwritten")
HANDWRITTEN_JSON = "/tmp/handwritten-formwork.json"



# ---------------------------------------------------------------- cfn-lint's rules (from its package source)

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


def _constant(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _constant(node.left), _constant(node.right)
        return left + right if left is not None and right is not None else None
    return None


def e_rules(package):
    """{rule id: (shortdesc, path relative to the package)} for every E rule class."""
    rules = {}
    for folder, _, files in sorted(os.walk(os.path.join(package, "rules"))):
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
                        value = _constant(stmt.value)
                        if value is not None:
                            fields[stmt.targets[0].id] = value
                rule_id = fields.get("id", "")
                if rule_id.startswith("E") and rule_id not in rules:
                    rules[rule_id] = (" ".join(fields.get("shortdesc", "").split()), os.path.relpath(path, package))
    return rules


# ---------------------------------------------------------------- running the tools

def run_cfn_lint(cfn_lint, paths):
    """{path: sorted E rule ids cfn-lint reports at error level}, one cfn-lint process for all templates."""
    run = subprocess.run([cfn_lint, "--format", "json", *paths], capture_output=True, text=True, cwd=CATALOGUE)
    try:
        matches = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        sys.exit(f"error: cfn-lint output is not JSON:\n{run.stdout[:2000]}\n{run.stderr[:2000]}")
    found = {p: set() for p in paths}
    for m in matches:
        if m.get("Level") == "Error":
            found.setdefault(m["Filename"], set()).add(m["Rule"]["Id"])
    return {p: sorted(v) for p, v in found.items()}


def catalogue_verdict(binary, name):
    """(rejects, first error) of `formwork validate` on one template of the rule catalogue."""
    code, errors, _ = handwritten_report.run_formwork(binary, name, cwd=CATALOGUE)
    first = f"error[{errors[0][0]}]: {errors[0][2]}" if errors else ""
    return code == 2 or bool(errors), first


def handwritten_results(refresh, formwork):
    if refresh or not os.path.exists(HANDWRITTEN_JSON):
        env = dict(os.environ, FORMWORK=formwork)
        subprocess.run([sys.executable, os.path.join(HERE, "handwritten_report.py"), "--json", HANDWRITTEN_JSON],
                       check=True, stdout=subprocess.DEVNULL, env=env)
    with open(HANDWRITTEN_JSON) as f:
        return json.load(f)["templates"]


# ---------------------------------------------------------------- the checklist

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cfn-lint", default=default_cfn_lint())
    parser.add_argument("--formwork", default=os.environ.get("FORMWORK", os.path.join(ROOT, ".build", "debug", "formwork")))
    parser.add_argument("--checklist", default=os.path.join(HERE, "rule_checklist.json"))
    parser.add_argument("--output", default=os.path.join(ROOT, "Docs", "ValidationRules.md"))
    parser.add_argument("--results", default="/tmp/rule-checklist-results.json")
    parser.add_argument("--no-refresh", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--known", default=os.path.join(ROOT, "Tests", "FormworkCLITests", "rule-catalogue-known.json"),
                        help="where to write the catalogue templates Formwork still accepts, as RuleCatalogueTests reads them")
    args = parser.parse_args()
    formwork = os.path.abspath(args.formwork)

    with open(args.checklist) as f:
        checklist = {r["rule"]: r for r in json.load(f)["rules"]}
    version = subprocess.run([args.cfn_lint, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
    rules = e_rules(package_dir(args.cfn_lint))
    problems = []
    for code in sorted(set(rules) - set(checklist)):
        problems.append(f"{code}: an E rule of cfn-lint {version} with no entry in {os.path.basename(args.checklist)}")
    for code in sorted(set(checklist) - set(rules)):
        problems.append(f"{code}: in {os.path.basename(args.checklist)} but not a rule of cfn-lint {version}")

    # 1 + 2: the rule catalogue
    names = sorted(n for n in os.listdir(CATALOGUE) if n.endswith((".yaml", ".yml", ".json")))
    linted = run_cfn_lint(args.cfn_lint, names)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        ran = dict(zip(names, pool.map(lambda n: catalogue_verdict(formwork, n), names)))
    evidence = {}     # rule -> [(template label, caught, direct)]
    results = {}
    for name in names:
        own = name.split("-", 1)[0]
        codes = linted.get(name, [])
        rejects, first_error = ran[name]
        label = f"rule-catalogue/{name}"
        results[label] = {"rule": own, "cfn_lint_errors": codes, "formwork_rejects": rejects, "formwork_error": first_error}
        if own not in codes:
            problems.append(f"{label}: cfn-lint no longer reports {own} (reports {', '.join(codes) or 'no E rule'})")
        for code in codes:
            evidence.setdefault(code, []).append((label, rejects, code == own or codes == [code]))
    for code, entry in checklist.items():
        tpl = entry.get("template")
        if tpl and tpl.startswith("rule-catalogue/") and os.path.basename(tpl) not in names:
            problems.append(f"{code}: template {tpl} does not exist")

    # 3: the hand-written corpus
    for path, r in sorted(handwritten_results(not args.no_refresh, formwork).items()):
        if r["expected"] != "invalid":
            continue
        label = f"handwritten/{path}"
        codes = r["cfn_lint_errors"]
        for code in codes:
            evidence.setdefault(code, []).append((label, r["formwork_rejects"], codes == [code]))

    # 4: statuses and the document
    rows, totals = [], {"applies": 0, "na": 0, "implemented": 0, "shared": 0, "missed": 0, "untestable": 0}
    missed = []
    for code in sorted(rules):
        entry = checklist.get(code, {"applies": True, "template": None, "reason": "not in the checklist"})
        shortdesc = rules[code][0].replace("|", "\\|")
        ev = evidence.get(code, [])
        caught = [label for label, c, _ in ev if c]
        direct = [label for label, c, d in ev if c and d]
        evidence_text = "; ".join(filter(None, [
            ("caught: " + ", ".join(f"`{l}`" for l in caught)) if caught else "",
            ("missed: " + ", ".join(f"`{l}`" for l, c, _ in ev if not c)) if any(not c for _, c, _ in ev) else ""]))
        reason = (entry.get("reason") or "").replace("|", "\\|")
        if not entry["applies"]:
            totals["na"] += 1
            status = "n/a — " + re.sub(r"^n/a:\s*", "", reason)
        else:
            totals["applies"] += 1
            if caught:
                totals["implemented"] += 1
                status = "implemented"
                if not direct:
                    totals["shared"] += 1
                    status = "implemented (shared: caught only on templates that also break other rules)"
            else:
                if not entry.get("template"):
                    totals["untestable"] += 1
                totals["missed"] += 1
                status = "not implemented — " + (reason or "no reason recorded")
                missed.append((code, entry.get("template"), reason))
        rows.append(f"| {code} | {shortdesc} | {status} | {evidence_text or '—'} |")

    lines = [
        "# cfn-lint E rules: Formwork's checklist",
        "",
        f"Every E-level (error) rule of cfn-lint {version}, read from its package source. Each rule that checks template",
        "content has a small broken template on which cfn-lint reports it — `Tests/FormworkSchemaTests/Fixtures/rule-catalogue/`",
        "(one per rule, named after it) or the hand-written corpus `Tests/FormworkSchemaTests/Fixtures/handwritten/invalid/` —",
        "and is **implemented** when `formwork validate` rejects such a template. A template counts for every E rule",
        "cfn-lint reports on it; *shared* marks a rule caught only on templates that also break other rules.",
        "The hand-kept part (applies, template, reasons) is `Scripts/validation-corpus/rule_checklist.json`.",
        "",
        f"- E rules: **{len(rules)}**",
        f"- apply to templates: **{totals['applies']}**",
        f"  - implemented: **{totals['implemented']}**" + (f" ({totals['shared']} shared)" if totals["shared"] else ""),
        f"  - not implemented: **{totals['missed']}** ({totals['untestable']} of them cannot be triggered in cfn-lint "
        f"{version}: no template possible)",
        f"- n/a: **{totals['na']}**",
        "",
        "Regenerate (about a minute): `python3 Scripts/validation-corpus/rule_checklist.py` (re-runs cfn-lint on the rule",
        "catalogue, `formwork validate` on it and on the hand-written corpus; `handwritten_verdicts.py` refreshes the",
        "hand-written corpus's cfn-lint verdicts).",
        "",
        "| Rule | cfn-lint description | Status | Evidence |",
        "| --- | --- | --- | --- |",
        *rows,
    ]
    if problems:
        lines += ["", "## Problems found by the last run", "", *[f"- {p}" for p in problems]]
    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(args.results, "w") as f:
        json.dump({"cfn_lint_version": version, "formwork": formwork, "templates": results}, f, indent=1, sort_keys=True)
    with open(args.known, "w") as f:
        accepted = {name: results[f"rule-catalogue/{name}"]["rule"] for name in names if not results[f"rule-catalogue/{name}"]["formwork_rejects"]}
        json.dump({"misses": accepted}, f, indent=1, sort_keys=True)
        f.write("\n")

    print(f"{os.path.relpath(args.output, ROOT)}: {len(rules)} E rules of cfn-lint {version}: "
          f"{totals['applies']} apply ({totals['implemented']} implemented"
          + (f", {totals['shared']} of them shared" if totals["shared"] else "")
          + f", {totals['missed']} not implemented, {totals['untestable']} of them untestable), {totals['na']} n/a")
    print(f"rule-catalogue: {len(names)} templates, Formwork rejects {sum(1 for r in results.values() if r['formwork_rejects'])}")
    print("\nnot implemented:")
    for code, tpl, reason in missed:
        print(f"  {code}  {tpl or '(no template)'}  {reason}")
    if problems:
        print("\nproblems:")
        for p in problems:
            print(f"  {p}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
