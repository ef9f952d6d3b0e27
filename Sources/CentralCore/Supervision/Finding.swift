public import SyncCore

/// What a supervision check points at: one suspicious subject with the values that make it suspicious.
///
/// A finding is stored once, by its `key`: running the checks again over the same data finds the same key and
/// adds nothing.
public struct Finding: Codable, Hashable, Sendable {
    /// The check that found it (`SupervisionCheck.id`).
    public let check: String
    public let severity: FindingSeverity
    /// The node whose data it is about.
    public let node: String
    /// What it is about: a batch, an operator, a device, a market day or a certificate.
    public let subject: FindingSubject
    /// The operator whose record it counts against, when one does (operator credit reads it).
    public let operatorId: String?
    /// The business day (`YYYY-MM-DD`, China Standard Time) of the anomaly.
    public let day: String
    /// One line for the queue, in both languages.
    public let summary: LocalizedText
    /// The values shown to admins beside the finding, in the check's order.
    public let evidence: [FindingEvidence]
    /// The identity of the finding: the check, the subject and what distinguishes this anomaly of it.
    public let key: String

    package init(
        check: String, severity: FindingSeverity, node: String, subject: FindingSubject, operatorId: String?,
        day: String, summary: LocalizedText, evidence: [FindingEvidence], distinguishedBy detail: String = ""
    ) {
        self.check = check
        self.severity = severity
        self.node = node
        self.subject = subject
        self.operatorId = operatorId
        self.day = day
        self.summary = summary
        self.evidence = evidence
        key = [check, subject.kind.rawValue, subject.id, detail].joined(separator: "|")
    }

    /// A finding as stored, with its key.
    package init(
        check: String, severity: FindingSeverity, node: String, subject: FindingSubject, operatorId: String?,
        day: String, summary: LocalizedText, evidence: [FindingEvidence], key: String
    ) {
        self.check = check
        self.severity = severity
        self.node = node
        self.subject = subject
        self.operatorId = operatorId
        self.day = day
        self.summary = summary
        self.evidence = evidence
        self.key = key
    }
}

/// How much a finding matters to the follow-up queue, the most urgent first.
public enum FindingSeverity: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    /// Arithmetic cannot hold (more out than in, a certificate stretched): very likely wrong data.
    case high
    /// A strong statistical signal against the operator's or node's own record.
    case warning
    /// Worth a look; often explained by the day's business.
    case info

    /// The name shown to people.
    public var label: LocalizedText {
        switch self {
        case .high: LocalizedText(zh: "严重", en: "high")
        case .warning: LocalizedText(zh: "警告", en: "warning")
        case .info: LocalizedText(zh: "提示", en: "info")
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// The thing a finding is about.
public struct FindingSubject: Codable, Hashable, Sendable {
    /// What kind of thing.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case batch, `operator`, device, marketDay = "market_day", certificate
    }

    public let kind: Kind
    /// Its identity: a batch's trace code digits, an operator or device id, `node day`, a certificate number.
    public let id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }
}

/// One value shown beside a finding: a stable name scripts read, its label and the value as text.
public struct FindingEvidence: Codable, Hashable, Sendable {
    /// A stable name, e.g. `sold`.
    public let name: String
    public let label: LocalizedText
    public let value: String

    package init(_ name: String, zh: String, en: String, _ value: String) {
        self.name = name
        label = LocalizedText(zh: zh, en: en)
        self.value = value
    }
}
