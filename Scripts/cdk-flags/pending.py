#!/usr/bin/env python3
"""Writes Tests/FormworkParityTests/Fixtures/recommended-pending.json: the parity cases that still differ from CDK
under `cdk init`'s flags, each with the flags (of impact.json) not implemented yet that change it. Run after
implementing a flag in Swift (FeatureFlag.implemented), then let RecommendedFlagsParityTests confirm: a listed
case at parity fails the test until it leaves the list.

usage: python3 Scripts/cdk-flags/pending.py IMPLEMENTED_FLAG...
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests", "FormworkParityTests", "Fixtures", "recommended-pending.json")


def main(implemented):
    impact = json.load(open(os.path.join(HERE, "impact.json")))
    pending = {}
    for entry in impact["flags"]:
        if entry["flag"] in implemented:
            continue
        for case in entry["cases"]:
            pending.setdefault(case, []).append(entry["flag"])
    with open(OUT, "w") as handle:
        json.dump({case: ", ".join(sorted(flags)) for case, flags in sorted(pending.items())}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print("%d cases pending" % len(pending))


if __name__ == "__main__":
    main(set(sys.argv[1:]))
