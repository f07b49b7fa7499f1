#!/usr/bin/env python3
"""Judge the hand-written corpus with the real cfn-lint and record its verdicts.

Every template under Tests/FormworkSchemaTests/Fixtures/handwritten/{valid,invalid}/ is linted once; for each
one the script records the cfn-lint version, the E-level rule codes cfn-lint reported (sorted, unique) and the
verdict the corpus expects (the folder it lives in). It fails when cfn-lint disagrees with the folder: an
E-level error in valid/, or none in invalid/. Output is deterministic (sorted keys, no timestamps), so a
re-run with the same cfn-lint on the same day gives the same file.

Note that cfn-lint's E2531 (a Lambda runtime whose creation is blocked) depends on today's date.

usage: handwritten_verdicts.py [--cfn-lint PATH] [--check]
       --check   compare with the recorded verdicts.json instead of writing it (exit 1 on a difference)
The default cfn-lint is .venv-lint/bin/cfn-lint when it exists, else `cfn-lint` on PATH ($CFN_LINT wins).
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures", "handwritten")
VERDICTS = os.path.join(CORPUS, "verdicts.json")
KINDS = ("valid", "invalid")
EXTENSIONS = (".yaml", ".yml", ".json", ".template")


def default_cfn_lint():
    if os.environ.get("CFN_LINT"):
        return os.environ["CFN_LINT"]
    venv = os.path.join(ROOT, ".venv-lint", "bin", "cfn-lint")
    return venv if os.path.exists(venv) else "cfn-lint"


def templates():
    """(relative path, expected verdict) for every template of the corpus, sorted."""
    found = []
    for kind in KINDS:
        folder = os.path.join(CORPUS, kind)
        for name in sorted(os.listdir(folder)):
            if name.endswith(EXTENSIONS):
                found.append((f"{kind}/{name}", kind))
    return found


def cfn_lint_version(cfn_lint):
    out = subprocess.run([cfn_lint, "--version"], capture_output=True, text=True, check=True).stdout
    return out.strip().split()[-1]


def error_codes(cfn_lint, paths):
    """{relative path: sorted E codes}; cfn-lint runs once per chunk of templates, from the corpus folder."""
    codes = {p: set() for p in paths}
    for start in range(0, len(paths), 40):
        chunk = paths[start:start + 40]
        run = subprocess.run([cfn_lint, "--format", "json", "--", *chunk], cwd=CORPUS, capture_output=True, text=True)
        if run.returncode not in (0, 2, 4, 6, 8, 10, 12, 14) and not run.stdout.strip():
            sys.exit(f"cfn-lint failed ({run.returncode}): {run.stderr.strip()[:2000]}")
        for match in json.loads(run.stdout or "[]"):
            code = match["Rule"]["Id"]
            name = os.path.normpath(match["Filename"])
            if code.startswith("E") and name in codes:
                codes[name].add(code)
    return {p: sorted(c) for p, c in codes.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cfn-lint", default=default_cfn_lint())
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    version = cfn_lint_version(args.cfn_lint)
    corpus = templates()
    codes = error_codes(args.cfn_lint, [p for p, _ in corpus])
    verdicts = {
        path: {"cfn_lint_version": version, "errors": codes[path], "expected": expected}
        for path, expected in corpus
    }
    document = {"cfn_lint_version": version, "templates": verdicts}

    disagreements = [p for p, v in verdicts.items() if (v["expected"] == "valid") != (not v["errors"])]
    for path in disagreements:
        print(f"error: cfn-lint {version} disagrees with the folder of {path}: {verdicts[path]['errors'] or 'no E error'}",
              file=sys.stderr)

    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    if args.check:
        with open(VERDICTS) as f:
            same = f.read() == text
        print("verdicts.json is up to date" if same else "verdicts.json differs from a fresh run", file=sys.stderr)
        sys.exit(0 if same and not disagreements else 1)
    with open(VERDICTS, "w") as f:
        f.write(text)
    valid = sum(1 for v in verdicts.values() if v["expected"] == "valid")
    print(f"cfn-lint {version}: {valid} valid, {len(verdicts) - valid} invalid templates; "
          f"{len(disagreements)} disagree with their folder")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
