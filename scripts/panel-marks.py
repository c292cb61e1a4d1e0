#!/usr/bin/env python3
"""MARKS files for `pakessay calibrate` from the blind panel (SampleEssays/panel.json).

For each rubric of the panel, writes RUBRIC-tuning.csv (the two thirds not set aside) and
RUBRIC-setaside.csv (the third set aside) into FOLDER: one row per answer with its path (relative to
FOLDER), the answer's number in its file, the examiners' mean total and their mean mark for each
criterion. Usage: scripts/panel-marks.py FOLDER
"""
import csv, json, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) != 2:
    sys.exit(__doc__)
folder = os.path.abspath(sys.argv[1])
os.makedirs(folder, exist_ok=True)
panel = json.load(open(os.path.join(root, "SampleEssays/panel.json")))
rubrics = sorted({a["rubric"] for a in panel["answers"]})
for rubric in rubrics:
    criteria = panel["criteria"].get(rubric, panel["criteria"]["css-current-affairs"])
    for part, aside in (("tuning", False), ("setaside", True)):
        rows = [a for a in panel["answers"] if a["rubric"] == rubric and a["setAside"] == aside]
        with open(os.path.join(folder, f"{rubric}-{part}.csv"), "w", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(["path", "answer", "marks"] + list(criteria))
            for a in rows:
                path = os.path.relpath(os.path.join(root, "SampleEssays", a["file"]), folder)
                writer.writerow([path, a["answer"], a["meanTotal"]] + [a["meanCriteria"][c] for c in criteria])
        print(f"{folder}/{rubric}-{part}.csv: {len(rows)} answers")
