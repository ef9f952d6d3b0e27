internal import CSQLite
public import SyncCore

/// Counts the rows each rowid table gets inserted, updated or deleted on a connection, through SQLite's update hook
/// (which does not see `WITHOUT ROWID` tables): how tests see how many rows a push writes. One counter per
/// connection at a time; it removes its hook when released.
package final class RowWriteCounter {
    private let database: Database
    /// Rows written per table.
    package private(set) var rows: [String: Int] = [:]

    package init(_ database: Database) {
        self.database = database
        sqlite3_update_hook(database.handle, { context, _, _, table, _ in
            guard let context, let table else { return }
            Unmanaged<RowWriteCounter>.fromOpaque(context).takeUnretainedValue().rows[String(cString: table), default: 0] += 1
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { sqlite3_update_hook(database.handle, nil, nil) }
}
