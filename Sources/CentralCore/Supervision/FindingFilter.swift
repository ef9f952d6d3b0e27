public import SyncCore

/// Which findings a listing shows; nil in a field shows every value.
public struct FindingFilter: Hashable, Sendable {
    public var node: String?
    /// A check id (`SupervisionCheck.id`).
    public var check: String?
    public var severity: FindingSeverity?
    public var status: FindingStatus?
    /// The operator the findings count against.
    public var operatorId: String?

    public init(node: String? = nil, check: String? = nil, severity: FindingSeverity? = nil, status: FindingStatus? = nil,
                operatorId: String? = nil) {
        self.node = node
        self.check = check
        self.severity = severity
        self.status = status
        self.operatorId = operatorId
    }
}

extension FindingFilter {
    /// Reads the filters as typed, by the HTTP query or the command line.
    /// - Throws: `TraceSyncError` `bad_parameter` naming the filter and its allowed values.
    public init(node: String?, check: String?, severity: String?, status: String?) throws {
        if let node, node.count != 8 || !node.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw TraceSyncError(.badParameter, field: "node",
                                 zh: "参数 node=\(node) 无效：节点编码为 8 位数字，如 46010001。",
                                 en: "parameter node=\(node) is not valid: a node code is 8 digits, e.g. 46010001.")
        }
        if let check, !SupervisionChecks.ids.contains(check) {
            let known = SupervisionChecks.ids.joined(separator: ", ")
            throw TraceSyncError(.badParameter, field: "check",
                                 zh: "未知的核查 check=\(check)：可用 \(known)。", en: "unknown check \(check): use one of \(known).")
        }
        let level = try severity.map { text in
            guard let level = FindingSeverity(rawValue: text) else {
                let known = FindingSeverity.allCases.map(\.rawValue).joined(separator: ", ")
                throw TraceSyncError(.badParameter, field: "severity",
                                     zh: "未知的严重程度 severity=\(text)：可用 \(known)。", en: "unknown severity \(text): use one of \(known).")
            }
            return level
        }
        self.init(node: node, check: check, severity: level, status: try status.map { try FindingStatus.parse($0) })
    }
}
