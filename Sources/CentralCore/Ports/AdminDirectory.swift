public import SyncCore

/// What admins list and look up: nodes, operators, devices, users, holds and the conflict queue.
///
/// Guarantees those of every read port (`CentralReads`). The conflict queue shows the conflicts the writer has
/// recorded: an orphan is flagged by the writer (when a push arrives, or when a listing finds it overdue, through
/// `overdueOrphansWaiting(now:)`), never by the read itself.
public protocol AdminDirectory {
    /// Every node, by code.
    func nodes() throws -> [Node]

    /// The node with this code.
    /// - Throws: `TraceSyncError` `unknown_node`.
    func node(_ code: String) throws -> Node

    /// A node's operators by name, each with the ids merged into it, personal numbers in clear.
    func operatorListing(node: String) throws -> [ListedOperator]

    /// Enrolled devices, of one node or all.
    func devices(node: String?) throws -> [DeviceRecord]

    /// The device with this id.
    /// - Throws: `TraceSyncError` `unknown_device`.
    func device(_ id: String) throws -> DeviceRecord

    /// Enrolled devices with their latest inspector, rejected entries and clock skew, of one node or all.
    func deviceActivity(node: String?) throws -> [DeviceActivity]

    /// Every admin user.
    func adminUsers() throws -> [AdminUser]

    /// The user a session token was made for, live or ended, or nil.
    func sessionOwner(token: String) throws -> String?

    /// The session a token opened, live or not, with its user, as stored; nil when no session has this token. The
    /// caller tells whether it is live (`StoredAdminSession.standing`) and has the writer record its use.
    func storedAdminSession(token: String) throws -> StoredAdminSession?

    /// The user whose unused bootstrap token this is, or nil.
    func bootstrapUser(token: String) throws -> String?

    /// The batches under a food-safety hold, of one node or all.
    func holds(node: String?) throws -> [HeldBatch]

    /// The node of the batch a batch code or child code names.
    func batchNode(_ code: String) throws -> String

    /// The conflict queue, newest first, filtered by status, kind and node; flags nothing.
    func conflictQueue(status: ConflictStatus?, kind: ConflictKind?, node: String?) throws -> [ConflictRecord]

    /// One conflict with its candidates.
    /// - Throws: `TraceSyncError` `unknown_conflict`.
    func conflict(_ id: Int64) throws -> ConflictRecord

    /// True when an event has waited longer than the orphan timeout for its batch's receipt and is not flagged yet:
    /// the writer should flag it before the queue is listed.
    func overdueOrphansWaiting(now: Int64) throws -> Bool

    /// How many entries the server rejected since `since` (milliseconds), by node.
    func rejectedEntries(since: Int64) throws -> [String: Int]
}
