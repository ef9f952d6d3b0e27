import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 1: entries merged per second by `CentralStore.push`, against SQLite writing the same result blindly: the
/// very rows the merge wrote (every table that grew), by prepared INSERTs and as a changeset, into a new store with
/// the same schema and indexes; and against the one-row-per-entry baselines (the entries alone, in a bare table).
/// Also the rows and SQL statements the merge wrote per entry.
///
/// Several devices of one market push their days (see `MarketJournal`) in chunks of 500, taking turns; the store is a
/// file in WAL mode with `synchronous = FULL`, as the server runs it.
struct MergeFigure {
    let devices: Int
    let entriesPerDevice: Int

    func run(into report: Report) throws {
        let directory = try ScratchDirectory("merge")
        defer { directory.remove() }
        let path = directory.path("central.sqlite")
        let store = try MarketStore.make(path: path)
        let start = store.clock() - 4 * 3_600_000
        var records: [CentralStore.DeviceRecord] = []
        var journals: [[JournalEntry]] = []
        for number in 1...devices {
            let record = try MarketStore.enroll(store, name: "秤台 \(number)", deviceNumber: number)
            records.append(record)
            journals.append(MarketJournal.make(count: entriesPerDevice, deviceId: record.id, node: MarketStore.node,
                                               deviceNumber: number, operators: MarketStore.operators,
                                               start: start, seed: UInt64(number)))
        }
        let all = journals.flatMap { $0 }
        let before = directory.path("before-merge.sqlite")
        try WrittenRows.snapshot(path, to: before)
        let counter = StatementCounter(store.database.handle)
        let (seconds, tally) = try Measure.time {
            try MarketStore.pushAll(store, devices: records, journals: journals, chunk: 500)
        }
        counter.stop()
        let rate = Double(all.count) / seconds
        let written = try WrittenRows.since(before, in: path)

        // The same rows into new stores, each made by `CentralStore`'s own migrations with the same markets.
        func newStore(_ name: String) throws -> RawDatabase {
            RawDatabase(borrowing: try MarketStore.make(path: directory.path(name)).database)
        }
        let sameInsert = Double(all.count) / (try written.insertSeconds(into: newStore("same-rows-insert.sqlite")))
        let sameApply = Double(all.count) / (try written.changesetApplySeconds(
            source: newStore("same-rows-source.sqlite"), target: newStore("same-rows-apply.sqlite")))
        let insert = try RawBaseline.insertRate(all, directory: directory)
        let apply = try RawBaseline.changesetApplyRate(all, directory: directory)

        let mix = Dictionary(grouping: all, by: \.kind).mapValues(\.count)
            .sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        let pushes = journals.reduce(0) { $0 + ($1.count + 499) / 500 }
        let rows = "the merge's \(written.rowCount) rows of \(all.count) entries"
        report.add(Figure("merge", "merge: CentralStore.push vs raw INSERT of the same rows", value: rate, unit: "entries/s",
                          baseline: ("\(rows), prepared INSERT, 1 transaction", sameInsert),
                          note: "\(devices) devices × \(entriesPerDevice) entries (\(mix)); verdicts: \(tally.summary); "
                              + "rows written: \(written.summary)"))
        report.add(Figure("merge", "merge: CentralStore.push vs changeset apply of the same rows", value: rate,
                          unit: "entries/s", baseline: ("\(rows), sqlite3changeset_apply", sameApply)))
        report.add(Figure("merge", "merge: CentralStore.push vs raw INSERT, one row per entry", value: rate,
                          unit: "entries/s", baseline: ("prepared INSERT into a bare entries table, 1 transaction", insert)))
        report.add(Figure("merge", "merge: CentralStore.push vs changeset apply, one row per entry", value: rate,
                          unit: "entries/s", baseline: ("sqlite3changeset_apply into a bare entries table", apply)))
        report.add(Figure("merge", "merge: rows written per entry", value: Double(written.rowCount) / Double(all.count),
                          unit: "rows", note: "new rows in the tables that grew; rows inserted, updated or deleted "
                              + "(sqlite3_total_changes): \(String(format: "%.2f", Double(counter.changes) / Double(all.count))) per entry"))
        report.add(Figure("merge", "merge: SQLite statements per entry",
                          value: Double(counter.statements) / Double(all.count), unit: "statements",
                          note: "\(counter.statements) statements for \(all.count) entries in \(pushes) pushes "
                              + "(sqlite3_trace_v2 SQLITE_TRACE_STMT on the store's connection, transactions included)"))
    }
}
