public import SyncCore

/// The server log as devices pull it, page by page (DESIGN.md §3).
///
/// Guarantees, beyond those of every read port (`CentralReads`):
/// - Positions are visible in commit order: a row becomes visible only with a position greater than every position
///   visible before it, so a cursor — the last position a device has read — never skips a row that commits later.
///   (On SQLite there is one writer at a time and positions are allocated inside its transaction, so they commit
///   in order.)
/// - A page holds the rows after the cursor in the device's scope, in position order, and costs about its own
///   rows, however long the log: an initial pull grows with the log, not with its square.
/// - A page and the generation it carries come from the same snapshot.
public protocol PullLog {
    /// Items after `cursor` in `device`'s scope: master data for everyone, its node's operators and entries (other
    /// devices' rejected entries excepted), and verdicts on its own entries; at most `limit` of them.
    func pull(device: DeviceRecord, cursor: Int64, limit: Int) throws -> PullPage

    /// The store's generation: the same for as long as this store lives, new in a store restored from a backup.
    func generation() throws -> String
}
