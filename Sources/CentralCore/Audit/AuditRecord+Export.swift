import Foundation
public import SyncCore

/// Audit records as JSON (one object per record, the event's fields flattened) and as CSV, for listings and exports.
extension AuditRecord {
    private enum CodingKeys: String, CodingKey {
        case seq, at, time, actor, action, target, outcome, source, status, detail, prev, hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(at, forKey: .at)
        try container.encode(BusinessTime.iso(at), forKey: .time)
        try container.encode(event.actor, forKey: .actor)
        try container.encode(event.action, forKey: .action)
        try container.encode(event.target, forKey: .target)
        try container.encode(event.outcome.rawValue, forKey: .outcome)
        try container.encode(event.source, forKey: .source)
        try container.encode(event.status, forKey: .status)
        try container.encode(event.detail, forKey: .detail)
        try container.encode(prev, forKey: .prev)
        try container.encode(hash, forKey: .hash)
    }

    /// The header row of the CSV export.
    public static let csvHeader = "seq,time,actor,action,target,outcome,source,status,detail,prev,hash"

    /// The record as one RFC 4180 CSV row.
    public var csvRow: String {
        [
            String(seq), BusinessTime.iso(at), event.actor, event.action, event.target ?? "", event.outcome.rawValue,
            event.source ?? "", event.status.map(String.init) ?? "", event.detail ?? "", prev, hash,
        ].map(CSVWriter.field).joined(separator: ",")
    }

    /// The record as one line of JSON (for JSON-lines exports), keys sorted.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
