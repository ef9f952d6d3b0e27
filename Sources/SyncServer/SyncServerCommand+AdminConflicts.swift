import ArgumentParser
import SyncCore
import CentralCore
import CentralSQLite

extension SyncServerCommand.Admin {
    /// `admin conflicts`: the admins' queue of conflicts (DESIGN.md §4): list, show and resolve them.
    struct ConflictsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract: "查看和处理冲突 / List, show and resolve conflicts.",
            discussion: """
                每个冲突都有临时结果，处理前数据照常使用；处理结果作为服务器记录同步到本节点的设备。
                Every conflict has a provisional outcome that stands until an admin decides; the decision syncs to the node's devices as a server entry.
                """,
            subcommands: [List.self, Show.self, Resolve.self]
        )
    }
}

extension ValidationError {
    /// A refusal of a command-line value, in both languages.
    init(_ refusal: TraceSyncError) {
        self.init("\(refusal.message.zh) / \(refusal.message.en)")
    }
}
