#!/usr/bin/env python3
"""Checks a demo run's results against the generator's truth, list by list (the e2e test's check,
for demo sizes too big for a unit test). The truth is what the exact tier must produce, so run the
demo with --exact-only. Usage: bench/check-truth.py DEMO_OUT_DIR"""
import csv, json, os, sys

def rows(path, columns=None):
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        idx = [header.index(c) for c in (columns or header)]
        return header, [",".join(row[i] for i in idx) for row in r if any(row)]

out = sys.argv[1]
truth_dir, results = os.path.join(out, "inputs", "truth"), os.path.join(out, "results")
ok = True
for name in sorted(os.listdir(truth_dir)):
    if not name.endswith(".csv"):
        continue
    header, want = rows(os.path.join(truth_dir, name))
    _, got = rows(os.path.join(results, name), header)
    same = sorted(want) == sorted(got)
    ok &= same
    print(f"{name:28} truth {len(want):>9,}  result {len(got):>9,}  {'same' if same else 'DIFFERENT'}")
summary = json.load(open(os.path.join(results, "summary.json"), encoding="utf-8"))
inputs = json.load(open(os.path.join(truth_dir, "inputs.json"), encoding="utf-8"))
def accounts(tree, prefix=""):
    for name, value in tree.items():
        if "rows_read" in value:
            yield prefix + name, value
        else:
            yield from accounts(value, prefix + name + ".")
def lookup(tree, path):
    for part in path.split("."):
        tree = tree[part]
    return tree
for ds, want in accounts(inputs):
    got = {k: lookup(summary["inputs"], ds)[k] for k in want}
    same = got == want
    ok &= same
    print(f"{ds:28} accounting {'same' if same else f'DIFFERENT: {got} vs {want}'}")
funds_path = os.path.join(truth_dir, "funds.json")
if os.path.exists(funds_path):
    want = json.load(open(funds_path, encoding="utf-8"))
    got = summary["funds"]
    for key in ("total", "at_risk"):
        same = round(got[key], 2) == round(want[key], 2)
        ok &= same
        print(f"funds.{key:22} truth {want[key]:>16,.2f}  result {got[key]:>16,.2f}  {'same' if same else 'DIFFERENT'}")
    for code, amount in want["by_list"].items():
        same = round(got["by_list"].get(code, 0), 2) == round(amount, 2)
        ok &= same
        print(f"funds.{code:22} truth {amount:>16,.2f}  result {got['by_list'].get(code, 0):>16,.2f}  {'same' if same else 'DIFFERENT'}")
    got_projects = {p["project"]: p for p in got.get("by_project", [])}
    for name, figures in want.get("by_project", {}).items():
        for key in ("paid", "at_risk"):
            value = got_projects.get(name, {}).get(key, 0)
            same = round(value, 2) == round(figures[key], 2)
            ok &= same
            print(f"funds.{name[:12]}.{key:8} truth {figures[key]:>16,.2f}  result {value:>16,.2f}  {'same' if same else 'DIFFERENT'}")
    got_coverage = {r["register"]: r for r in got.get("register_coverage", [])}
    for label, figures in want.get("register_coverage", {}).items():
        pair = (got_coverage.get(label, {}).get("enrolled"), got_coverage.get(label, {}).get("aided"))
        same = pair == (figures["enrolled"], figures["aided"])
        ok &= same
        print(f"coverage.{label:20} truth {figures['enrolled']:>9,} enrolled {figures['aided']:>9,} aided  result {pair}  {'same' if same else 'DIFFERENT'}")
sys.exit(0 if ok else 1)
