#!/usr/bin/env python3
"""Synthesizes parity cases under single feature-flag values other than the two context sets of the harness (no
flag, and `cdk init`'s flags): a flag implemented "both ways" is proved by a case with it set against its default.

Scripts/cdk-flags/variants.json (next to this script) names each variant: `"<case>+<label>": {"case": <a case of
Scripts/cdk-parity/cases.py>, "flags": {<flag>: <value>, ...}}`. The real CDK runs the case's function of
Scripts/cdk-parity/app.py in an app whose context is app.py's plus those flags, and its templates are written to
Tests/FormworkParityTests/Fixtures/flag-variants/<variant>/ (the list beside it, flag-variants.json);
FlagVariantParityTests synthesizes the same case under
`.cdk(flags: FeatureFlags(<flags>))` and compares.

usage: .venv-cdk/bin/python Scripts/cdk-flags/variants.py   (run generate.py first, so that app.py is current)
"""
import json, os, shutil, sys, tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests", "FormworkParityTests", "Fixtures", "flag-variants")
sys.path.insert(0, os.path.join(ROOT, "Scripts", "cdk-parity"))

import aws_cdk as cdk  # noqa: E402
import app as parity  # noqa: E402


def main():
    variants = json.load(open(os.path.join(HERE, "variants.json")))
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    shutil.copy(os.path.join(HERE, "variants.json"), OUT + ".json")
    for name, variant in sorted(variants.items()):
        case = getattr(parity, variant["case"])
        with tempfile.TemporaryDirectory() as outdir:
            app = cdk.App(outdir=outdir, analytics_reporting=False, context={**parity.CONTEXT, **variant["flags"]})
            case(app)
            app.synth()
            target = os.path.join(OUT, name)
            os.makedirs(target)
            for file in sorted(os.listdir(outdir)):
                if file.endswith(".template.json"):
                    shutil.copy(os.path.join(outdir, file), os.path.join(target, file))
        print(f"{name}: {', '.join(sorted(os.listdir(os.path.join(OUT, name))))}")


if __name__ == "__main__":
    main()
