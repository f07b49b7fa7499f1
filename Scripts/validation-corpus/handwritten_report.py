#!/usr/bin/env python3
"""Where Formwork's validator disagrees with cfn-lint on the hand-written corpus.

Runs `formwork validate FILE` on every template of Tests/FormworkSchemaTests/Fixtures/handwritten/{valid,invalid}/
and compares with the cfn-lint verdicts recorded in verdicts.json (handwritten_verdicts.py):

  (a) FALSE ERRORS: valid/ templates (no E-level error in cfn-lint) that Formwork rejects, every error message
      grouped by class;
  (b) MISSES: invalid/ templates (cfn-lint reports an E-level error) that Formwork accepts, with the cfn-lint rule
      codes.

usage: handwritten_report.py [--formwork PATH] [--json FILE] [--output FILE] [--known FILE]
  --formwork  the built binary (default .build/debug/formwork, or $FORMWORK)
  --json      also write the raw per-template results (default /tmp/handwritten-formwork.json; rule_checklist.py
              reads it)
  --output    write the report there as well as to standard output
  --known     write the disagreements there as HandwrittenCorpusTests reads them (Tests/FormworkCLITests/
              handwritten-known.json): each false error with its class, each miss with cfn-lint's rules

The binary may be replaced by a rebuild while this runs: a run that cannot start, or that dies of a signal, is
retried (up to 10 times, 20 s apart).
"""
import argparse, json, os, re, subprocess, sys, time
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures", "handwritten")
VERDICTS = os.path.join(CORPUS, "verdicts.json")

CLASSES = OrderedDict([
    ("conditional", "conditional requirement when the condition does not hold"),
    ("case-enum", "case-insensitive enum"),
    ("string-scalar", "string written for a boolean or number"),
    ("runtime-dates", "stale runtime dates (runtime still creatable per cfn-lint's lifecycle data)"),
    ("sam-langext", "SAM / AWS::LanguageExtensions constructs"),
    ("cycles", "dependency cycles through conditions / SAM"),
    ("other", "other"),
])

ERROR_LINE = re.compile(r"^(?:(?P<loc>\S+?:\d+:\d+): )?error\[(?P<kind>[a-z0-9-]+)\]: (?P<message>.*)$")
PLAIN_ERROR = re.compile(r"^error: (?P<loc>\S+?:\d+:\d+): (?P<message>.*)$")


def run_formwork(binary, path, attempts=10, cwd=CORPUS):
    """(exit code, [(kind, location, message)], raw output) for one template (`path` relative to `cwd`); retries
    while the binary is missing."""
    for attempt in range(attempts):
        try:
            run = subprocess.run([binary, "validate", path], cwd=cwd, capture_output=True, text=True, timeout=300)
        except (FileNotFoundError, PermissionError, OSError):
            time.sleep(20)
            continue
        except subprocess.TimeoutExpired:
            return None, [("timeout", path, "formwork validate did not finish in 300 s")], ""
        if run.returncode < 0 or run.returncode in (126, 127):
            time.sleep(20)
            continue
        output = run.stdout + run.stderr
        errors = []
        for line in output.splitlines():
            m = ERROR_LINE.match(line)
            if m:
                errors.append((m["kind"], m["loc"] or path, m["message"]))
                continue
            m = PLAIN_ERROR.match(line)
            if m:
                errors.append(("structure", m["loc"], m["message"]))
        return run.returncode, errors, output
    sys.exit(f"error: could not run {binary} on {path} after {attempts} attempts")


def transforms(path):
    with open(os.path.join(CORPUS, path)) as f:
        text = f.read()
    found = set()
    if "AWS::Serverless-2016-10-31" in text:
        found.add("sam")
    if "AWS::LanguageExtensions" in text:
        found.add("langext")
    return found


def description(path):
    with open(os.path.join(CORPUS, path)) as f:
        text = f.read()
    m = re.search(r'^Description:\s*(.+)$', text, re.M) or re.search(r'"Description"\s*:\s*"([^"]*)"', text)
    return m.group(1).strip().strip("'\"") if m else ""


def classify(kind, message, template_transforms):
    """The class of one false error."""
    if kind == "deprecated-runtime":
        return "runtime-dates"
    if kind == "circular-dependency":
        return "cycles"
    if kind == "wrong-type" and re.search(r"expected an? (boolean|number|integer), found a string", message):
        return "string-scalar"
    if kind == "enum":
        m = re.search(r"^\S+: '([^']*)' is not one of.*Did you mean '([^']*)'", message)
        if m and m.group(1).lower() == m.group(2).lower():
            return "case-enum"
        if re.search(r"allowed values: [^,]+\.$", message):   # a single allowed value: a conditional sub-schema
            return "conditional"
    if kind in ("missing-required", "dependent-required", "required-if", "conditional-required") or "(When " in message:
        return "conditional"
    if template_transforms and (kind in ("intrinsic-arguments", "structure", "missing-reference", "unknown-attribute")
                                or "Connectors" in message or "Fn::ForEach" in message):
        return "sam-langext"
    return "other"


def signature(error):
    """What a Formwork error is about, without the resource: (kind, path below the resource, quoted name)."""
    path = error["message"].split(": ", 1)[0]
    path = re.sub(r"^(Resources|Outputs|Parameters)\.[^.]+", "", path)
    detail = error["message"].split(": ", 1)[-1]
    if error["kind"] == "missing-required":
        detail = (re.findall(r"'([^']*)'", detail) or [""])[0]
    return (error["kind"], path, detail)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--formwork", default=os.environ.get("FORMWORK", os.path.join(ROOT, ".build", "debug", "formwork")))
    parser.add_argument("--json", default="/tmp/handwritten-formwork.json")
    parser.add_argument("--output")
    parser.add_argument("--known")
    args = parser.parse_args()

    with open(VERDICTS) as f:
        verdicts = json.load(f)
    results = {}
    for path in sorted(verdicts["templates"]):
        code, errors, output = run_formwork(args.formwork, path)
        results[path] = {
            "expected": verdicts["templates"][path]["expected"],
            "cfn_lint_errors": verdicts["templates"][path]["errors"],
            "formwork_exit": code,
            "formwork_rejects": code == 2 or bool(errors),
            "formwork_errors": [{"kind": k, "location": loc, "message": msg} for k, loc, msg in errors],
        }
    with open(args.json, "w") as f:
        json.dump({"cfn_lint_version": verdicts["cfn_lint_version"], "formwork": args.formwork, "templates": results},
                  f, indent=2, sort_keys=True)

    lines = []
    out = lines.append
    valid = [p for p, r in results.items() if r["expected"] == "valid"]
    invalid = [p for p, r in results.items() if r["expected"] == "invalid"]
    false_templates = [p for p in valid if results[p]["formwork_rejects"]]
    misses = [p for p in invalid if not results[p]["formwork_rejects"]]

    grouped = OrderedDict((c, []) for c in CLASSES)
    for path in false_templates:
        found = transforms(path)
        errors = results[path]["formwork_errors"] or [{"kind": "exit-code", "location": path,
                                                        "message": f"exit {results[path]['formwork_exit']} without a message"}]
        for e in errors:
            grouped[classify(e["kind"], e["message"], found)].append((path, e))

    out("Formwork validate vs cfn-lint on the hand-written corpus (Tests/FormworkSchemaTests/Fixtures/handwritten)")
    out(f"cfn-lint {verdicts['cfn_lint_version']} verdicts from verdicts.json; formwork binary {args.formwork}")
    out("")
    out(f"valid/   {len(valid):4d} templates: Formwork accepts {len(valid) - len(false_templates)}, "
        f"rejects {len(false_templates)} (false errors: {sum(len(v) for v in grouped.values())} messages)")
    out(f"invalid/ {len(invalid):4d} templates: Formwork rejects {len(invalid) - len(misses)}, accepts {len(misses)} (misses)")
    out("")
    out("(a) FALSE ERRORS (valid/ templates Formwork rejects), by class")
    for key, title in CLASSES.items():
        items = grouped[key]
        templates = sorted({p for p, _ in items})
        out("")
        out(f"== {title}: {len(items)} errors in {len(templates)} templates")
        for path, e in items:
            out(f"   {e['location']}: error[{e['kind']}]: {e['message']}")
    out("")
    out("(b) MISSES (invalid/ templates Formwork accepts), with cfn-lint's rule codes")
    out("")
    for path in misses:
        codes = ", ".join(results[path]["cfn_lint_errors"])
        out(f"   {path}  [{codes}]  {description(path)}")
    by_rule = Counter(code for p in misses for code in results[p]["cfn_lint_errors"])
    out("")
    out("   misses by cfn-lint rule: " + (", ".join(f"{c} {n}" for c, n in sorted(by_rule.items())) or "none"))
    false_signatures = {signature(e) for items in grouped.values() for _, e in items}
    suspect = [p for p in invalid if results[p]["formwork_rejects"] and results[p]["formwork_errors"]
               and all(signature(e) in false_signatures for e in results[p]["formwork_errors"])]
    out("")
    out("(b2) CATCHES THAT MAY BE FOR ANOTHER REASON (every Formwork error on the template is of a kind and path that")
    out("     also gives a false error on valid/)")
    out("")
    for path in suspect:
        first = results[path]["formwork_errors"][0]
        out(f"   {path}  [{', '.join(results[path]['cfn_lint_errors'])}]  error[{first['kind']}]: {first['message']}")
    if not suspect:
        out("   none")
    out("")
    out("(c) counts")
    out(f"   false errors by class: " + ", ".join(f"{key} {len(grouped[key])} ({len({p for p, _ in grouped[key]})} templates)"
                                            for key in CLASSES))
    out(f"   false-error templates {len(false_templates)}/{len(valid)}, misses {len(misses)}/{len(invalid)}")

    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.known:
        classes = {}
        for key in CLASSES:
            for path, _ in grouped[key]:
                classes.setdefault(path, [])
                if key not in classes[path]:
                    classes[path].append(key)
        known = {"falseErrors": {p: ", ".join(classes.get(p, ["other"])) for p in sorted(false_templates)},
                 "misses": {p: ", ".join(results[p]["cfn_lint_errors"]) for p in sorted(misses)}}
        with open(args.known, "w") as f:
            json.dump(known, f, indent=1, sort_keys=True)
            f.write("\n")
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
