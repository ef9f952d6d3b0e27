public import SyncCore

/// The outcome of one check of `CentralStore.verifyStore()`.
public struct StoreCheck: Sendable, Hashable, Codable {
    /// Which check.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case integrity
        case foreignKeys = "foreign_keys"
        case deviceJournals = "device_journals"
        case serverJournal = "server_journal"
        case auditChain = "audit_chain"

        /// What the check looks at, for people.
        public var title: LocalizedText {
            switch self {
            case .integrity: LocalizedText(zh: "SQLite 完整性检查", en: "SQLite integrity check")
            case .foreignKeys: LocalizedText(zh: "外键", en: "foreign keys")
            case .deviceJournals: LocalizedText(zh: "设备日志哈希链", en: "device journal hash chains")
            case .serverJournal: LocalizedText(zh: "服务器日志哈希链", en: "server journal hash chain")
            case .auditChain: LocalizedText(zh: "审计日志哈希链", en: "audit log hash chain")
            }
        }
    }

    /// One thing found wrong, with the journal entry it concerns when there is one.
    public struct Finding: Sendable, Hashable, Codable {
        public let message: LocalizedText
        /// The device whose journal is at fault (`server` for the server's own journal).
        public let device: String?
        /// The first bad entry's or record's seq.
        public let seq: Int64?

        public init(_ message: LocalizedText, device: String? = nil, seq: Int64? = nil) {
            self.message = message
            self.device = device
            self.seq = seq
        }
    }

    public let kind: Kind
    /// Nothing wrong was found.
    public var ok: Bool { findings.isEmpty }
    /// What was found wrong; empty when the check passed.
    public let findings: [Finding]
    /// What was checked, e.g. how many entries, for the report.
    public let checked: LocalizedText

    public init(kind: Kind, findings: [Finding], checked: LocalizedText) {
        self.kind = kind
        self.findings = findings
        self.checked = checked
    }

    enum CodingKeys: String, CodingKey {
        case kind, ok, findings, checked
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(ok, forKey: .ok)
        try container.encode(findings, forKey: .findings)
        try container.encode(checked, forKey: .checked)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        findings = try container.decode([Finding].self, forKey: .findings)
        checked = try container.decode(LocalizedText.self, forKey: .checked)
    }
}
