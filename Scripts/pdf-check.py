#!/usr/bin/env python3
"""What two independent checkers say of PDFs: page-validation (PDF/A-3u and PDF/UA-1 profiles)
and outloud (PDF/UA-1 and WCAG). usage: pdf-check.py FILE.pdf...
One line per file and profile, then each failure; exit 1 if any profile fails or outloud reports
an error (its warnings are printed and do not fail). Run from the venv `make test` builds."""
import json, subprocess, sys, os
import page

failed = False
for f in sys.argv[1:]:
    for profile in ("3u", "ua1"):
        r = page.validate_pdf(f, profile=profile)
        print(f"{f}: page-validation {profile}: {'compliant' if r.is_compliant else 'FAILED'} ({r.rules.failed} rules failed)")
        for x in r.failures:
            print(f"    {x.rule_id}: {x.message[:300]}")
        failed |= not r.is_compliant
    outloud = os.path.join(os.path.dirname(sys.executable), "outloud")
    o = subprocess.run([outloud, "--json", "-", "--fail-on", "never", f], capture_output=True, text=True)
    report = json.loads(o.stdout)
    findings = [x for res in report.get("results", []) for x in res.get("findings", [])]
    if any(res.get("error") for res in report.get("results", [])) or not report.get("results"):
        print(f"{f}: outloud could not read it: {report.get('results')}"); failed = True
    errors = [x for x in findings if x.get("severity") == "error"]
    warnings = [x for x in findings if x.get("severity") == "warning"]
    print(f"{f}: outloud: {len(errors)} errors, {len(warnings)} warnings")
    for x in errors + warnings:
        print(f"    {x.get('severity')} {x.get('rule')}: {str(x.get('message'))[:200]}")
    failed |= bool(errors)
print(f"{sum(1 for _ in sys.argv[1:])} files: {'some checks failed' if failed else 'no failure'}")
sys.exit(1 if failed else 0)
