#!/usr/bin/env python3
"""Agreement of pakessay with the blind panel (SampleEssays/panel.json).

Grades every panel answer with the built pakessay under its rubric and prints Spearman and the mean
absolute error against the examiners' mean, on the whole panel and on the set-aside third, plus the
per-criterion mean absolute error, and each fresh batch alone. Usage:
scripts/panel-agreement.py [PAKESSAY-BINARY] [-v] [--hide=f,...]: -v lists every answer; --hide leaves out the
batches it names (a batch kept untouched until the end is not looked at while rules change).
"""
import json, subprocess, sys, statistics, os

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/pakessay")
panel = json.load(open(os.path.join(root, "SampleEssays/panel.json")))

def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out

def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    num = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    den = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return num / den if den else 0.0

graded = {}
for a in panel["answers"]:
    key = (a["file"], a["answer"])
    if a["file"] not in {k[0] for k in graded}:
        out = subprocess.run([binary, "grade", os.path.join("SampleEssays", a["file"]), "--rubric", a["rubric"],
                              "--format", "json"], cwd=root, capture_output=True, text=True)
        for g in json.loads(out.stdout)["answers"]:
            graded[(a["file"], g["index"])] = g
hidden = [b for b in sys.argv[2:] if b.startswith("--hide=")]
hide = set(hidden[0][len("--hide="):].split(",")) if hidden else set()
rows = []
for a in panel["answers"]:
    if a.get("batch") in hide:
        continue
    g = graded[(a["file"], a["answer"])]
    crit = {c["id"]: c["score"] for c in g["criteria"]}
    rows.append((a, g["marks"], crit))

def report(name, subset):
    human = [a["meanTotal"] for a, _, _ in subset]
    ours = [m for _, m, _ in subset]
    errors = [abs(h - o) for h, o in zip(human, ours)]
    per = [abs(a["meanCriteria"][c] - crit.get(c, 0)) for a, _, crit in subset for c in a["meanCriteria"]]
    print(f"{name}: {len(subset)} answers, Spearman {spearman(human, ours):.3f},"
          f" mean absolute error {statistics.mean(errors):.2f}, largest {max(errors):.2f},"
          f" per-criterion mean absolute error {statistics.mean(per):.2f}")

report("whole panel", rows)
report("set-aside third of the first 34", [r for r in rows if r[0]["setAside"] and not r[0].get("batch")])
batches = sorted({r[0]["batch"] for r in rows if r[0].get("batch")})
report(f"all set aside (the third, batches {', '.join(batches)})", [r for r in rows if r[0]["setAside"]])
report("tuning two thirds", [r for r in rows if not r[0]["setAside"]])
for batch in reversed(batches):
    subset = [r for r in rows if r[0].get("batch") == batch]
    report(f"batch {batch} (fresh, all set aside)", subset)
    first, second = sorted(subset[0][0]["marks"])
    def as_row(a, examiner):
        return {"meanTotal": a["marks"][examiner]["total"],
                "meanCriteria": {c: a["marks"][examiner][c] for c in a["meanCriteria"]}}
    report(f"examiners {first} and {second} of batch {batch} against each other", [
        (as_row(a, first), a["marks"][second]["total"], as_row(a, second)["meanCriteria"]) for a, _, _ in subset])
if "-v" in sys.argv:
    for a, m, _ in rows:
        print(f"  {a['file']}#{a['answer']}  panel {a['meanTotal']:5.2f}  pakessay {m:5.2f}  {a['writerIntended']}")
