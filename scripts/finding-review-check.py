#!/usr/bin/env python3
"""Which findings of the panel's finding reviews a build still gives (SampleEssays/panel.json).

Each review (`findingReview10`, `findingReview16`, ...) holds, per answer, the findings of one commit with a
reviewer's verdict: true, false or trivial. This grades every reviewed answer with the given binary and
counts, per review and verdict, how many still fire (same rule and line), and lists the true findings that no
longer do. Usage: scripts/finding-review-check.py PAKESSAY-BINARY findingReview16[,findingReview15,...]
"""
import json, os, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary, keys = sys.argv[1], sys.argv[2].split(",")
panel = json.load(open(os.path.join(root, "SampleEssays/panel.json")))
graded = {}
for key in keys:
    counts = {"true": [0, 0], "false": [0, 0], "trivial": [0, 0]}
    lost = []
    for a in panel["answers"]:
        review = a.get(key)
        if not review:
            continue
        if (a["file"], a["rubric"]) not in graded:
            out = subprocess.run([binary, "grade", os.path.join("SampleEssays", a["file"]), "--rubric", a["rubric"],
                                  "--format", "json"], capture_output=True, cwd=root).stdout
            graded[(a["file"], a["rubric"])] = json.loads(out)
        answer = graded[(a["file"], a["rubric"])]["answers"][a["answer"] - 1]
        given = {(f["rule"], f["line"]) for f in answer["findings"]}
        for f in review:
            counts[f["verdict"]][0] += 1
            if (f["rule"], f["line"]) in given:
                counts[f["verdict"]][1] += 1
            elif f["verdict"] == "true":
                lost.append(f"{a['file']}:{f['line']} {f['rule']}")
    print(f"{key}: " + ", ".join(f"{v} {n[1]} of {n[0]} still fire" for v, n in counts.items())
          + (f"; true findings lost: {', '.join(lost)}" if lost else ""))
