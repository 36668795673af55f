import CSigning
import Foundation

/// Checks every signature of a PDF that Saraban wrote (or signed): the signed bytes, what was
/// appended after each, the certificate chain against the given roots, and any time-stamp.
/// Nothing is fetched: revocation is not checked, and the report says so.
public enum SignatureVerifier {
    public static func verify(_ pdf: Data, trust: [Certificate], now: Date = Date()) throws -> [SignatureReport] {
        let file = try PDFFile(pdf)
        var reports = [SignatureReport]()
        for field in try file.signatureFields() {
            guard let widget = try file.dictionary(.reference(field.object, 0)), let signature = try file.dictionary(widget["V"]) else { continue }
            reports.append(try report(field.name, signature, file: file, trust: trust, now: now))
        }
        return reports
    }

    static func report(_ name: String, _ d: PDFDictionary, file: PDFFile, trust: [Certificate], now: Date) throws -> SignatureReport {
        var r = SignatureReport(field: name, subFilter: d["SubFilter"]?.asName ?? "?", signer: "?", subject: "?")
        r.claimedTime = (d["M"]?.asText).flatMap(pdfDate)
        guard let contents = d["Contents"]?.asBytes, let range = byteRange(d, file: file), let cms = CMSMessage.read(contents) else {
            r.problem = "no readable signature value / อ่านค่าลายมือชื่อไม่ได้"
            return r
        }
        let bytes = file.bytes
        let signed = Array(bytes[0..<range.1]) + Array(bytes[range.2..<range.3])
        guard cms.signerCount == 1, let signer = cms.signer ?? cms.certificates.first else {
            r.problem = "the signature does not have exactly one signer / ลายมือชื่อต้องมีผู้ลงนามหนึ่งราย"
            return r
        }
        r.signer = signer.commonName
        r.subject = signer.subject
        let verified = cms.verifies(content: signed)
        let essMatches = cms.signingCertificateMatches(signer)
        r.intact = verified && essMatches != false
        if !verified { r.problem = "the signature does not match the signed bytes" }
        if essMatches == false { r.problem = "signing-certificate-v2 names another certificate" }
        r.padesBaseline = essMatches == true && !cms.hasSignedAttribute(NID_pkcs9_signingTime) && r.subFilter == "ETSI.CAdES.detached"
        let revision = file.revisions.firstIndex { $0.end == range.3 }
        r.coversRevision = revision != nil
        if let revision { r.later = try changes(after: revision, file: file) }
        var checkTime = now
        if let token = cms.timeStampToken { checkTime = stamp(token, cms: cms, trust: trust, into: &r) ?? now }
        trustChain(signer, cms: cms, trust: trust, at: checkTime, into: &r)
        return r
    }

    /// The byte range when it is well formed: from 0, around exactly the /Contents string, to
    /// no further than the file's end.
    static func byteRange(_ d: PDFDictionary, file: PDFFile) -> (Int, Int, Int, Int)? {
        guard let a = d["ByteRange"]?.asArray?.compactMap(\.asInt), a.count == 4 else { return nil }
        let bytes = file.bytes
        guard a[0] == 0, a[1] > 0, a[1] < bytes.count, a[2] > a[1] + 1, a[3] >= 0, a[2] <= bytes.count - a[3] else { return nil }
        guard bytes[a[1]] == 0x3C, bytes[a[2] - 1] == 0x3E else { return nil }
        return (0, a[1], a[2], a[2] + a[3])
    }

    /// The time-stamp's time when it stamps this signature's value and its TSA is trusted.
    static func stamp(_ token: [UInt8], cms: CMSMessage, trust: [Certificate], into r: inout SignatureReport) -> Date? {
        let value = cms.signatureValue
        var time: Int64 = 0
        var matches: Int32 = 0
        guard saraban_ts_token_time(token, token.count, value, value.count, &time, &matches) == 1 else {
            r.timeStampProblem = "unreadable token"
            return nil
        }
        r.timeStamp = Date(timeIntervalSince1970: TimeInterval(time))
        r.timeStampMatches = matches == 1
        r.timeStampProblem = OpenSSL.text(capacity: 512) { buffer, length in
            r.timeStampTrusted = OpenSSL.withPointers(trust) { roots, count in
                saraban_ts_token_trusted(token, token.count, roots, count, buffer, length) == 1
            }
            return strlen(buffer)
        }
        return r.timeStampMatches && r.timeStampTrusted ? r.timeStamp : nil
    }

    static func trustChain(_ signer: Certificate, cms: CMSMessage, trust: [Certificate], at time: Date, into r: inout SignatureReport) {
        guard !trust.isEmpty else {
            r.trustProblem = "no trusted roots given (--trust) / ไม่ได้ระบุใบรับรองหลักที่เชื่อถือ (--trust)"
            return
        }
        let untrusted = cms.certificates
        r.trustProblem = OpenSSL.text(capacity: 512) { buffer, length in
            r.trusted = OpenSSL.withPointers(untrusted) { chain, n in
                OpenSSL.withPointers(trust) { roots, m in
                    saraban_verify_chain(signer.pointer, chain, n, roots, m, Int64(time.timeIntervalSince1970), buffer, length) == 1
                }
            }
            return strlen(buffer)
        }
    }

    /// A PDF date (D:YYYYMMDDHHmmSS with Z or ±HH'mm').
    static func pdfDate(_ s: String) -> Date? {
        var t = Substring(s)
        if t.hasPrefix("D:") { t = t.dropFirst(2) }
        let digits = String(t.prefix { $0.isASCII && $0.isNumber })
        guard digits.count >= 14 else { return nil }
        var c = DateComponents()
        func part(_ from: Int, _ n: Int) -> Int { Int(digits.dropFirst(from).prefix(n)) ?? 0 }
        c.year = part(0, 4); c.month = part(4, 2); c.day = part(6, 2)
        c.hour = part(8, 2); c.minute = part(10, 2); c.second = part(12, 2)
        let zone = t.dropFirst(digits.count)
        var offset = 0
        if let sign = zone.first, sign == "+" || sign == "-" {
            let z = zone.dropFirst().filter { $0.isASCII && $0.isNumber }
            offset = ((Int(z.prefix(2)) ?? 0) * 3600 + (Int(z.dropFirst(2).prefix(2)) ?? 0) * 60) * (sign == "-" ? -1 : 1)
        }
        c.timeZone = TimeZone(secondsFromGMT: offset)
        return Calendar(identifier: .gregorian).date(from: c)
    }
}
