#!/usr/bin/env python3
"""Builds the batch benchmark's inputs from the hinlekfai example as it is now (so the measure
table is included once the example has it): units.csv with N rows and two templates,
unshared.yaml (the unit's name in the memo and in every attachment, so nothing is shared) and
shared.yaml (the name in the memo only; the attachments identical for every unit)."""
import csv, sys, yaml

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
NAME = "หินเหล็กไฟ"


def templated(value, first_cell=False):
    """Every string with the unit's name replaced by the Mustache tag."""
    if isinstance(value, str):
        return value.replace(NAME, "{{unit}}")
    if isinstance(value, list):
        return [templated(v) for v in value]
    if isinstance(value, dict):
        return {k: templated(v) for k, v in value.items()}
    return value


def name_every_table(attachment):
    """Puts the unit's name in the first cell of every table's first row: its table is its own."""
    for block in attachment.get("content", []) or []:
        table = block.get("table") if isinstance(block, dict) else None
        if not isinstance(table, dict):
            continue
        for row in table.get("rows", []) or []:
            if isinstance(row, list) and row:
                cell = row[0]
                if isinstance(cell, str):
                    row[0] = "{{unit}} " + cell
                elif isinstance(cell, dict) and isinstance(cell.get("text"), str):
                    cell["text"] = "{{unit}} " + cell["text"]
                else:
                    continue
                break
            if isinstance(row, dict) and isinstance(row.get("group"), str):
                row["group"] = "{{unit}} " + row["group"]
                break


def main():
    example, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(example, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    attachments = doc.get("attachments") or []
    shared = dict(doc, memo=templated(doc["memo"]))
    unshared = dict(shared, attachments=templated(attachments))
    for a in unshared.get("attachments") or []:
        a["title"] = "{{unit}} " + a.get("title", "")
        name_every_table(a)
    if not attachments:
        unshared.pop("attachments", None)
    for name, d in (("shared", shared), ("unshared", unshared)):
        with open(f"{out}/{name}.yaml", "w", encoding="utf-8") as f:
            yaml.safe_dump(d, f, allow_unicode=True, sort_keys=False, width=10000)
    with open(f"{out}/units.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit", "file"])
        for i in range(1, n + 1):
            w.writerow([f"{NAME}ที่ {str(i).translate(THAI)}", f"unit-{i:05d}"])
    print(f"{n} units; attachments in the example: {len(attachments)}", file=sys.stderr)


main()
