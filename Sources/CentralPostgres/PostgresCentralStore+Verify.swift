package import CentralCore
import SyncCore

/// Checking the journals on PostgreSQL: what `verify` checks of them on SQLite. (The audit chain is not on
/// PostgreSQL yet; the database's own consistency is PostgreSQL's to keep.)
extension PostgresCentralStore {
    /// Every device journal's hash chain against the device's recorded head, and the server journal's chain, read
    /// from one snapshot.
    package func verifyJournals() throws -> [StoreCheck] {
        try inSnapshot {
            var heads: [String: (acked: Int64, head: String)] = [:]
            for row in try session.query("SELECT id, acked_seq, head_hash FROM devices") {
                heads[try row.text("id")] = (try row.integer("acked_seq"), try row.text("head_hash"))
            }
            var devices: [StoreCheck.Finding] = [], server: [StoreCheck.Finding] = []
            var walked: Set<String> = []
            var current: String?, previous = JournalEntry.genesis, expectedSeq: Int64 = 1
            func finish(_ device: String?) {
                guard let device, device != ServerJournal.deviceId else { return }
                let head = heads[device]
                if head == nil {
                    devices.append(.init(LocalizedText(zh: "日志 \(device) 没有对应的已注册设备。", en: "journal \(device) has no enrolled device.")))
                } else if head!.acked != expectedSeq - 1 || head!.head != previous {
                    devices.append(.init(LocalizedText(
                        zh: "设备 \(device) 记录的确认序号 \(head!.acked) 或头哈希与其日志（到第 \(expectedSeq - 1) 条）不符。",
                        en: "device \(device)'s acknowledged seq \(head!.acked) or head hash does not match its journal (up to \(expectedSeq - 1))."
                    )))
                }
            }
            for row in try session.query("SELECT * FROM entries ORDER BY device_id, seq") {
                let entry = try journalEntry(row)
                if entry.deviceId != current {
                    finish(current)
                    current = entry.deviceId
                    walked.insert(entry.deviceId)
                    previous = JournalEntry.genesis
                    expectedSeq = 1
                }
                var problems: [LocalizedText] = []
                if entry.seq != expectedSeq {
                    problems.append(LocalizedText(zh: "第 \(expectedSeq) 条缺失", en: "entry \(expectedSeq) is missing"))
                }
                if entry.prev != previous {
                    problems.append(LocalizedText(zh: "第 \(entry.seq) 条没有接上前一条", en: "entry \(entry.seq) does not link to the one before"))
                }
                if entry.expectedHash != entry.hash {
                    problems.append(LocalizedText(zh: "第 \(entry.seq) 条与其哈希不符", en: "entry \(entry.seq) does not match its hash"))
                }
                for problem in problems {
                    let finding = StoreCheck.Finding(LocalizedText(zh: "日志 \(entry.deviceId)：\(problem.zh)。",
                                                                   en: "journal \(entry.deviceId): \(problem.en)."))
                    if entry.deviceId == ServerJournal.deviceId { server.append(finding) } else { devices.append(finding) }
                }
                previous = entry.hash
                expectedSeq = entry.seq + 1
            }
            finish(current)
            for (device, head) in heads where !walked.contains(device) && head.acked != 0 {
                devices.append(.init(LocalizedText(zh: "设备 \(device) 确认到第 \(head.acked) 条，但中心库没有它的日志。",
                                                   en: "device \(device) is acknowledged up to \(head.acked) but the store holds no journal of it.")))
            }
            return [
                StoreCheck(kind: .deviceJournals, findings: devices,
                           checked: LocalizedText(zh: "\(heads.count) 台设备的日志", en: "the journals of \(heads.count) devices")),
                StoreCheck(kind: .serverJournal, findings: server,
                           checked: LocalizedText(zh: "服务器日志", en: "the server journal")),
            ]
        }
    }
}
