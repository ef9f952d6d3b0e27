/// Which complaints a listing holds; every field nil is every complaint. Operator credit reads the upheld ones of an
/// operator (`operatorId` with `upheld: true`), the console a node's queue.
public struct ComplaintFilter: Hashable, Sendable {
    public var node: String?
    public var status: ComplaintStatus?
    public var operatorId: String?
    public var batchCode: String?
    public var upheld: Bool?
    /// Filed at or after, and before, these times (milliseconds).
    public var filedFrom: Int64?
    public var filedBefore: Int64?

    public init(node: String? = nil, status: ComplaintStatus? = nil, operatorId: String? = nil, batchCode: String? = nil,
                upheld: Bool? = nil, filedFrom: Int64? = nil, filedBefore: Int64? = nil) {
        self.node = node
        self.status = status
        self.operatorId = operatorId
        self.batchCode = batchCode
        self.upheld = upheld
        self.filedFrom = filedFrom
        self.filedBefore = filedBefore
    }
}
