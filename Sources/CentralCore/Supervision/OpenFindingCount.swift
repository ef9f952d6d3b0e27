/// How many findings of one node, check and severity still wait in the follow-up queue (status `open`): the
/// console overview's counts, which it sums over the nodes an admin may see.
public struct OpenFindingCount: Codable, Hashable, Sendable {
    public let node: String
    /// A check id (`SupervisionCheck.id`).
    public let check: String
    public let severity: FindingSeverity
    public let count: Int

    public init(node: String, check: String, severity: FindingSeverity, count: Int) {
        self.node = node
        self.check = check
        self.severity = severity
        self.count = count
    }
}
