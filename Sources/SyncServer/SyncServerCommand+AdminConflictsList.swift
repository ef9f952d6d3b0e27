import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin.ConflictsCommand {
    /// `admin conflicts list`: the queue, newest first.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出冲突，最新的在前 / List conflicts, newest first.")

        @OptionGroup var options: AdminOptions
        @Option(help: "只列出此状态 / only this status: open, resolved") var status: String?
        @Option(help: "只列出此类型 / only this kind: \(ConflictKind.allCases.map(\.rawValue).joined(separator: ", "))")
        var kind: String?
        @Option(help: "只列出此节点 / only this node, e.g. 46010001") var node: String?
        @Flag(help: "以 JSON 输出 / print JSON for scripts") var json = false

        func validate() throws {
            _ = try query()
        }

        func run() throws {
            let query = try query()
            try options.withStore { store in
                if let node = query.node { _ = try store.node(node) }
                let conflicts = try store.conflicts(status: query.status, kind: query.kind, node: query.node)
                if json { return try printJSON(conflicts) }
                guard !conflicts.isEmpty else { return print("没有冲突 / no conflicts") }
                print(ConflictRecord.tableHeader)
                for conflict in conflicts { print(conflict.tableRow) }
            }
        }

        private func query() throws -> ConflictQuery {
            do {
                return try ConflictQuery(status: status, kind: kind, node: node)
            } catch let refusal as TraceSyncError {
                throw ValidationError(refusal)
            }
        }
    }
}
