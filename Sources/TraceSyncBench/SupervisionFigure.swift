import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// The supervision checks' cost per merged entry against the merge's, in the same run.
///
/// A month of one wholesale market (`devices` devices, each recording `entriesPerDay` entries of `MarketJournal`'s
/// mix every business day) is pushed through `CentralStore.push` in chunks of 500, the server's clock on that day;
/// that merge is the baseline. Then, as the service runs: one device pushes `pushEntries` more and
/// `runPendingChecks` runs for what came, `rounds` times, each device in turn (the figure is the entries pushed per
/// second of check run, beside the same push's merge rate); and one run over everything (`runAllChecks`: the
/// month's entries per second of run, beside the month's merge rate).
struct SupervisionFigure {
    var devices = 8
    var entriesPerDay = 300
    var days = 30
    var pushEntries = 250
    var rounds = 8

    func run(into report: Report) throws {
        let directory = try ScratchDirectory("supervision")
        defer { directory.remove() }
        let store = try MarketStore.make(path: directory.path("central.sqlite"))
        let day = MarketStore.day
        let day0 = (BusinessTime.now() / day - Int64(days)) * day - 8 * 3_600_000
        var records: [CentralStore.DeviceRecord] = []
        var journals: [MarketJournal] = []
        for number in 1...devices {
            let record = try MarketStore.enroll(store, name: "秤台 \(number)", deviceNumber: number)
            records.append(record)
            journals.append(MarketJournal(deviceId: record.id, node: MarketStore.node, deviceNumber: number,
                                          operators: MarketStore.operators, start: day0 + 4 * 3_600_000, seed: UInt64(number)))
        }
        var pushed = [Int](repeating: 0, count: devices)
        var mergeSeconds = 0.0
        func push(_ index: Int, upTo count: Int, at now: Int64) throws -> Double {
            while journals[index].entries.count < count { journals[index].appendNext() }
            store.clock = { now }
            let (seconds, _) = try Measure.time {
                for start in stride(from: pushed[index], to: count, by: 500) {
                    _ = try store.push(device: records[index], entries: Array(journals[index].entries[start..<min(start + 500, count)]))
                }
            }
            pushed[index] = count
            return seconds
        }
        for offset in 0..<days {
            let morning = day0 + Int64(offset) * day + 4 * 3_600_000
            for index in 0..<devices {
                if offset > 0 { journals[index].startDay(at: morning + Int64(index) * 60_000) }
                mergeSeconds += try push(index, upTo: pushed[index] + entriesPerDay, at: morning + 6 * 3_600_000)
            }
        }
        let merged = pushed.reduce(0, +)
        let caughtUp = try store.runPendingChecks()

        // The service's runs: one push, then the run for what it brought.
        var pushSeconds = 0.0, checkSeconds = 0.0, batchesRead = 0
        let today = day0 + Int64(days) * day + 4 * 3_600_000
        for index in 0..<devices { journals[index].startDay(at: today + Int64(index) * 60_000) }
        for round in 0..<rounds {
            let index = round % devices
            pushSeconds += try push(index, upTo: pushed[index] + pushEntries, at: today + Int64(round + 1) * 300_000)
            let (seconds, run) = try Measure.time { try store.runPendingChecks() }
            checkSeconds += seconds
            batchesRead += run.batches
        }
        let pushedAfter = rounds * pushEntries
        let total = pushed.reduce(0, +)
        let (fullSeconds, full) = try Measure.time { try store.runAllChecks() }

        report.add(Figure("supervision", "supervision: run after a push vs the push's merge",
                          value: Double(pushedAfter) / checkSeconds, unit: "entries/s",
                          baseline: ("CentralStore.push of the same \(pushEntries)-entry pushes", Double(pushedAfter) / pushSeconds),
                          note: "\(rounds) rounds of one device pushing \(pushEntries) entries then runPendingChecks, on a "
                              + "store holding a month of one market (\(days) days × \(devices) devices × \(entriesPerDay) "
                              + "entries, \(full.batches) batches); \(String(format: "%.1f", 1_000 * checkSeconds / Double(rounds))) ms "
                              + "per run, \(batchesRead / rounds) batches read per run; the first run after the month "
                              + "(\(caughtUp.batches) batches) found \(caughtUp.found)"))
        report.add(Figure("supervision", "supervision: full run vs the month's merge",
                          value: Double(total) / fullSeconds, unit: "entries/s",
                          baseline: ("CentralStore.push of the month, chunks of 500", Double(merged) / mergeSeconds),
                          note: "runAllChecks over \(total) entries (\(full.batches) batches) in "
                              + "\(String(format: "%.2f", fullSeconds)) s, \(full.found) findings"))
    }
}
