/// How many findings there are by check and by status: the overview's counts and operator credit's input.
public struct FindingCounts: Codable, Hashable, Sendable {
    /// Check id → status → count.
    public let byCheck: [String: [String: Int]]

    public init(byCheck: [String: [String: Int]]) {
        self.byCheck = byCheck
    }

    /// The counts of these findings.
    public init(_ records: [FindingRecord]) {
        var counts: [String: [String: Int]] = [:]
        for record in records { counts[record.finding.check, default: [:]][record.status.rawValue, default: 0] += 1 }
        byCheck = counts
    }

    /// How many have `status`, of every check.
    public func count(_ status: FindingStatus) -> Int {
        byCheck.values.reduce(0) { $0 + ($1[status.rawValue] ?? 0) }
    }
}
