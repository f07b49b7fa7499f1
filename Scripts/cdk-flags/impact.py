#!/usr/bin/env python3
"""Which of the flags `cdk init` writes change which parity cases' templates, and how: impact.json (next to this
script) and Docs/CDKFeatureFlags.md.

usage: impact.py
Run it with the Python of the CDK (see flags.py and Scripts/cdk-parity/generate.py) after
    Scripts/cdk-flags/flags.py                                  (flags.json, init-cdk.json)
    Scripts/cdk-parity/generate.py --synth                      (Fixtures/generated/)
    Scripts/cdk-parity/generate.py --synth --flags recommended  (Fixtures/generated-recommended/)
It takes about ten minutes (one CDK synthesis of the differing cases per flag).

A case differs when one of its stacks' templates differs between the two fixture folders. For those cases each
flag of init-cdk.json is synthesized alone (flagless otherwise): the cases whose templates change are the flag's.
Then each differing case is synthesized with just the flags found for it; a case whose template still isn't the
recommended one is explained by removing one flag at a time from the full context instead (flags that only matter
together with another). The descriptions of what each flag changes are written by hand below (DESCRIPTIONS), the
rest (resource types and properties touched, the excerpt) is computed.

The doc also renders audit.json (next to this script, kept by hand from aws-cdk-lib's sources): every flag, whether
it changes the output of a construct or option Formwork supports, where CDK reads it, why, and the cases that show
it. Flags of impact.json whose cases audit.json does not list as changing supported output are reported on stderr.

usage: impact.py --doc
re-renders Docs/CDKFeatureFlags.md from impact.json and audit.json without synthesizing anything.
"""
import json, os, subprocess, sys, tempfile
from collections import defaultdict

sys.dont_write_bytecode = True  # no __pycache__ next to cases.py and app.py
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PARITY = os.path.join(ROOT, "Scripts", "cdk-parity")
FIXTURES = os.path.join(ROOT, "Tests", "FormworkParityTests", "Fixtures")
DOC = os.path.join(ROOT, "Docs", "CDKFeatureFlags.md")
JOBS_PER_WORKER = 8
# The services Formwork has constructs for: a flag of one of them that changes no case is worth a case.
SERVICES = ["lambda", "sqs", "sns", "dynamodb", "s3", "events", "stepfunctions", "apigateway", "apigatewayv2", "iam",
            "logs", "kms", "cognito", "cloudwatch", "scheduler", "secretsmanager", "ssm", "kinesis", "pipes"]

# What each flag changes, written from the diffs this script finds (the `changes` column is computed).
DESCRIPTIONS = {
    "@aws-cdk/aws-lambda:useCdkManagedLogGroup":
        "Adds an AWS::Logs::LogGroup `<fn>LogGroup` per lambda.Function (right after the function in the template): "
        "LogGroupName `/aws/lambda/${Ref fn}`, RetentionInDays 731, DeletionPolicy and UpdateReplacePolicy Retain, "
        "tagged like the function. The function itself is unchanged (no LoggingConfig). No case gives a function "
        "its own logGroup or logRetention, so the flag's behaviour with those is not covered here.",
    "@aws-cdk/aws-iam:minimizePolicies":
        "Minimizes policy documents (role default policies, SQS queue policies): each statement's Action list is "
        "sorted alphabetically, and statements that differ only in their resources (or only in their actions) are "
        "merged into one, with the merged lists sorted.",
    "@aws-cdk/aws-apigateway:disableCloudWatchRole":
        "RestApi's cloudWatchRole defaults to false: no `<api>CloudWatchRole` AWS::IAM::Role "
        "(AmazonAPIGatewayPushToCloudWatchLogs), no `<api>Account` AWS::ApiGateway::Account, and the stage loses its "
        "DependsOn on the account.",
    "@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId":
        "The RestApi deployment's logical-ID hash also covers the authorizers, so AWS::ApiGateway::Deployment gets a "
        "new logical ID (and the Stage's DeploymentId follows it); the deployment also DependsOn the authorizer.",
    "@aws-cdk/core:defaultCrossStackReferences":
        "Cross-stack references become weak (value `weak`): the producer's output has no Export and is named "
        "`PublishOutputRef<target><hash>` instead of `ExportsOutputRef<target><hash>`; the consumer reads it with "
        "`Fn::GetStackOutput {StackName, Region: Ref AWS::Region, OutputName}` instead of `Fn::ImportValue`.",
    "@aws-cdk/aws-lambda:recognizeLayerVersion":
        "Function.currentVersion's hash includes the layers, so the AWS::Lambda::Version logical ID changes (even "
        "with no layers; Alias FunctionVersion follows it), and the function's Layers are sorted by construct path "
        "instead of kept in the order given.",
    "@aws-cdk/core:enablePartitionLiterals":
        "In a stack with a concrete region (Stack(region:)), Stack.partition is that region's partition as a literal: "
        "ARNs CDK builds with formatArn write `arn:aws:...` instead of `arn:${AWS::Partition}:...` (the HTTP API "
        "route permissions' SourceArn `arn:aws:execute-api:eu-west-1:...`).",
    "@aws-cdk/aws-events:eventsTargetQueueSameAccount":
        "events_targets.SqsQueue with a queue encrypted by its own key: the queue policy statement for "
        "events.amazonaws.com (flagless without a Condition for such a queue) and the key policy statement for "
        "events.amazonaws.com get Condition StringEquals aws:SourceAccount = Ref AWS::AccountId.",
    "@aws-cdk/aws-sns-subscriptions:restrictSqsDescryption":
        "sns_subscriptions.SqsSubscription to a queue encrypted by its own key: the key policy statement that lets "
        "sns.amazonaws.com kms:Decrypt and kms:GenerateDataKey gets Condition ArnEquals aws:SourceArn = Ref <topic>.",
    "@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2":
        "DistributedMap ignores the deprecated `resultWriter` (v1): the ResultWriter block leaves the state "
        "machine's DefinitionString and its s3:PutObject/GetObject/ListMultipartUploadParts/AbortMultipartUpload "
        "statement leaves the role's policy (only `resultWriterV2` is rendered).",
}


def worker(jobs_file):
    """Synthesizes each job ({context, cases, out}) in its own app; names the validation failures in out/failed.json."""
    sys.path.insert(0, PARITY)
    import aws_cdk as cdk
    import app as parity
    with open(jobs_file) as f:
        jobs = json.load(f)
    for job in jobs:
        # app.py's own context (no path metadata or version reporting; asset metadata, as the fixtures have it).
        app = cdk.App(outdir=job["out"], analytics_reporting=False, context={**job["context"], **parity.CONTEXT})
        for name in job["cases"]:
            getattr(parity, name)(app)
        failed = []
        try:
            app.synth()
        except RuntimeError as error:
            if not str(error).startswith("ValidationFailed"):
                raise
            with open(os.path.join(job["out"], "validation-report.json")) as f:
                report = json.load(f)
            failed = sorted({c["constructPath"] for plugin in report["pluginReports"] for v in plugin["violations"]
                             if v["severity"] == "error" for c in v["violatingConstructs"]})
        with open(os.path.join(job["out"], "failed.json"), "w") as f:
            json.dump(failed, f)


def synthesize(jobs, stacks_of):
    """jobs: [(key, context, case names)] → {key: ({stack: template}, [construct paths failing validation])}."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        specs = [{"key": key, "context": context, "cases": names, "out": os.path.join(tmp, str(i))}
                 for i, (key, context, names) in enumerate(jobs)]
        for start in range(0, len(specs), JOBS_PER_WORKER):
            jobs_file = os.path.join(tmp, f"jobs{start}.json")
            with open(jobs_file, "w") as f:
                json.dump(specs[start:start + JOBS_PER_WORKER], f)
            subprocess.run([sys.executable, __file__, "--worker", jobs_file], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            print(f"  {min(start + JOBS_PER_WORKER, len(specs))}/{len(specs)} synthesized", file=sys.stderr)
        for spec in specs:
            templates = {}
            for name in spec["cases"]:
                for stack in stacks_of[name]:
                    with open(os.path.join(spec["out"], f"{stack}.template.json")) as f:
                        templates[stack] = json.load(f)
            with open(os.path.join(spec["out"], "failed.json")) as f:
                results[spec["key"]] = (templates, json.load(f))
    return results


def load(folder, stacks):
    templates = {}
    for stack in stacks:
        with open(os.path.join(FIXTURES, folder, f"{stack}.template.json")) as f:
            templates[stack] = json.load(f)
    return templates


MISSING = "<absent>"


def diff(before, after, path=()):
    """(path, before, after) where the two differ: recurses into objects; a list differs as a whole."""
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key in sorted(set(before) | set(after)):
            out += diff(before.get(key, MISSING), after.get(key, MISSING), path + (key,))
        return out
    return [] if before == after else [(path, before, after)]


def change_kinds(before, after, diffs):
    """Readable kinds of change: 'adds AWS::Logs::LogGroup', 'AWS::Lambda::Function Properties.LoggingConfig'."""
    kinds = set()
    for path, old, new in diffs:
        if path[0] == "Resources" and len(path) >= 2:
            resource = (after if new is not MISSING else before)["Resources"][path[1]]
            kind = resource.get("Type", "?") if isinstance(resource, dict) else "?"
            if len(path) == 2:
                kinds.add(f"{'adds' if old is MISSING else 'removes'} {kind}")
            else:
                kinds.add(f"{kind} {'.'.join(path[2:4])}")
        elif len(path) == 2:
            kinds.add(f"{'adds' if old is MISSING else 'removes' if new is MISSING else 'changes'} {path[0]} entry")
        else:
            kinds.add(f"{path[0]} {'.'.join(path[2:3])}")
    return kinds


def excerpt(diffs, side):
    """The differing paths of one side as nested JSON (absent ones left out)."""
    root = {}
    for path, old, new in diffs:
        value = old if side == 0 else new
        if value is MISSING:
            continue
        node = root
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
    return root


def normalized(module):
    """'aws-sns-subscriptions' → 'sns', 'core' → 'core'."""
    return module.removeprefix("aws-").split("-")[0].lower()


def main():
    with open(os.path.join(HERE, "init-cdk.json")) as f:
        init = json.load(f)
    with open(os.path.join(HERE, "flags.json")) as f:
        table = {row["name"]: row for row in json.load(f)}
    sys.path.insert(0, PARITY)
    import cases
    group_of = {case.name: group for group, members in cases.all_groups().items() for case in members}
    everything = [case for group in cases.all_groups().values() for case in group]
    stacks_of = {case.name: [stack for stack, _ in case.stacks] for case in everything}
    all_stacks = [stack for case in everything for stack in stacks_of[case.name]]
    flagless, recommended = load("generated", all_stacks), load("generated-recommended", all_stacks)
    differing = [c.name for c in everything if any(flagless[s] != recommended[s] for s in stacks_of[c.name])]
    print(f"{len(differing)} of {len(everything)} cases differ; each of {len(init)} flags alone", file=sys.stderr)

    full = [case.name for case in everything]
    alone = synthesize([(None, init, full)] + [(flag, {flag: value}, differing) for flag, value in init.items()], stacks_of)
    templates, failures = alone.pop(None)
    assert templates == recommended, "the recommended fixtures are stale: run generate.py --synth --flags recommended"
    changed = defaultdict(dict)   # flag → case → diffs (stack, path, before, after) against the flagless templates
    for flag, (templates, _) in alone.items():
        for name in differing:
            for stack in stacks_of[name]:
                diffs = diff(flagless[stack], templates[stack])
                if diffs:
                    changed[flag].setdefault(name, []).append((stack, diffs))

    found = defaultdict(set)
    for flag, by_case in changed.items():
        for name in by_case:
            found[name].add(flag)
    groups = defaultdict(list)
    for name in differing:
        groups[frozenset(found[name])].append(name)
    print(f"checking {len(differing)} cases with their own flags only", file=sys.stderr)
    check = synthesize([(i, {f: init[f] for f in flags}, names) for i, (flags, names) in
                        enumerate(sorted(groups.items(), key=lambda g: sorted(g[1])))], stacks_of)
    unexplained = sorted(name for templates, _ in check.values() for name in differing
                         if any(s in templates and templates[s] != recommended[s] for s in stacks_of[name]))
    together = defaultdict(set)   # flag → cases it changes only with the other flags set
    if unexplained:
        print(f"{len(unexplained)} cases need the flags together: removing one flag at a time", file=sys.stderr)
        without = synthesize([(flag, {f: v for f, v in init.items() if f != flag}, unexplained) for flag in init],
                             stacks_of)
        for flag, (templates, _) in without.items():
            for name in unexplained:
                if flag not in found[name] and any(templates[s] != recommended[s] for s in stacks_of[name]):
                    together[flag].add(name)
                    found[name].add(flag)

    impact = []
    for flag in sorted(set(changed) | set(together)):
        by_case = changed.get(flag, {})
        kinds = set()
        for name, stacks in by_case.items():
            for stack, diffs in stacks:
                kinds |= change_kinds(flagless[stack], alone[flag][0][stack], diffs)
        row = {"flag": flag, "initValue": init[flag], "cases": sorted(set(by_case) | together[flag]),
               "changes": sorted(kinds), "description": DESCRIPTIONS.get(flag, "")}
        row["count"] = len(row["cases"])
        row["groups"] = {group: sum(group_of[name] == group for name in row["cases"])
                         for group in sorted({group_of[name] for name in row["cases"]})}
        if together[flag]:
            row["onlyWithOtherFlags"] = sorted(together[flag])
        if by_case:
            size = lambda item: (len(json.dumps([d for _, ds in item[1] for d in ds], default=str)), item[0])
            name, stacks = min(by_case.items(), key=size)
            stack, diffs = stacks[0]
            row["example"] = {"case": name, "stack": stack, "before": excerpt(diffs, 0), "after": excerpt(diffs, 1)}
        impact.append(row)
    impact.sort(key=lambda row: (-row["count"], row["flag"]))

    with_impact = {row["flag"] for row in impact}
    no_change = sorted(flag for flag in init if flag not in with_impact)
    unexercised = []
    for name, row in sorted(table.items()):
        if name in with_impact or row["expired"] or not row["recommendedDiffers"]:
            continue
        if normalized(row["module"]) in SERVICES + ["core"]:
            unexercised.append({"flag": name, "initValue": init.get(name), "module": row["module"],
                                "summary": row["summary"], "defaultChanging": row["defaultChanging"]})
    result = {
        "counts": {"flags": len(table), "initFlags": len(init), "cases": len(everything), "casesDiffering": len(differing),
                   "flagsWithImpact": len(impact), "initFlagsChangingNothing": len(no_change)},
        "flags": impact,
        "initFlagsChangingNothing": no_change,
        "unexercised": unexercised,
        "validationFailures": failures,
        "casesByFlags": {name: sorted(found[name]) for name in sorted(differing)},
    }
    with open(os.path.join(HERE, "impact.json"), "w") as f:
        json.dump(result, f, indent=1, sort_keys=False)
        f.write("\n")
    write_doc(result, table, load_audit(result))
    print(json.dumps(result["counts"]))


def load_audit(result):
    """audit.json by flag; names on stderr the flags whose impact the audit does not account for."""
    path = os.path.join(HERE, "audit.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        audit = {row["flag"]: row for row in json.load(f)}
    for row in result["flags"]:
        entry = audit.get(row["flag"])
        if entry is None or not entry["changes_supported_output"]:
            print(f"audit.json: {row['flag']} changes cases {row['cases'][:3]}... but is not marked as changing "
                  "supported output", file=sys.stderr)
        elif set(row["cases"]) - set(entry["cases"]):
            print(f"audit.json: {row['flag']} misses cases {sorted(set(row['cases']) - set(entry['cases']))}",
                  file=sys.stderr)
    return audit


def doc_only():
    with open(os.path.join(HERE, "impact.json")) as f:
        result = json.load(f)
    with open(os.path.join(HERE, "flags.json")) as f:
        table = {row["name"]: row for row in json.load(f)}
    write_doc(result, table, load_audit(result))


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def audit_lines(audit, table):
    """The audit.json table: every flag, whether it changes Formwork-supported output, why, and its cases."""
    flags = sorted(audit.values(), key=lambda row: row["flag"])
    changing = [row for row in flags if row["changes_supported_output"]]
    implemented = swift_implemented()
    lines = ["## Every flag against Formwork's constructs", "",
             f"From `Scripts/cdk-flags/audit.json` (written from aws-cdk-lib 2.275.0's sources: where each flag is "
             f"read and what it changes there): {len(changing)} of the {len(flags)} flags change the output of a "
             f"construct or option Formwork supports, in one direction or the other; "
             f"{sum(row['flag'] in implemented for row in changing)} of those are in `FeatureFlag.implemented`. A flag "
             "whose v2 default is also its recommended value only changes output when an app sets it the other way, "
             "which neither fixture set does; nor do they show a flag `cdk init` does not write. The cases are those "
             "whose templates differ between the two fixture sets because of the flag (the first 12 named).", "",
             "| flag | v2 default | init value | changes supported output | in Swift | where CDK reads it | why | cases |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in flags:
        info = table.get(row["flag"], {})
        init = f"`{json.dumps(info['initValue'])}`" if "initValue" in info else "not written"
        cases = row["cases"]
        shown = ", ".join(f"`{name}`" for name in cases[:12]) + (f" (+{len(cases) - 12})" if len(cases) > 12 else "")
        changes = row["changes_supported_output"]
        lines.append(f"| `{row['flag']}` | `{json.dumps(info.get('v2Default'))}` | {init} | {'yes' if changes else 'no'} "
                     f"| {('yes' if row['flag'] in implemented else 'no') if changes else '–'} | {cell(row['where'])} "
                     f"| {cell(row['why'])} | {shown or '–'} |")
    return lines


def swift_implemented():
    """The flag names of FeatureFlag.implemented, read from Sources/FormworkCore/FeatureFlag.swift (no Swift build)."""
    import re
    with open(os.path.join(ROOT, "Sources", "FormworkCore", "FeatureFlag.swift")) as f:
        source = f.read()
    constants = dict(re.findall(r'static let (\w+) = FeatureFlag\(\s*"([^"]+)"\s*\)', source))
    listed = re.search(r"static let implemented: \[FeatureFlag\] = \[(.*?)\]", source, re.S).group(1)
    return {constants[word] for word in re.findall(r"\w+", listed) if word in constants}


def write_doc(result, table, audit=None):
    c = result["counts"]
    lines = [
        "# CDK feature flags and the parity cases",
        "",
        "Generated by `Scripts/cdk-flags/impact.py` (issue #23); do not edit. Data: `Scripts/cdk-flags/flags.json` "
        "(every flag of aws-cdk-lib 2.275.0), `Scripts/cdk-flags/init-cdk.json` (the context `cdk init` writes, "
        "CDK CLI 2.1146.1), `Scripts/cdk-flags/impact.json` (this table as data).",
        "",
        f"aws-cdk-lib knows {c['flags']} flags; `cdk init` writes {c['initFlags']} of them. With those, "
        f"{c['casesDiffering']} of the {c['cases']} parity cases "
        "(`Tests/FormworkParityTests/Fixtures/generated-recommended/` against `generated/`) get a different template; "
        f"{c['flagsWithImpact']} flags cause the differences, each found by synthesizing the differing cases with "
        "that flag alone.",
        "",
        "`cdk init` (CLI 2.1146.1) writes every flag aws-cdk-lib 2.275.0 recommends except "
        + ", ".join(f"`{name}`" for name, row in sorted(table.items())
                    if row["recommendedDiffers"] and "initValue" not in row)
        + " (newer than the CLI's list); it writes "
        + ", ".join(f"`{name}`" for name, row in sorted(table.items())
                    if "initValue" in row and row["initValue"] == row["v2Default"])
        + " with their v2 default value.",
        "",
        "## Flags that change templates",
        "",
        "| flag | init value | what it changes | cases | count |",
        "| --- | --- | --- | --- | ---: |",
    ]
    for row in result["flags"]:
        if row["count"] <= 12:
            cases = ", ".join(row["cases"])
        else:  # by group of cases.py
            cases = "groups " + ", ".join(f"{group} ({n})" for group, n in row["groups"].items())
        what = row["description"] or "; ".join(row["changes"])
        if row.get("onlyWithOtherFlags"):
            what += f" (only with other flags set: {', '.join(row['onlyWithOtherFlags'])})"
        lines.append(f"| `{row['flag']}` | `{json.dumps(row['initValue'])}` | {cell(what)} | {cell(cases)} | {row['count']} |")
    if audit:
        lines += [""] + audit_lines(audit, table)
    lines += ["", "## Examples", "",
              "The smallest change each flag makes to a case: the differing parts of the flagless template (before) "
              "and of the one with the flag alone (after).", ""]
    for row in result["flags"]:
        if "example" not in row:
            continue
        ex = row["example"]
        lines += [f"### `{row['flag']}`", "", f"Case `{ex['case']}`, stack `{ex['stack']}`. Changes: "
                  + "; ".join(row["changes"]) + ".", "",
                  "Before:", "", "```json", json.dumps(ex["before"], indent=1), "```", "",
                  "After:", "", "```json", json.dumps(ex["after"], indent=1), "```", ""]
    lines += ["## Flags `cdk init` writes that change no case", ""]
    lines += [f"- `{flag}` = `{json.dumps(table[flag].get('initValue'))}`: {table[flag]['summary']}"
              for flag in result["initFlagsChangingNothing"]]
    lines += ["", "## Flags that likely matter for Formwork's constructs but that no case exercises", "",
              "Flags of the modules of Formwork's services (lambda, sqs, sns, dynamodb, s3, events, stepfunctions, "
              "apigateway, iam, logs, kms, cognito, cloudwatch, scheduler, secretsmanager, ssm, kinesis, pipes, and "
              "their -tasks, -targets, -subscriptions, … companions) and core flags, whose recommended value differs "
              "from the v2 default, that change no case. Some change no template at all (they validate or annotate).", "",
              "| flag | init value | default-changing | summary |", "| --- | --- | --- | --- |"]
    for row in result["unexercised"]:
        value = "not written" if row["initValue"] is None else f"`{json.dumps(row['initValue'])}`"
        lines.append(f"| `{row['flag']}` | {value} | {'yes' if row['defaultChanging'] else 'no'} "
                     f"| {cell(row['summary'])} |")
    if result["validationFailures"]:
        lines += ["", "## Cases whose synthesis fails with the init flags", "",
                  "`@aws-cdk/core:validateAgainstDefaultRules` makes CDK's template validation findings errors: "
                  "`cdk synth` fails for these constructs (the templates, written before the validation, don't "
                  "change; the recommended fixtures keep them):", ""]
        lines += [f"- `{path}`" for path in result["validationFailures"]]
    with open(DOC, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2])
    elif sys.argv[1:2] == ["--doc"]:
        doc_only()
    else:
        main()
