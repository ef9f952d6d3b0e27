import SyncCore

extension FindingRecord {
    /// The header of the findings CSV (`GET /v1/export/findings.csv`).
    public static let csvHeader = [
        "id", "node", "check", "severity", "status", "day", "subject_kind", "subject", "operator_id", "summary_zh",
        "summary_en", "evidence", "found_at", "note", "followed_up_by", "followed_up_at", "conflict_id",
    ]

    /// The findings as RFC 4180 CSV, header first; evidence as `name=value` pairs joined by `; `, times in UTC+8.
    public static func csv(_ records: [FindingRecord]) -> String {
        let lines = [csvHeader] + records.map { record -> [String] in
            let finding = record.finding
            return [
                String(record.id), finding.node, finding.check, finding.severity.rawValue, record.status.rawValue,
                finding.day, finding.subject.kind.rawValue, finding.subject.id, finding.operatorId ?? "",
                finding.summary.zh, finding.summary.en,
                finding.evidence.map { "\($0.name)=\($0.value)" }.joined(separator: "; "),
                BusinessTime.iso(record.foundAt), record.note ?? "", record.followedUpBy ?? "",
                record.followedUpAt.map(BusinessTime.iso) ?? "", record.conflictId.map(String.init) ?? "",
            ]
        }
        return lines.map { $0.map(CSVWriter.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
