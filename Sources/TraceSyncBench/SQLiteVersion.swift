import CSQLite

/// The version of the SQLite library linked in.
enum SQLiteVersion {
    static var text: String { String(cString: sqlite3_libversion()) }
}
