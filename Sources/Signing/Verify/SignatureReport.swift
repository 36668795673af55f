import Foundation

/// What verification found for one signature.
public struct SignatureReport: Sendable {
    /// What happened to the file after this signature.
    public enum Later: Sendable, Equatable {
        case unchanged
        /// Later revisions only add signatures (fields, widgets, their appearances).
        case signaturesOnly
        /// Later revisions change what was signed: the objects named.
        case changed([Int])
    }

    public var field: String
    public var subFilter: String
    public var signer: String
    public var subject: String
    /// The time the signer's software claims (/M).
    public var claimedTime: Date?
    public var timeStamp: Date?
    public var timeStampMatches = false
    public var timeStampTrusted = false
    public var timeStampProblem = ""
    /// The signed bytes and attributes verify, and signing-certificate-v2 names the signer.
    public var intact = false
    public var problem = ""
    /// The byte range covers the whole revision it signs, all but the signature value.
    public var coversRevision = false
    public var later: Later = .unchanged
    public var trusted = false
    public var trustProblem = ""
    /// PAdES baseline: signing-certificate-v2 present, no signing-time attribute.
    public var padesBaseline = false

    /// Intact, covering its revision, not changed after (other than by signatures), and trusted.
    public var valid: Bool {
        if case .changed = later { return false }
        return intact && coversRevision && trusted
    }

    /// The report as `saraban verify` prints it, in English and Thai.
    public func text(timeZone: TimeZone = .current) -> String {
        var lines = ["\(field) (\(subFilter)\(padesBaseline ? ", PAdES " + (timeStamp == nil ? "B-B" : "B-T") : ""))"]
        lines.append("  signer / ผู้ลงนาม: \(signer) (\(subject))")
        lines.append("  signing time / เวลาลงนาม: \(claimedTime.map { SignatureReport.format($0, timeZone) } ?? "none / ไม่ระบุ") (claimed by the signer / ตามที่ผู้ลงนามระบุ)")
        if let t = timeStamp {
            let match = timeStampMatches ? "stamps this signature / ตรงกับลายมือชื่อนี้" : "does NOT stamp this signature / ไม่ตรงกับลายมือชื่อนี้"
            let trust = timeStampTrusted ? "TSA trusted / ผู้ประทับเวลาเชื่อถือได้" : "TSA not trusted / ผู้ประทับเวลาไม่น่าเชื่อถือ: \(timeStampProblem)"
            lines.append("  time-stamp / ตราประทับเวลา: \(SignatureReport.format(t, timeZone)), \(match), \(trust)")
        }
        lines.append("  signed bytes / ข้อมูลที่ลงนาม: " + (intact ? "intact / ไม่ถูกแก้ไข" : "NOT intact / ถูกแก้ไข: \(problem)"))
        if !coversRevision { lines.append("  coverage / ขอบเขต: does NOT cover the whole file / ไม่ครอบคลุมทั้งแฟ้ม") }
        switch later {
        case .unchanged: lines.append("  after signing / หลังลงนาม: unchanged / ไม่มีการเปลี่ยนแปลง")
        case .signaturesOnly: lines.append("  after signing / หลังลงนาม: only signatures were added / มีเพียงการลงนามเพิ่ม")
        case .changed(let objects):
            lines.append("  after signing / หลังลงนาม: CHANGED (objects \(objects.map(String.init).joined(separator: ", "))) / ถูกแก้ไขหลังลงนาม")
        }
        lines.append("  certificate chain / สายใบรับรอง: " + (trusted ? "trusted / เชื่อถือได้" : "NOT trusted / ไม่น่าเชื่อถือ: \(trustProblem)"))
        lines.append("  revocation / การเพิกถอน: not checked, no network / ไม่ได้ตรวจสอบ (ไม่ใช้เครือข่าย)")
        lines.append("  => " + (valid ? "valid / ใช้ได้" : "NOT valid / ใช้ไม่ได้"))
        return lines.joined(separator: "\n")
    }

    static func format(_ date: Date, _ zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        return f.string(from: date)
    }
}
