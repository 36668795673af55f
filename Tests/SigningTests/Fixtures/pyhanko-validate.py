"""Validates every signature of a PDF with pyHanko, trusting the given root certificates, and
prints one JSON object per signature: what the signing tests assert on. No network: revocation
is not fetched (soft-fail), as `saraban verify` does not check it either."""
import json
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def context(roots):
    return ValidationContext(trust_roots=[load_cert_from_pemder(r) for r in roots], allow_fetching=False,
                             revocation_mode="soft-fail")


def describe(sig, roots):
    status = validate_pdf_signature(sig, context(roots), ts_validation_context=context(roots))
    attrs = sig.signer_info["signed_attrs"]
    names = [a["type"].native for a in attrs]
    ts = status.timestamp_validity
    return {
        "field": sig.field_name,
        "subfilter": sig.sig_object.get("/SubFilter"),
        "intact": status.intact,
        "valid": status.valid,
        "trusted": status.trusted,
        "bottom_line": status.bottom_line,
        "coverage": status.coverage.name,
        "modification_level": status.modification_level.name if status.modification_level else None,
        "docmdp_ok": status.docmdp_ok,
        "signer": status.signing_cert.subject.native.get("common_name"),
        "signed_attributes": names,
        "signature_algorithm": sig.signer_info["signature_algorithm"]["algorithm"].native,
        "certificates": len(sig.signed_data["certificates"]),
        "timestamp": None if ts is None else {"intact": ts.intact, "valid": ts.valid, "trusted": ts.trusted,
                                              "time": ts.timestamp.isoformat()},
    }


def main():
    path, roots = sys.argv[1], sys.argv[2:]
    with open(path, "rb") as f:
        reader = PdfFileReader(f)
        out = []
        for sig in reader.embedded_signatures:
            try:
                out.append(describe(sig, roots))
            except Exception as e:  # a signature pyHanko cannot even read: report it, do not crash
                out.append({"field": sig.field_name, "error": f"{type(e).__name__}: {e}"})
    print(json.dumps(out, ensure_ascii=False))


main()
