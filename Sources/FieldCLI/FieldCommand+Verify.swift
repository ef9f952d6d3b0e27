import ArgumentParser
import SyncCore

extension FieldCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "重新计算日志哈希链，找出第一条被改动的记录 / Recompute the journal's hash chain."
        )

        /// What `--json` prints for an intact journal: a boolean and a number, not strings.
        struct Report: Encodable {
            let ok: Bool
            let entries: Int64
            let head: String
        }

        @OptionGroup var options: GlobalOptions

        func run() throws {
            try options.withStore { store, output in
                if let problem = try store.verifyJournal() { throw problem }
                let head = try store.journalHead()
                try output.emit(Report(ok: true, entries: head.count, head: head.hash)) {
                    output.text("日志完整：\(head.count) 条记录，头哈希 \(head.hash)",
                                "journal intact: \(head.count) entries, head hash \(head.hash)")
                }
            }
        }
    }
}
